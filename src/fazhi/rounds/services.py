"""Rounds: open them, tell who has filed and who has not, file "无", remind the missing."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone

from fazhi.core.access import require_write
from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.rounds.duties import DUTIES, Duty, period_of  # noqa: F401  (period_of: views)
from fazhi.rounds.models import Round


def open_round(township, duty: Duty, day: dt.date) -> Round:
    start, end = period_of(duty, day)
    round_, _ = Round.objects.get_or_create(
        township=township, duty=duty.code, start=start, defaults={"end": end}
    )
    return round_


@dataclass
class FilerRow:
    filer: object  # a village Region, or the township
    filings: list = field(default_factory=list)
    zero: int = 0
    late: int = 0

    @property
    def filed(self) -> bool:
        return bool(self.filings)


def filers(duty: Duty, township) -> list:
    from fazhi.org.models import Region

    if duty.per == "village":
        return list(Region.objects.villages().filter(parent=township).order_by("code", "name"))
    return [township]


def late_filter(round_: Round) -> Q:
    """Filings recorded after the round was opened and after its last day."""
    end_of_round = timezone.make_aware(dt.datetime.combine(round_.end + dt.timedelta(days=1), dt.time()))
    return Q(created_at__gte=max(end_of_round, round_.opened_at))


def status(round_: Round, villages=None) -> list[FilerRow]:
    """One row per expected filer with its filings in the round (two queries)."""
    duty = DUTIES[round_.duty]
    model = duty.model_class
    rows = {f.pk: FilerRow(f) for f in filers(duty, round_.township)}
    if villages is not None and duty.per == "village":
        rows = {pk: row for pk, row in rows.items() if pk in villages}
    records = model.objects.filter(
        township=round_.township, **{f"{duty.date_field}__range": (round_.start, round_.end)}
    )
    late_ids = set(records.filter(late_filter(round_)).values_list("pk", flat=True))
    zero_ids = set(records.filter(duty.zero).values_list("pk", flat=True)) if duty.zero is not None else set()
    for record in records.order_by(duty.date_field, "pk"):
        key = record.village_id if duty.per == "village" else round_.township_id
        row = rows.get(key)
        if row is None:
            continue
        row.filings.append(record)
        row.zero += record.pk in zero_ids
        row.late += record.pk in late_ids
    return list(rows.values())


def summary(rows: list[FilerRow]) -> dict:
    return {
        "expected": len(rows),
        "filed": sum(r.filed for r in rows),
        "missing": [r.filer for r in rows if not r.filed],
        "zero": sum(r.zero for r in rows),
        "late": sum(r.late for r in rows),
    }


def county_status(duty: Duty, townships, day: dt.date) -> list[tuple]:
    """[(township, expected, filed, missing, zero, late)] per township: a few queries, plus one per
    opened round for its late filings."""
    from fazhi.org.models import Region

    start, end = period_of(duty, day)
    townships = list(townships)
    ids = [t.pk for t in townships]
    rounds = {
        r.township_id: r for r in Round.objects.filter(township_id__in=ids, duty=duty.code, start=start)
    }
    if duty.per == "village":
        expected = dict(
            Region.objects.villages()
            .filter(parent_id__in=ids)
            .values_list("parent_id")
            .annotate(n=Count("pk"))
            .values_list("parent_id", "n")
        )
        who = "village_id"
    else:
        expected = {pk: 1 for pk in ids}
        who = "township_id"
    records = duty.model_class.objects.filter(
        township_id__in=ids, **{f"{duty.date_field}__range": (start, end)}
    )
    filed = dict(
        records.values_list("township_id")
        .annotate(n=Count(who, distinct=True))
        .values_list("township_id", "n")
    )
    zero = (
        dict(
            records.filter(duty.zero)
            .values_list("township_id")
            .annotate(n=Count("pk"))
            .values_list("township_id", "n")
        )
        if duty.zero is not None
        else {}
    )
    late: dict = {}
    for pk, round_ in rounds.items():
        late[pk] = records.filter(late_filter(round_), township_id=pk).count()
    out = []
    for t in townships:
        want, done = expected.get(t.pk, 0), filed.get(t.pk, 0)
        out.append((t, want, done, max(want - done, 0), zero.get(t.pk, 0), late.get(t.pk, 0)))
    return out


def file_nothing(duty: Duty, township, village, user, day: dt.date | None = None):
    """File "无" (零上报) for `village` in the current round of `duty`, as an ordinary ledger record."""
    if not duty.nothing:
        raise ValidationError(f"“{duty.label}”请在台账中登记，不能直接报“无”。")
    require_write(user, township, roles=(Role.VILLAGE, Role.MEDIATOR), village=village)
    day = day or timezone.localdate()
    start, end = period_of(duty, day)
    model = duty.model_class
    if model.objects.filter(
        township=township, village=village, **{f"{duty.date_field}__range": (start, end)}
    ).exists():
        raise ValidationError(f"{village.name}本期已报送，无需重复报“无”。")
    who = user.get_full_name() or user.username
    record = model(township=township, village=village, **{duty.date_field: day}, **dict(duty.nothing))
    if hasattr(record, "screener"):
        record.screener = f"{village.name} {who}"
    return save_record(record, user, reason=f"{duty.label}零上报")


def remind_missing(today: dt.date | None = None) -> int:
    """Before a round ends, remind those who have not filed (village cadres; the office for township duties)."""
    from django.contrib.auth import get_user_model

    from fazhi.notify.services import notify, office_heads, working_days_before
    from fazhi.org.models import Region, RoleAssignment

    today = today or timezone.localdate()
    sent = 0
    townships = list(Region.objects.townships())
    heads = office_heads({t.pk for t in townships})
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=set(heads.values()))}
    cadres: dict = {}
    for assignment in RoleAssignment.objects.filter(role=Role.VILLAGE, village__isnull=False).select_related(
        "user"
    ):
        cadres.setdefault(assignment.village_id, []).append(assignment.user)
    for duty in DUTIES.values():
        start, end = period_of(duty, today)
        if today < working_days_before(end, duty.remind_before):
            continue
        for township in townships:
            round_ = open_round(township, duty, today)
            for row in status(round_):
                if row.filed:
                    continue
                if duty.per == "village":
                    targets = cadres.get(row.filer.pk, [])
                else:
                    head = heads.get((township.pk, duty.office)) or heads.get((township.pk, "司法所"))
                    targets = [users.get(head)]
                for user in targets:
                    sent += bool(
                        notify(
                            user,
                            "round",
                            None,
                            f"{row.filer.name}尚未报送{round_}（截止{end:%m月%d日}）。没有情况也请报“无”（零上报）。",
                            title=f"请报送：{round_}",
                            url=f"/rounds/{duty.code}/",
                            key=f"round:{round_.pk}:{row.filer.pk}",
                        )
                    )
    return sent


def open_all(today: dt.date | None = None) -> int:
    from fazhi.org.models import Region

    today = today or timezone.localdate()
    opened = 0
    for township in Region.objects.townships():
        for duty in DUTIES.values():
            start, _ = period_of(duty, today)
            if not Round.objects.filter(township=township, duty=duty.code, start=start).exists():
                open_round(township, duty, today)
                opened += 1
    return opened
