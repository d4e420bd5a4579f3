from django.db.models import Q

from fazhi.indicators.registry import REGISTRY
from fazhi.reports.compose import NOTICE_EMPTY, compose, tokens
from fazhi.reports.models import ReportItem
from fazhi.reports.services import export_blocks

from .helpers import dispute_figures, fake_figures


def item(world, kind, title, year=2025, text="具体情况。"):
    return ReportItem.objects.create(township=world.township, year=year, kind=kind, title=title, text=text)


def test_structure_title_parts_and_heading_levels(world):
    item(world, ReportItem.Kind.PROBLEM, "专业人才不足")
    item(world, ReportItem.Kind.PLAN, "加强执法培训")
    title, blocks = compose(world.township, 2025)
    assert title == "青山镇人民政府关于2025年度法治政府建设情况的报告"
    level1 = [b["text"] for b in blocks if b["kind"] == "heading" and b["level"] == 1]
    assert level1 == [
        "2025年推进法治政府建设的主要举措和成效",
        "2025年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
        "2025年推进法治政府建设存在的不足和原因",
        "2026年推进法治政府建设的主要安排",
    ]
    texts = [b["text"] for b in blocks]
    assert "专业人才不足" in texts and "加强执法培训" in texts
    assert len({b["id"] for b in blocks}) == len(blocks)
    assert blocks[0]["kind"] == "paragraph" and "现将2025年度法治政府建设情况报告如下" in blocks[0]["text"]


def test_figures_are_tokens_of_registered_indicators_only(world):
    _, blocks = compose(world.township, 2025)
    used = {c for b in blocks for c in tokens(b["text"])}
    assert {"org.villages", "org.advisor_coverage"} <= used
    assert used <= set(REGISTRY)
    assert not any(
        ch.isdigit() for ch in blocks[1]["text"].replace("2025", "")
    )  # the area lead is prose + tokens


def test_empty_area_says_so_instead_of_inventing_text(world, monkeypatch):
    for code in [
        c
        for c in REGISTRY
        if c.startswith(("disputes.", "screening.", "mediators.", "petitions.", "hotline."))
    ]:
        monkeypatch.delitem(REGISTRY, code)
    _, blocks = compose(world.township, 2025)
    heading = next(i for i, b in enumerate(blocks) if b["text"].startswith("坚持和发展新时代"))
    assert blocks[heading + 1] == {**blocks[heading + 1], "kind": "notice", "text": NOTICE_EMPTY}
    # Notices and the empty section's heading never reach the document.
    exported = export_blocks(blocks)
    assert all(b["kind"] != "notice" for b in exported)
    assert blocks[heading] not in exported
    # No items in the register: parts 三/四 carry a notice, their level-1 headings stay.
    assert sum(1 for b in blocks if b["kind"] == "notice" and "问题与安排登记" in b["text"]) == 2


def test_sentences_with_figures_and_rate(world, monkeypatch):
    dispute_figures(monkeypatch)
    for i in range(4):
        item(world, ReportItem.Kind.PROBLEM if i < 3 else ReportItem.Kind.PLAN, f"事项{i}")
    _, blocks = compose(world.township, 2025)
    text = next(b["text"] for b in blocks if "{{fig:disputes.received}}" in b["text"])
    assert (
        "全年共受理矛盾纠纷{{fig:disputes.received}}起，成功化解{{fig:disputes.resolved}}起，化解率达{{fig:disputes.resolution_rate}}%"
        in text
    )


def test_breakdown_only_when_parts_add_up(world, monkeypatch):
    fake_figures(
        monkeypatch,
        REGISTRY,
        {
            "petitions.total": Q(title__in=["甲", "乙", "丙"]),
            "petitions.by_channel.online": Q(title="甲"),
            "petitions.by_channel.visit": Q(title="乙"),
        },
    )
    for code in [
        c
        for c in REGISTRY
        if c.startswith("petitions.by_channel.")
        and c not in ("petitions.by_channel.online", "petitions.by_channel.visit")
    ]:
        monkeypatch.delitem(REGISTRY, code)
    item(world, ReportItem.Kind.PROBLEM, "甲")
    item(world, ReportItem.Kind.PLAN, "乙")
    _, blocks = compose(world.township, 2025)
    text = next(b["text"] for b in blocks if "{{fig:petitions.total}}" in b["text"])
    assert (
        "件，其中" in text
        and "网上投诉{{fig:petitions.by_channel.online}}件" in text
        and "来访{{fig:petitions.by_channel.visit}}件" in text
    )
    item(
        world, ReportItem.Kind.OTHER, "丙"
    )  # total 3, parts 1 + 1: never print parts that contradict the whole
    _, blocks = compose(world.township, 2025)
    assert not any("网上投诉{{" in b["text"] for b in blocks)
    assert any(b["text"] == "其他需要报告的情况" for b in blocks)  # part 五 appears only with such items
