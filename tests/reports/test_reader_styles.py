"""The report reader on reports written in other provinces' styles (tests/reports/samples_other):
a 街道 named only in the first sentence, a plan period "2023—2027年", headings that name no part,
totals after their parts, compound units, PDF line wraps and "三人小组"."""

from pathlib import Path

import pytest

from fazhi.reports.parsing import failed_checks, parse_report

SAMPLES = Path(__file__).parent / "samples_other"
ALL_PARTS = {"measures": True, "shortcomings": True, "first_responsible": True, "next_year": True}

# name -> (organisation, year, figures the report states, read as (number, unit))
EXPECTED = {
    "chengnan-jiedao-2024": (
        "城南街道",
        2024,
        [
            (4, "次"),
            (11, "项"),
            (1, "次"),
            (26, "场次"),
            (3200, "人次"),
            (5400, "份"),
            (48, "起次"),
            (312, "人次"),
            (186, "人次"),
            (126, "人次"),
            (35, "件"),
            (33, "件"),
            (94.3, "%"),
            (3, "件"),
            (5, "件"),
            (8, "件"),
            (6, "份"),
            (4, "份"),
            (10, "份"),
            (126, "处"),
        ],
    ),
    "baishi-xiang-2024": (
        "白石乡",
        2024,
        [
            (6, "次"),
            (2, "次"),
            (9, "件"),
            (4, "件"),
            (7, "件"),
            (20, "件"),
            (100, "%"),
            (31, "起次"),
            (1260, "辆"),
            (880, "人次"),
            (14, "件"),
            (22, "件"),
            (36, "件"),
            (92, "户次"),
            (58, "户次"),
            (34, "户次"),
            (5, "次"),
        ],
    ),
}


def read(name: str) -> dict:
    return parse_report((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", EXPECTED)
def test_organisation_year_and_parts(name):
    organisation, year, _ = EXPECTED[name]
    report = read(name)
    assert report["organization"] == organisation  # from the first sentence: the title names no one
    assert report["year"] == year  # not 2027 from the plan period
    assert report["parts"] == ALL_PARTS  # "一、聚焦主责主业" names no part: measures by position
    top = [s["part"] for s in report["sections"] if s["level"] == 1]
    assert top[:2] == ["measures", "measures"]


@pytest.mark.parametrize("name", EXPECTED)
def test_figures_with_whole_units_and_no_group_names(name):
    report = read(name)
    assert [(f["value"], f["unit"]) for f in report["figures"]] == EXPECTED[name][2]
    assert not [f for f in report["figures"] if f["unit"] == "人" and "小组" in f["text"]]


def test_wrapped_lines_are_joined_before_figures_are_read():
    city, town = read("chengnan-jiedao-2024"), read("baishi-xiang-2024")
    assert any("安全隐患126处" in f["text"] for f in city["figures"])  # "…隐患1" / "26处"
    assert any("均依法按期办结" in f["text"] for f in city["figures"])  # a sentence cut mid-word
    assert any("检查车辆1260辆" in f["text"] for f in town["figures"])
    assert (1, "辆") not in [(f["value"], f["unit"]) for f in town["figures"]]


@pytest.mark.parametrize("name", EXPECTED)
def test_sums_checked_on_either_side_and_no_false_alarm(name):
    report = read(name)
    assert failed_checks(report) == []
    sums = [c["text"] for c in report["checks"] if c["kind"] == "sum" and c["ok"]]
    expected = {
        "chengnan-jiedao-2024": ["186+126=312", "3+5=8", "6+4=10"],
        "baishi-xiang-2024": ["9+4+7=20", "14+22=36", "58+34=92"],
    }[name]
    for expr in expected:
        assert any(expr in text for text in sums), expr


@pytest.mark.parametrize(
    "sentence",
    [
        "办理行政复议案件3件、行政诉讼案件5件，共计7件。",  # total after its parts
        "共办理案件7件：行政复议3件、行政诉讼5件。",  # total before, after a colon
        "共办理案件7件，其中行政复议3件、行政诉讼5件。",  # total before, with 其中
    ],
)
def test_a_wrong_sum_is_caught_whichever_side_the_total_stands(sentence):
    # Parts short of the total may be a partial list; parts beyond it are an error on any side.
    failed = failed_checks(parse_report("一、主要举措和成效\n" + sentence), ("sum",))
    assert len(failed) == 1 and "3+5=8" in failed[0]["text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "开展培训3次，审查合同6份、规范性文件4份，共10份。",  # only the run of its unit is summed
        "受理12件，办结11件，共同推进化解工作。",  # 共同 is no total
        "共受理12件，办结12件。",  # a total without colon or 其中 has no parts
    ],
)
def test_no_false_alarm_around_totals(sentence):
    assert failed_checks(parse_report("一、主要举措和成效\n" + sentence), ("sum", "subset")) == []


def test_plan_period_is_never_the_year_and_heading_lines_are_not_joined():
    text = "关于法治政府建设情况的报告\n对照规划（2021—2025年），2023年，东湖镇坚持依法行政。\n一、坚持党的领导，统筹谋划法治建设工作\n全年调解纠纷12件。"
    report = parse_report(text)
    assert report["year"] == 2023 and report["organization"] == "东湖镇"
    assert [s["heading"] for s in report["sections"]] == ["坚持党的领导，统筹谋划法治建设工作"]
