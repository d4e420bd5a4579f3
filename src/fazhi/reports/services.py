"""Writes of the annual report (always through core.services.save_record) and how its text becomes
.docx/PDF/HTML: tokens {{fig:code}} render to the figure's current value — a link to its records in
the editor, a plain number in the documents."""

import datetime as dt
import difflib
import html
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from fazhi.core.access import access_for, require_write
from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import REGISTRY, Scope, compute_all, format_value
from fazhi.reports.areas import all_sentences
from fazhi.reports.compose import compose
from fazhi.reports.document import Block, Document, number_headings
from fazhi.reports.models import AnnualReport, Baseline, ReportVersion
from fazhi.reports.wording import ANY_TOKEN, change_words, read_figures, render, spoken_unit, tokens
from fazhi.reports.workflows import EDITABLE_STATES

WRITE_ROLES = (Role.OFFICE,)  # besides the judicial office and the admin (core.roles.MANAGERS)


# --- writes -------------------------------------------------------------------


def create_report(township, year: int, user) -> AnnualReport:
    require_write(user, township, WRITE_ROLES)
    if AnnualReport.objects.filter(township=township, year=year).exists():
        raise Refused(f"{year}年度报告已存在，请在原报告上修改。")
    title, blocks = compose(township, year)
    with transaction.atomic():
        report = save_record(
            AnnualReport(township=township, year=year, title=title), user, reason="根据台账生成初稿"
        )
        _new_version(report, blocks, user, "根据台账生成初稿")
    return report


def regenerate(report: AnnualReport, user, expected_version: int | None = None) -> ReportVersion:
    """Write the text afresh from the ledgers (a new version; earlier versions stay)."""
    _check_editable(report, user)
    title, blocks = compose(report.township, report.year)
    report.title = title
    return _save_text(report, blocks, user, expected_version, "根据最新台账重新生成")


def edit_block(
    report: AnnualReport, block_id: str, text: str, user, expected_version: int | None = None
) -> ReportVersion:
    """Save one paragraph's new prose. Figure tokens must name registered indicators."""
    _check_editable(report, user)
    text = (text or "").strip()
    if not text:
        raise Refused("内容不能为空；如需删除本段，请使用“删除”。")
    unknown = [c for c in tokens(text) if c not in REGISTRY]
    if unknown:
        raise Refused(f"未知的指标代码：{'、'.join(unknown)}。请从原文复制指标标记，不要手工输入数字。")
    blocks = [dict(b) for b in report.current.blocks]
    block = next((b for b in blocks if b["id"] == block_id), None)
    if block is None:
        raise Refused("要修改的段落不存在，请刷新页面。")
    if block["kind"] == "notice":
        raise Refused("提示语不能修改：请补充台账后重新生成，或删除本节。")
    if block["text"] == text:
        raise Refused("内容没有变化。")
    block["text"] = text
    position = blocks.index(block) + 1
    return _save_text(report, blocks, user, expected_version, f"修改第{position}段")


def delete_block(
    report: AnnualReport, block_id: str, user, expected_version: int | None = None
) -> ReportVersion:
    _check_editable(report, user)
    blocks = [b for b in report.current.blocks if b["id"] != block_id]
    if len(blocks) == len(report.current.blocks):
        raise Refused("要删除的段落不存在，请刷新页面。")
    return _save_text(report, blocks, user, expected_version, "删除一段")


def sign(report: AnnualReport, user) -> AnnualReport:
    """The party secretary or the head signs off the discussion draft (both are needed to 签发)."""
    roles = access_for(user).roles_in(report.township_id)
    if report.state != AnnualReport.State.DISCUSSION:
        raise Refused("只有讨论稿可以签批。")
    now = timezone.now()
    if Role.SECRETARY in roles and not report.secretary_signed_at:
        report.secretary_signed_by, report.secretary_signed_at, who = user, now, "党委书记"
    elif Role.HEAD in roles and not report.head_signed_at:
        report.head_signed_by, report.head_signed_at, who = user, now, "镇长"
    elif roles & {Role.SECRETARY, Role.HEAD}:
        raise Refused("您已签批过本报告。")
    else:
        raise Refused("只有党委书记、镇长可以签批年度报告。")
    return save_record(report, user, reason=f"{who}签批")


