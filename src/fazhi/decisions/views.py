from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.dateparse import parse_date
from django.views import View

from fazhi.core.access import require_write
from fazhi.core.views import TownshipMixin
from fazhi.core.workflow import Refused
from fazhi.decisions import services
from fazhi.decisions.models import MajorDecision
from fazhi.decisions.workflows import ROLES


class StepView(TownshipMixin, View):
    """POST: record a procedure as done or not applicable (with a reason)."""

    model = MajorDecision
    write_roles = ROLES

    def post(self, request, pk):
        decision = get_object_or_404(self.scoped(), pk=pk)
        require_write(request.user, decision.township, self.write_roles)
        try:
            services.mark_step(
                decision,
                request.POST.get("procedure", ""),
                request.POST.get("status", ""),
                request.user,
                note=request.POST.get("note", ""),
                done_on=parse_date(request.POST.get("done_on") or ""),
            )
        except (Refused, ValueError) as exc:
            messages.error(request, f"操作未执行：{exc}")
        else:
            messages.success(request, "已登记法定程序办理情况。")
        return HttpResponseRedirect(decision.get_absolute_url())
