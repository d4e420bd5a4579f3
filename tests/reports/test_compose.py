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


def test_sentences_are_the_registry_wording_with_tokens(world, monkeypatch):
    dispute_figures(monkeypatch)
    for i in range(4):
        item(world, ReportItem.Kind.PROBLEM if i < 3 else ReportItem.Kind.PLAN, f"事项{i}")
    _, blocks = compose(world.township, 2025)
    text = next(b["text"] for b in blocks if "{{fig:disputes.received}}" in b["text"])
    assert (
        "共受理矛盾纠纷{{fig:disputes.received}}起{{yoy:disputes.received}}，"
        "成功化解{{fig:disputes.resolved}}起{{yoy:disputes.resolved}}，"
        "化解率达{{fig:disputes.resolution_rate}}%{{yoy:disputes.resolution_rate}}" in text
    )


def test_zero_head_drops_the_sentence_and_zero_parts_are_left_out(world, monkeypatch):
    fake_figures(
        monkeypatch,
        REGISTRY,
        {
            "petitions.total": Q(title__in=["甲", "乙", "丙"]),
            "petitions.by_channel.online": Q(title="甲"),
            "petitions.by_channel.visit": Q(title="乙"),
            "petitions.by_channel.letter": Q(title="无此事项"),
        },
    )
    for code in [c for c in REGISTRY if c.startswith("petitions.by_channel.") and c[-1] not in "etr"]:
        monkeypatch.delitem(REGISTRY, code)
    _, blocks = compose(world.township, 2025)
    assert not any("{{fig:petitions.total}}" in b["text"] for b in blocks)  # nothing registered yet
    for title in ("甲", "乙", "丙"):
        item(world, ReportItem.Kind.PROBLEM, title)
    _, blocks = compose(world.township, 2025)
    text = next(b["text"] for b in blocks if "{{fig:petitions.total}}" in b["text"])
    assert (
        "件次{{yoy:petitions.total}}，其中网上投诉{{fig:petitions.by_channel.online}}件"
        "{{yoy:petitions.by_channel.online}}、来访{{fig:petitions.by_channel.visit}}次" in text
    )
    assert "petitions.by_channel.letter" not in text  # a zero part is not stated
    assert not any(b["text"] == "其他需要报告的情况" for b in blocks)  # part 五 only with such items
