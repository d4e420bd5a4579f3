"""Every write of the assessment goes through here: the scheme, its run, a hand score, evidence."""

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from fazhi.assessment import compute, defaults, rules
from fazhi.assessment.models import Evidence, Item, Scheme, Score
from fazhi.core.access import access_for, can_write
from fazhi.core.roles import Role
from fazhi.core.text import clauses
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import REGISTRY


def supervised_counties(user) -> set[int]:
    """Counties the user supervises: a county role there (or superuser: every county)."""
    from fazhi.org.models import Region, RoleAssignment

    if not user.is_authenticated:
        return set()
    if access_for(user).superuser:
        return set(Region.objects.filter(kind=Region.Kind.COUNTY).values_list("pk", flat=True))
    return set(
        RoleAssignment.objects.filter(user=user, role=Role.COUNTY).values_list("organisation_id", flat=True)
    )


def require_county(user, county) -> None:
    if county.pk not in supervised_counties(user):
        raise Refused("只有县级依法治县办可以执行此操作。")


def townships_of(county):
    from fazhi.org.models import Region

    return list(Region.objects.townships().filter(parent=county).order_by("code", "name"))


# --- the scheme ------------------------------------------------------------------------------------


def check(scheme) -> list[str]:
    """Every problem of the scheme's tree (weights, levels, figures), in Chinese; empty when sound."""
    items = list(scheme.items.all())
    children = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)
    problems = []
    top = sum((i.weight for i in children[None]), Decimal(0))
    if top != 100:
        problems.append(f"一级指标分值合计为{top.normalize():f}分，应为100分。")
    for item in items:
        kids = children[item.pk]
        if item.level > 3:
            problems.append(f"{item.number}：指标最多三级。")
        if kids:
            total = sum((k.weight for k in kids), Decimal(0))
            if total != item.weight:
                problems.append(
                    f"{item.number}：下级指标分值合计{total.normalize():f}分，与本项{item.weight.normalize():f}分不符。"
                )
        elif item.method == Item.Method.AUTO:
            if item.indicator not in REGISTRY:
                problems.append(f"{item.number}：取数指标“{item.indicator}”不存在。")
            elif not compute.batchable(item.indicator):
                problems.append(f"{item.number}：指标“{item.indicator}”不能全县一次取数，请改为人工评分。")
            if item.rule not in Item.Rule.values:
                problems.append(f"{item.number}：自动计分须选择计分规则。")
            elif item.rule in ("threshold", "proportional") and item.target is None:
                problems.append(f"{item.number}：须填写目标值。")
            elif item.rule == "deduction" and not item.per_case:
                problems.append(f"{item.number}：须填写每件扣分。")
    return problems


@transaction.atomic
def create_default(county, year: int, user=None) -> Scheme:
    """The county's scheme of `year`, built from `defaults.ITEMS`."""
    scheme = Scheme.objects.create(county=county, year=year, name=defaults.NAME, evidence_due=None)
    by_number = {}
    for order, row in enumerate(defaults.ITEMS):
        number, title, weight, basis, method, code, rule, target, per_case, requirement = row
        parent = by_number.get(number.rpartition(".")[0]) if "." in number else None
        by_number[number] = Item.objects.create(
            scheme=scheme,
            parent=parent,
            number=number,
            title=title,
            weight=Decimal(weight),
            basis=basis,
            method=method or Item.Method.MANUAL,
            indicator=code,
            rule=rule,
            target=None if target is None else Decimal(target),
            per_case=None if per_case is None else Decimal(per_case),
            requirement=requirement,
            order=order,
        )
    if problems := check(scheme):
        raise Refused(clauses(problems))
    return scheme


@transaction.atomic
def copy_to_year(scheme, year: int, user) -> Scheme:
    """A copy of the scheme and every item for another year (scores are not copied)."""
    require_county(user, scheme.county)
    if Scheme.objects.filter(county=scheme.county, year=year).exists():
        raise Refused(f"{scheme.county}{year}年度已有考核方案，不能重复复制。")
    evidence_due = (
        scheme.evidence_due.replace(year=scheme.evidence_due.year + year - scheme.year)
        if scheme.evidence_due
        else None
    )
    copy = Scheme.objects.create(county=scheme.county, year=year, name=scheme.name, evidence_due=evidence_due)
    new_ids = {}
    for item in scheme.items.order_by("order", "id"):
        old_pk, old_parent = item.pk, item.parent_id
        item.pk = None
        item.scheme = copy
        item.parent_id = new_ids.get(old_parent)
        item.save()
        new_ids[old_pk] = item.pk
    return copy


# --- scoring ---------------------------------------------------------------------------------------


def leaves(scheme) -> list[Item]:
    items = list(scheme.items.order_by("order", "id"))
    parents = {i.parent_id for i in items}
    return [i for i in items if i.pk not in parents]


