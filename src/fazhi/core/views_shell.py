from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from fazhi.core.access import access_for
from fazhi.core.middleware import TownshipMiddleware


@login_required
@require_POST
def switch_township(request):
    """A county user (or anyone with several townships) picks the township they work in."""
    wanted = request.POST.get("township", "")
    if wanted.isdigit() and int(wanted) in access_for(request.user).readable:
        request.session[TownshipMiddleware.SESSION_KEY] = int(wanted)
    return HttpResponseRedirect(request.POST.get("next") or "/")


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})


class DeadlineBoardView(LoginRequiredMixin, TemplateView):
    template_name = "core/board.html"

    def get_context_data(self, **kwargs):
        from fazhi.core.board import collect

        if self.request.township is None:
            raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
        today = timezone.localdate()
        window = 3
        rows = [
            (item, item.state(today), item.days_left(today)) for item in collect(self.request.township, today)
        ]
        office = self.request.GET.get("office", "")
        offices = sorted({item.office for item, _, _ in rows})
        if office:
            rows = [row for row in rows if row[0].office == office]
        show = self.request.GET.get("show", "urgent")
        if show == "urgent":
            rows = [row for row in rows if row[1] in ("overdue", "soon")]
        return super().get_context_data(
            title="期限看板",
            rows=rows,
            offices=offices,
            office=office,
            show=show,
            window=window,
            overdue=sum(1 for _, s, _ in rows if s == "overdue"),
            soon=sum(1 for _, s, _ in rows if s == "soon"),
            **kwargs,
        )
