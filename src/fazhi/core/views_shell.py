import datetime as dt

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from fazhi.core.access import access_for
from fazhi.core.board import urgent_counts, visible_entries
from fazhi.core.context import townships_by_county
from fazhi.core.deadlines import SOON
from fazhi.core.export import xlsx_response
from fazhi.core.middleware import TownshipMiddleware
from fazhi.core.tables import Column
from fazhi.notify.board import board_scope, responsible_name


@login_required
@require_http_methods(["GET", "POST"])
def switch_township(request):
    """A county user (or anyone with several townships) picks the township they work in: from the
    switcher on every page, or on this page, searchable, when they read too many for a <select>."""
    readable = access_for(request.user).readable
    if request.method == "POST":
        wanted = request.POST.get("township", "")
        if wanted.isdigit() and int(wanted) in readable:
            request.session[TownshipMiddleware.SESSION_KEY] = int(wanted)
        return HttpResponseRedirect("/")
    search = request.GET.get("q", "").strip()
    counties = townships_by_county(readable, search)
    return render(
        request,
        "core/township_picker.html",
        {"counties": counties, "q": search, "found": sum(len(t) for _, t in counties)},
    )


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})


class DeadlineBoardView(LoginRequiredMixin, TemplateView):
    """The township's open deadlines: overdue and due soon by default, or all; by office; paged; Excel."""

    template_name = "core/board.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        if request.township is None:
            raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
        today = timezone.localdate()
        entries = visible_entries(request.township, today)
        offices = sorted(set(entries.values_list("office", flat=True).order_by()))
        office = request.GET.get("office", "")
        if office:
            entries = entries.filter(office=office)
        entries, who = board_scope(entries, request.user, request.township, request.GET.get("who", "all"))
        masked = access_for(request.user).village_only(request.township.id) is not None
        counts = urgent_counts(entries, today)
        show = request.GET.get("show", "urgent")
        if show == "urgent":
            entries = entries.filter(due_on__lte=today + dt.timedelta(days=SOON))
        if request.GET.get("export") == "xlsx":
            columns = [
                Column("事项", "title"),
                Column("办理部门", "office"),
                Column("到期日", "due_on"),
                Column("剩余", lambda e: str(e.remaining(today))),
                Column("计算依据", "basis"),
                Column("责任人", lambda e: responsible_name(e, masked)),
            ]
            return xlsx_response("期限看板", columns, entries.select_related("responsible").iterator())
        page = Paginator(entries.select_related("responsible"), self.paginate_by).get_page(
            request.GET.get("page")
        )
        context = self.get_context_data(
            title="期限看板",
            rows=[
                (entry, entry.state(today), entry.remaining(today), responsible_name(entry, masked))
                for entry in page.object_list
            ],
            **dict(who=who, page=page, offices=offices, office=office, show=show, window=SOON),
            **counts,
            **kwargs,
        )
        return self.render_to_response(context)