def _check_editable(report, user):
    require_write(user, report.township, WRITE_ROLES)
    if report.state not in EDITABLE_STATES:
        raise Refused(f"报告已{report.get_state_display()}，不能再修改正文。")


def _save_text(report, blocks, user, expected_version, note) -> ReportVersion:
    with transaction.atomic():
        reason = note
        if report.secretary_signed_at or report.head_signed_at:
            # A sign-off covers the text it was given to; changed text must be signed again.
            report.secretary_signed_by = report.head_signed_by = None
            report.secretary_signed_at = report.head_signed_at = None
            reason += "（正文已改，原签批作废）"
        save_record(report, user, expected_version=expected_version, reason=reason)
        return _new_version(report, blocks, user, reason)


def _new_version(report, blocks, user, note) -> ReportVersion:
    last = report.versions.order_by("-number").values_list("number", flat=True).first() or 0
    user = user if getattr(user, "is_authenticated", False) else None
    return ReportVersion.objects.create(
        report=report, number=last + 1, blocks=blocks, note=note[:200], created_by=user
    )


# --- figures and rendering ---------------------------------------------------------


def values_for(township, year: int, blocks) -> dict:
    codes = sorted({c for b in blocks for c in tokens(b["text"]) if c in REGISTRY})
    if not codes:
        return {}
    return {f["code"]: f["value"] for f in compute_all(Scope(township, year), codes)}


def plain_text(text: str, values: dict, previous: dict | None = None) -> str:
    return render(text, values, previous)


def previous_values(township, year: int, blocks, baseline: "Baseline | None" = None) -> dict:
    """Last year's value of each figure the text states: from last year's report read back (the
    baseline), else from last year's records where they hold any (a zero there is no known value)."""
    codes = sorted({c for b in blocks for c in tokens(b["text"]) if c in REGISTRY})
    known = dict(baseline.figures) if baseline else {}
    missing = [c for c in codes if c not in known and _year_bound(REGISTRY[c])]
    if missing:
        for f in compute_all(Scope(township, year - 1), missing):
            if f["value"]:
                known[f["code"]] = f["value"]
    return {c: known[c] for c in codes if c in known}


def export_blocks(blocks) -> list[dict]:
    """What goes into .docx/PDF/HTML: no notices, and no heading left without content under it."""
    kept = [b for b in blocks if b["kind"] != "notice"]
    return [
        b for i, b in enumerate(kept) if b["kind"] != "heading" or b["level"] == 1 or _has_content(kept, i)
    ]


def _has_content(blocks, i) -> bool:
    for block in blocks[i + 1 :]:
        if block["kind"] == "heading" and block["level"] <= blocks[i]["level"]:
            return False
        if block["kind"] == "paragraph":
            return True
    return False


def _year_bound(indicator) -> bool:
    """Counted by year (cases received in 2024), not a standing state (villages, officers): only
    those are compared with last year's records."""
    if indicator.kind == "rate":
        return all(_year_bound(REGISTRY[c]) for c in (indicator.numerator, indicator.denominator))
    return bool(indicator.date_field)


def to_document(
    report: AnnualReport, version: ReportVersion | None = None, year_on_year: bool = True, addressee: str = ""
) -> Document:
    version = version or report.current
    values = values_for(report.township, report.year, version.blocks)
    previous = (
        previous_values(report.township, report.year, version.blocks, baseline_for(report))
        if year_on_year
        else {}
    )
    blocks = [
        Block("heading", plain_text(b["text"], values, previous), level=b["level"])
        if b["kind"] == "heading"
        else Block("paragraph", plain_text(b["text"], values, previous))
        for b in export_blocks(version.blocks)
    ]
    date = report.report_date or dt.date(report.year + 1, 1, 15)
    title = report.title.replace("关于", "\n关于", 1) if len(report.title) > 22 else report.title
    return Document(
        title=title, blocks=blocks, signature=report.township.government_name, date=date, addressee=addressee
    )


def document_text(doc: Document) -> str:
    """The document as plain text, one block per line (what `report check` reads back)."""
    from fazhi.reports.document import lay_out

    return "\n".join(item.text for item in lay_out(doc))


