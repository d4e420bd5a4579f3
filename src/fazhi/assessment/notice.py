"""The 考核结果通报: a county document in 公文 format (GB/T 9704-2012), through reports' renderer."""

from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from fazhi.assessment.models import Item, Score
from fazhi.indicators.registry import format_value
from fazhi.reports.document import Block, Document
from fazhi.reports.render import render_docx

LOST_SHOWN = 5  # the items most points were lost on, named in part two


def _points(value) -> str:
    return f"{format_value(Decimal(value).quantize(Decimal('0.01')))}分"


def lost_points(scheme) -> list[tuple[Item, Decimal, int]]:
    """Leaf items by the points the townships lost on them: (item, points lost, townships losing)."""
    lost, towns = defaultdict(Decimal), defaultdict(int)
    items = {}
    for score in Score.objects.filter(scheme=scheme, score__isnull=False).select_related("item"):
        gap = score.item.weight - score.score
        if gap > 0:
            lost[score.item_id] += gap
            towns[score.item_id] += 1
            items[score.item_id] = score.item
    ranked = sorted(lost, key=lambda pk: (-lost[pk], items[pk].order))
    return [(items[pk], lost[pk], towns[pk]) for pk in ranked[:LOST_SHOWN]]


def document(scheme, rows) -> Document:
    county = scheme.county.name
    blocks = [
        Block("paragraph", "各乡镇人民政府、街道办事处："),
        Block(
            "paragraph",
            f"根据《{scheme}方案》，县委全面依法治县委员会办公室对全县{len(rows)}个乡镇（街道）"
            f"{scheme.year}年度法治政府建设情况进行了考核。考核按方案所列指标，依据各乡镇（街道）台账数据自动计分，"
            "人工评分项依据佐证材料评定。现将考核结果通报如下。",
        ),
        Block("heading", "考核结果", level=1),
    ]
    for row in rows:
        pending = f"（尚有{row['pending']}项待评分）" if row["pending"] else ""
        blocks.append(
            Block(
                "paragraph", f"第{row['rank']}名：{row['township'].name}，{_points(row['total'])}{pending}。"
            )
        )
    blocks.append(Block("heading", "主要失分项目", level=1))
    lost = lost_points(scheme)
    if lost:
        for item, points, towns in lost:
            blocks.append(
                Block(
                    "paragraph",
                    f"{item.number}“{item.title}”：{towns}个乡镇（街道）失分，合计失{_points(points)}。",
                )
            )
    else:
        blocks.append(Block("paragraph", "各乡镇（街道）各项指标均得满分。"))
    blocks += [
        Block("heading", "工作要求", level=1),
        Block(
            "paragraph",
            "各乡镇（街道）要对照失分项目逐项分析原因，制定整改措施，明确责任人和完成时限，"
            "整改情况纳入本年度法治政府建设情况报告。县依法治县办将对整改落实情况进行督办。",
        ),
    ]
    return Document(
        title=f"关于{scheme.year}年度乡镇（街道）法治政府建设考核结果的通报",
        blocks=blocks,
        signature=f"中共{county}委全面依法治县委员会办公室",
        date=timezone.localdate(),
    )


def notice_docx(scheme, rows) -> bytes:
    return render_docx(document(scheme, rows))