@transaction.atomic
def run(scheme, user, townships=None) -> int:
    """Score every township of the county on every automatic item; hand items get an empty score the
    county fills in (an existing hand score is kept). Each figure is one query for the whole county."""
    require_county(user, scheme.county)
    if problems := check(scheme):
        raise Refused("考核方案有误，不能计分：" + clauses(problems))
    townships = townships if townships is not None else townships_of(scheme.county)
    items = leaves(scheme)
    auto = [i for i in items if i.method == Item.Method.AUTO]
    values = compute.county_values({i.indicator for i in auto}, townships, scheme.year)
    existing = {(s.item_id, s.township_id): s for s in Score.objects.filter(scheme=scheme)}
    now = timezone.now()
    create, update = [], []
    for township in townships:
        for item in items:
            score = existing.get((item.pk, township.pk))
            if score is None:
                score = Score(scheme=scheme, item=item, township=township)
                create.append(score)
            if item.method != Item.Method.AUTO:
                continue
            value = values[item.indicator][township.pk]
            value = None if value is None else Decimal(value).quantize(rules.TWO)
            points, words = rules.score(item.rule, item.weight, value, item.target, item.per_case)
            if score.pk and (score.value, score.score, score.explanation) == (value, points, words):
                continue  # unchanged since the last run: nothing to write
            score.value, score.score, score.explanation, score.scored_at = value, points, words, now
            if score.pk:
                update.append(score)
    Score.objects.bulk_create(create)
    # Django's bulk_update is one CASE per field and row (1 s for 150 rows): changed rows are few
    # on a re-run, so each is one plain UPDATE.
    for score in update:
        Score.objects.filter(pk=score.pk).update(
            value=score.value, score=score.score, explanation=score.explanation, scored_at=now
        )
    scheme.run_at, scheme.run_by = now, user
    scheme.save(update_fields=["run_at", "run_by"])
    return len(existing) + len(create)


@transaction.atomic
def adjust(score, user, value, reason: str, expected_version: int) -> Score:
    """The county scores a hand item (or corrects it) with a reason; the history keeps each change."""
    require_county(user, score.scheme.county)
    if score.item.method != Item.Method.MANUAL:
        raise Refused("自动计分项由系统按台账数据计算，不能手工调整。")
    reason = (reason or "").strip()
    if not reason:
        raise Refused("调整得分须填写理由。")
    value = Decimal(value)
    if value < 0 or value > score.item.weight:
        raise Refused(f"得分应在0至{score.item.weight.normalize():f}分之间。")
    if not Score.objects.filter(pk=score.pk, version=expected_version).update(version=F("version") + 1):
        raise Refused("保存失败：该得分已被他人修改，请刷新后重试。")
    score.refresh_from_db(fields=["version"])
    score.score, score.reason = value, reason
    score.scored_by, score.scored_at = user, timezone.now()
    score.explanation = f"人工评分：{value.normalize():f}分"
    score._change_reason = f"调整得分：{reason}"
    score._history_user = user
    score.save()
    return score


def evidence_open(scheme, today=None) -> bool:
    today = today or timezone.localdate()
    return scheme.evidence_due is None or today <= scheme.evidence_due


@transaction.atomic
def clean_links(links: str) -> str:
    """Links to records of this system only: paths on the site, one a line (no other sites)."""
    lines = [line.strip() for line in (links or "").splitlines() if line.strip()]
    bad = [line for line in lines if not line.startswith("/") or line.startswith("//") or " " in line]
    if bad:
        raise Refused(f"相关台账记录须为本系统内的链接（以“/”开头）：{'、'.join(bad[:3])}")
    return "\n".join(lines)


def submit_evidence(score, user, note: str, files=(), links: str = "") -> Evidence:
    """A township submits evidence for a hand item of its own, before the scheme's deadline."""
    from fazhi.core.views import attach

    if not can_write(user, score.township, (Role.OFFICE,)):
        raise Refused("只有本乡镇司法所、党政办或管理员可以提交佐证材料。")
    if score.item.method != Item.Method.MANUAL:
        raise Refused("自动计分项依据台账数据计分，无须提交佐证材料。")
    if not evidence_open(score.scheme):
        raise Refused(f"佐证材料提交已于{score.scheme.evidence_due:%Y年%m月%d日}截止。")
    note = (note or "").strip()
    if not note:
        raise Refused("请填写佐证说明。")
    evidence = Evidence.objects.create(
        score=score, township=score.township, note=note, links=clean_links(links), submitted_by=user
    )
    for upload in files:
        attach(evidence, upload, user, step="佐证材料")
    return evidence


# --- results ---------------------------------------------------------------------------------------


def results(scheme, townships) -> list[dict]:
    """Per township: the total, the score of each 一级 item, rank (1 = best); best first."""
    top = {i.pk: i for i in scheme.items.filter(parent=None)}
    parent_of = dict(scheme.items.values_list("pk", "parent_id"))

    def root(pk):
        while parent_of.get(pk):
            pk = parent_of[pk]
        return pk

    sums = defaultdict(lambda: defaultdict(Decimal))
    pending = defaultdict(int)
    for item_id, township_id, score in Score.objects.filter(scheme=scheme).values_list(
        "item_id", "township_id", "score"
    ):
        if score is None:
            pending[township_id] += 1
        else:
            sums[township_id][root(item_id)] += score
    evidence = dict(
        Evidence.objects.filter(score__scheme=scheme)
        .order_by()
        .values("township_id")
        .annotate(n=Count("pk"))
        .values_list("township_id", "n")
    )
    rows = []
    for township in townships:
        by_top = [sums[township.pk][pk] for pk in top]
        rows.append(
            {
                "township": township,
                "parts": by_top,
                "total": sum(by_top, Decimal(0)),
                "pending": pending[township.pk],
                "evidence": evidence.get(township.pk, 0),
            }
        )
    rows.sort(key=lambda r: (-r["total"], r["township"].code))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


@transaction.atomic
def save_item(item, user) -> Item:
    """Create or change an item of the scheme (its history says who and when)."""
    require_county(user, item.scheme.county)
    item._history_user = user
    item.save()
    return item


@transaction.atomic
def delete_item(item, user) -> None:
    require_county(user, item.scheme.county)
    if item.children.exists():
        raise Refused("请先删除下级指标。")
    item._history_user = user
    item.delete()