def editor_rows(
    report: AnnualReport, version: ReportVersion, baseline: "Baseline | None" = None
) -> list[dict]:
    """Each block with its heading number (as exported) and HTML where each figure links to its records."""
    values = values_for(report.township, report.year, version.blocks)
    exported = export_blocks(version.blocks)
    numbers = {
        b["id"]: prefix
        for b, prefix in zip(
            exported,
            (
                p
                for _, p in number_headings(
                    [
                        Block("heading", "x", level=b["level"])
                        if b["kind"] == "heading"
                        else Block("paragraph", "x")
                        for b in exported
                    ]
                )
            ),
            strict=True,
        )
    }
    base = previous_values(report.township, report.year, version.blocks, baseline)
    rows = []
    for block in version.blocks:
        rows.append(
            {
                **block,
                "number": numbers.get(block["id"], ""),
                "exported": block["id"] in numbers or block["kind"] == "notice",
                "html": figure_html(block["text"], values, report.year, base),
            }
        )
    return rows


def figure_html(text: str, values: dict, year: int, base: dict) -> str:
    def link(m):
        code = m[2]
        if m[1] == "yoy" and code not in REGISTRY:
            return ""
        if code not in REGISTRY:
            return f'<span class="badge text-bg-danger">未知指标 {html.escape(code)}</span>'
        value = values.get(code)
        indicator = REGISTRY[code]
        if m[1] == "yoy":
            words = (
                change_words(values.get(code), base[code], spoken_unit(code), code) if code in base else ""
            )
            return f'<span class="fz-yoy">{html.escape(words)}</span>' if words else ""
        return (
            f'<a class="fz-fig" data-code="{code}" href="/indicators/{code}/?year={year}" '
            f'title="{html.escape(indicator.name)}（点击查看台账记录）">{format_value(value)}</a>'
        )

    return ANY_TOKEN.sub(link, html.escape(text))


def diff_versions(old: ReportVersion, new: ReportVersion) -> list[tuple[str, str]]:
    """Line diff of two versions' texts (figure tokens shown as tokens): [(op, line)], op in ' +-'."""

    def lines(version):
        return [("【提示】" if b["kind"] == "notice" else "") + b["text"] for b in version.blocks]

    out = []
    for line in difflib.ndiff(lines(old), lines(new)):
        if line[:1] in "+- ":
            out.append((line[:1], line[2:]))
    return out


# --- baseline -----------------------------------------------------------------


def figures_from_parsed(parsed: dict) -> dict:
    """{indicator code: value} read back from parse_report output: the report's sentences are matched
    against the registry's own wording of every figure (reports.wording.read_figures)."""
    sentences = list(dict.fromkeys(f.get("text", "") for f in parsed.get("figures", [])))
    return read_figures("。".join(sentences), all_sentences())


def store_baseline(
    township, year: int, figures: dict, source: str, user, title: str = "", parsed=None
) -> Baseline:
    require_write(user, township, WRITE_ROLES)
    if not figures:
        raise Refused("未能从该报告中识别出可对应指标的数据，未保存。")
    baseline = Baseline.objects.filter(township=township, year=year).first() or Baseline(
        township=township, year=year
    )
    baseline.source, baseline.figures, baseline.source_title, baseline.parsed = (
        source,
        figures,
        title[:200],
        parsed or {},
    )
    return save_record(baseline, user, reason=f"保存{year}年度指标基数（{baseline.get_source_display()}）")


def baseline_from_parsed(township, parsed: dict, user, year: int | None = None) -> Baseline:
    year = year or parsed.get("year")
    if not year:
        raise Refused("无法确定该报告的年度，请手工填写年度。")
    return store_baseline(
        township,
        int(year),
        figures_from_parsed(parsed),
        Baseline.Source.IMPORTED,
        user,
        parsed.get("title") or "",
        parsed,
    )


def baseline_from_report(report: AnnualReport, user) -> Baseline:
    values = values_for(report.township, report.year, report.current.blocks)
    figures = {c: (float(v) if isinstance(v, Decimal) else v) for c, v in values.items() if v is not None}
    return store_baseline(
        report.township, report.year, figures, Baseline.Source.GENERATED, user, report.title
    )


def baseline_for(report: AnnualReport) -> Baseline | None:
    return Baseline.objects.filter(township=report.township, year=report.year - 1).first()
