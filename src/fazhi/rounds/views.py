"""Round pages: the township's filers (filed / not filed / 零上报 / late), "无" in one click, and the
county's view of the same per township."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from fazhi.core.access import access_for, can_write
from fazhi.core.roles import Role
from fazhi.core.text import clauses
from fazhi.rounds import services
from fazhi.rounds.duties import DUTIES, period_label


def _duty(code):
    if code not in DUTIES:
        raise Http404
    return DUTIES[code]


def _day(request) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


def _township(request):
    if request.township is None:
        raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
    return request.township


@login_required
@require_GET
def index(request):
    township = _township(request)
    today = timezone.localdate()
    villages = access_for(request.user).village_only(township.id)
    cards = []
    for duty in DUTIES.values():
        round_ = services.open_round(township, duty, today)
        cards.append((duty, round_, services.summary(services.status(round_, villages))))
    return render(request, "rounds/index.html", {"title": "定期报送", "cards": cards})


@login_required
@require_GET
def detail(request, code):
    duty = _duty(code)
    township = _township(request)
    day = _day(request)
    villages = access_for(request.user).village_only(township.id)
    round_ = services.open_round(township, duty, day)
    rows = services.status(round_, villages)
    may_file = duty.nothing and can_write(request.user, township, roles=(Role.VILLAGE, Role.MEDIATOR))
    previous = round_.start - dt.timedelta(days=1)
    return render(
        request,
        "rounds/detail.html",
        {
            "title": str(round_),
            "duty": duty,
            "round": round_,
            "rows": rows,
            "summary": services.summary(rows),
            "may_file": may_file,
            "previous": previous,
            "county": len(access_for(request.user).readable) > 1,
        },
    )


@login_required
@require_POST
def file_nothing(request, code):
    from fazhi.org.models import Region

    duty = _duty(code)
    township = _township(request)
    village = Region.objects.villages().filter(parent=township, pk=request.POST.get("village") or 0).first()
    if village is None:
        raise Http404
    try:
        services.file_nothing(duty, township, village, request.user)
    except ValidationError as exc:
        messages.error(request, clauses(exc.messages))
    else:
        messages.success(request, f"{village.name}已报“无”（零上报）。")
    return HttpResponseRedirect(f"/rounds/{duty.code}/")


@login_required
@require_GET
def county(request, code):
    from fazhi.org.models import Region

    duty = _duty(code)
    day = _day(request)
    readable = access_for(request.user).readable
    if not readable:
        raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
    townships = Region.objects.filter(pk__in=readable).order_by("code", "name")
    rows = services.county_status(duty, townships, day)
    start, _ = services.period_of(duty, day)
    return render(
        request,
        "rounds/county.html",
        {"title": f"{duty.label} {period_label(duty, start)} · 各乡镇", "duty": duty, "rows": rows},
    )
