from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views import View

from fazhi.core.access import require_write
from fazhi.core.views import TownshipMixin
from fazhi.core.workflow import Refused
from fazhi.documents import services
from fazhi.documents.models import CleanupCampaign
from fazhi.documents.workflows import ROLES


class CampaignScopeView(TownshipMixin, View):
    """POST: put every document in force into the campaign."""

    model = CleanupCampaign
    write_roles = ROLES

    def post(self, request, pk):
        campaign = get_object_or_404(self.scoped(), pk=pk, state=CleanupCampaign.State.ONGOING)
        require_write(request.user, campaign.township, self.write_roles)
        added = services.add_documents_in_force(campaign, request.user)
        messages.success(request, f"已纳入现行有效文件{added}件。")
        return HttpResponseRedirect(campaign.get_absolute_url())


class CampaignItemView(TownshipMixin, View):
    """POST: the outcome of one document in the campaign."""

    model = CleanupCampaign
    write_roles = ROLES

    def post(self, request, pk, item):
        campaign = get_object_or_404(self.scoped(), pk=pk)
        require_write(request.user, campaign.township, self.write_roles)
        entry = get_object_or_404(campaign.items.select_related("campaign", "document"), pk=item)
        try:
            services.set_outcome(
                entry, request.POST.get("outcome", ""), request.POST.get("reason", ""), request.user
            )
        except Refused as exc:
            messages.error(request, f"操作未执行：{exc}")
        return HttpResponseRedirect(campaign.get_absolute_url() + "#cleanup-items")
