"""The holidays page: enter a year's 放假安排, preview the deadlines it moves, save (core.holidays)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from fazhi.core import holidays
from fazhi.core.access import access_for
from fazhi.core.menus import ADMIN_ROLES


def _lines(days) -> str:
    return "\n".join(f"{d.day:%Y-%m-%d} {d.name}".strip() for d in days)


class HolidaysView(LoginRequiredMixin, View):
    template_name = "core/holidays.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            access = access_for(request.user)
            township = request.township
            if township is None or not (access.superuser or access.roles_in(township.pk) & ADMIN_ROLES):
                raise PermissionDenied("只有司法所、党政办或乡镇系统管理员可以录入节假日安排。")
        return super().dispatch(request, *args, **kwargs)

    def year(self, data) -> int:
        value = str(data.get("year", ""))
        return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else timezone.localdate().year + 1

    def get(self, request):
        from fazhi.core.models import HolidayDay

        year = self.year(request.GET)
        entered = HolidayDay.objects.filter(day__year=year)
        return self.page(
            request,
            year,
            _lines(entered.filter(kind="holiday")),
            _lines(entered.filter(kind="workday")),
            entered.values_list("source", flat=True).first() or "",
        )

    def post(self, request):
        year = self.year(request.POST)
        texts = request.POST.get("holidays", ""), request.POST.get("workdays", "")
        source = request.POST.get("source", "").strip()[:80]
        try:
            off, on = holidays.clean_schedule(year, *texts)
        except ValidationError as exc:
            return self.page(request, year, *texts, source, errors=exc.messages)
        if request.POST.get("action") != "save":
            moved = holidays.preview(request.township, year, off, on, timezone.localdate())
            return self.page(request, year, *texts, source, moved=moved, previewed=True)
        rebuilt = holidays.save_year(year, off, on, request.user, source)
        messages.success(
            request,
            f"已保存{year}年放假安排（放假{len(off)}天、调休上班{len(on)}天），期限看板已重算（{rebuilt}项）。",
        )
        return HttpResponseRedirect(f"{reverse('holidays')}?year={year}")

    def page(self, request, year, holidays_text, workdays_text, source, **extra):
        from fazhi.core import calendar
        from fazhi.core.models import HolidayDay

        known = sorted(set(HolidayDay.objects.dates("day", "year").values_list("day__year", flat=True)))
        context = {
            "title": "节假日安排",
            "year": year,
            "holidays_text": holidays_text,
            "workdays_text": workdays_text,
            "source": source,
            "entered_years": known,
            "has_data": calendar.has_data(year),
            **extra,
        }
        return render(request, self.template_name, context)
