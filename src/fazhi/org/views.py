from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from fazhi.org.models import Department, Region


class RegionView(LoginRequiredMixin, TemplateView):
    """The township's place in the region tree, its villages/communities and departments."""

    template_name = "org/regions.html"

    def get_context_data(self, **kwargs):
        township = self.request.township
        if township is None:
            raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
        ancestors, node = [], township.parent
        while node is not None:
            ancestors.insert(0, node)
            node = node.parent
        villages = (
            Region.objects.filter(parent=township).prefetch_related("advisors").order_by("code", "name")
        )
        return super().get_context_data(
            title="组织机构",
            township=township,
            ancestors=ancestors,
            villages=villages,
            departments=Department.objects.filter(township=township),
            **kwargs,
        )
