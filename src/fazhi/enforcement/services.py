"""Writes of the enforcement ledger that are more than saving a form."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from fazhi.core import masking
from fazhi.core.imports import ImportColumn, Importer, boolean, choice, date
from fazhi.core.services import save_record
from fazhi.core.workflow import Refused
from fazhi.enforcement import rules
from fazhi.enforcement.models import Domain, EnforcementCase, EnforcementItem, ExcludedPeriod, PublicEntry


def next_number(township, year: int) -> str:
    """Case numbers like 青山综执〔2026〕12号, counted per township and year (the unique constraint and
    `core.numbering.save_numbered` settle two filings at the same moment)."""
    prefix = f"{township.name.removesuffix('镇').removesuffix('乡').removesuffix('街道')}综执〔{year}〕"
    taken = EnforcementCase.objects.filter(township=township, number__startswith=prefix).values_list(
        "number", flat=True
    )
    numbers = [int(n[len(prefix) : -1]) for n in taken if n[len(prefix) : -1].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}号"


def assign_number(case: EnforcementCase, data=None) -> None:
    """立案 gives a case its number, of the year it is filed in."""
    if not case.number and case.filed_on:
        case.number = next_number(case.township, case.filed_on.year)


def public_text(case: EnforcementCase) -> str:
    """The published decision, with the party's personal data masked (names, ID numbers, phones)."""
    parts = [
        f"案件编号：{case.number}",
        f"当事人：{masking.mask_names(case.party)}",
        f"违法行为：{case.title}",
        f"执法事项：{case.item.name}" if case.item_id else "",
        f"依据：{case.item.legal_basis}" if case.item_id else "",
        f"处理决定：{scrub(case.decision, case)}",
        f"决定书文号：{case.decision_no}" if case.decision_no else "",
        f"作出决定日期：{case.decided_on:%Y-%m-%d}" if case.decided_on else "",
    ]
    return "\n".join(p for p in parts if p)


def scrub(text: str, case: EnforcementCase) -> str:
    """Free text may repeat the party's name, ID number or phone: mask every occurrence."""
    text = text or ""
    for name in filter(None, (n.strip() for n in case.party.replace("，", "、").split("、"))):
        text = text.replace(name, masking.mask_name(name))
    if case.party_id_number:
        text = text.replace(case.party_id_number, masking.mask_id_number(case.party_id_number))
    if case.party_phone:
        text = text.replace(case.party_phone, masking.mask_phone(case.party_phone))
    return text


def publish_decision(case: EnforcementCase, user, on: dt.date | None = None) -> PublicEntry:
    """Publish a decision with social impact (行政处罚法 art. 48); one entry per case."""
    entry = case.public_entries.filter(kind=PublicEntry.Kind.DECISION).first() if case.pk else None
    entry = entry or PublicEntry(
        township=case.township, village=case.village, case=case, kind=PublicEntry.Kind.DECISION
    )
    entry.title = f"{case.township.name}行政执法决定公开：{case.title}"
    entry.content = public_text(case)
    entry.published_on = on or timezone.localdate()
    return save_record(entry, user, reason="依《行政处罚法》第四十八条公开执法决定")


def revoke_decision(
    case: EnforcementCase, user, on: dt.date | None = None, reason: str = ""
) -> EnforcementCase:
    """The decision was revoked, changed or found void: record it; its publicity must be withdrawn
    within 3 working days (art. 48) — the deadline board shows it until `withdraw` is done."""
    if case.decided_on is None:
        raise Refused("本案尚未作出决定，无可撤销的决定。")
    case.revoked_on = on or timezone.localdate()
    return save_record(case, user, reason=f"决定被撤销/变更：{reason}" if reason else "决定被撤销/变更")


def withdraw(entry: PublicEntry, user, on: dt.date | None = None, reason: str = "") -> PublicEntry:
    if entry.withdrawn_on:
        raise Refused("该公示信息已撤回。")
    entry.withdrawn_on = on or timezone.localdate()
    entry.withdraw_reason = reason or "原决定已被撤销、变更或确认无效"
    return save_record(entry, user, reason=f"撤回公示：{entry.withdraw_reason}")


def withdraw_due(entry: PublicEntry):
    """When a published decision that was revoked must be withdrawn by (art. 48: 3 working days)."""
    if entry.case is None or entry.case.revoked_on is None:
        return None
    return rules.WITHDRAW.due(entry.case.revoked_on)


def add_excluded_period(
    case: EnforcementCase, user, *, kind: str, start: dt.date, end: dt.date, note: str = ""
) -> ExcludedPeriod:
    """Record a hearing/appraisal period not counted in the 90 days; the case's history says so."""
    if end < start:
        raise Refused("期间的止日不能早于起日。")
    if case.filed_on and start < case.filed_on:
        raise Refused("不计入期间不能早于立案日期。")
    with transaction.atomic():
        period = ExcludedPeriod.objects.create(case=case, kind=kind, start=start, end=end, note=note)
        save_record(case, user, reason=f"登记不计入办案期限的期间：{period}")
    return period


def officers_summary(township, on: dt.date) -> dict:
    """Brigade strength: quota (from the department's 编制) vs actual, certified, training met."""
    from fazhi.enforcement.models import EnforcementOfficer, training_target
    from fazhi.org.models import Department

    officers = list(EnforcementOfficer.objects.filter(township=township, active=True))
    quota = (
        Department.objects.filter(township=township, kind=Department.Kind.ENFORCEMENT)
        .values_list("quota", flat=True)
        .first()
    )
    soon = [
        o for o in officers if o.certified_on(on) and rules.certificate_reminder_from(o.valid_until) <= on
    ]
    return {
        "quota": quota,
        "actual": len(officers),
        "certified": sum(1 for o in officers if o.certified_on(on)),
        "expiring": len(soon),
        "training_met": sum(1 for o in officers if o.training_met),
        "training_target": training_target(),
    }


def catalogue_counts(township, published_only=False) -> dict[str, int]:
    items = EnforcementItem.objects.filter(township=township)
    if published_only:
        items = items.filter(published=True)
    counts = dict.fromkeys(EnforcementItem.Category.values, 0)
    for category in items.values_list("category", flat=True):
        counts[category] += 1
    return counts


def _item_defaults(record, values):
    # A published item gets today as its publication date unless the county's sheet gives one.
    if record.published and record.published_on is None:
        record.published_on = timezone.localdate()


ITEM_IMPORTER = Importer(
    EnforcementItem,
    [
        ImportColumn("事项编码", "code", required=True, example="330217001000"),
        ImportColumn("事项名称", "name", required=True, example="对在禁止区域内露天焚烧秸秆的行政处罚"),
        ImportColumn(
            "事项类别",
            "category",
            choice(EnforcementItem.Category.choices),
            required=True,
            example="行政处罚",
        ),
        ImportColumn("执法领域", "domain", choice(Domain.choices), example="生态环境"),
        ImportColumn(
            "实施依据",
            "legal_basis",
            required=True,
            example="《中华人民共和国大气污染防治法》第一百一十九条第一款",
        ),
        ImportColumn(
            "赋权机关",
            "assigned_by",
            example="江南省人民政府",
            help="依《行政处罚法》第二十四条决定将该执法权交由乡镇行使的机关",
        ),
        ImportColumn("赋权文件", "assignment_document", example="江政发〔2022〕12号"),
        ImportColumn("是否公布", "published", boolean, example="是", help="填“是”或“否”，空白视为“是”"),
        ImportColumn("公布日期", "published_on", date, example="2025-03-01"),
        ImportColumn("备注", "remarks"),
    ],
    unique=("code",),
    prepare=_item_defaults,
)
