"""Parser and checker for 《法治政府建设情况报告》: pure Python, no database."""

from __future__ import annotations

import functools
import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.reports.extract import check_file, decode_text, extract_text, reflow_pdf_text
from fazhi.reports.parsing import cn_to_int, failed_checks, parse_quantity, parse_report

SAMPLES = Path("/work/shared/samples/reports")
SAMPLE_NAMES = ("fangdong-2023", "houshan-2023", "pingan-2021")
TOP_KEYS = {"title", "organization", "year", "signature", "sections", "parts", "figures", "checks"}
ALL_PARTS = {"measures": True, "shortcomings": True, "first_responsible": True, "next_year": True}

needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared report samples not available")


@functools.cache
def sample_text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


@functools.cache
def sample(name: str) -> dict:
    return parse_report(sample_text(name))


def figures_in(report: dict, fragment: str) -> list[tuple]:
    """(value, unit, approx) of the figures whose sentence contains ``fragment``."""
    return [(f["value"], f["unit"], f["approx"]) for f in report["figures"] if fragment in f["text"]]


def checks_of(report: dict, kind: str) -> list[dict]:
    return [c for c in report["checks"] if c["kind"] == kind]


def assert_shape(report: dict) -> None:
    assert set(report) == TOP_KEYS
    assert set(report["signature"]) == {"organization", "date"}
    assert set(report["parts"]) == set(ALL_PARTS)
    for section in report["sections"]:
        assert set(section) == {"level", "number", "heading", "part"}
        assert section["level"] in (1, 2, 3, 4)
    for figure in report["figures"]:
        assert set(figure) == {"value", "unit", "approx", "text", "section"}
        assert math.isfinite(figure["value"])
    for check in report["checks"]:
        assert set(check) == {"kind", "ok", "text"}
        assert check["kind"] in ("sum", "subset", "rate", "part")
    json.dumps(report, ensure_ascii=False, allow_nan=False)


# --- the three real samples ----------------------------------------------------


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_has_all_parts_and_no_false_alarm(name):
    report = sample(name)
    assert_shape(report)
    # Read by hand: every sample covers all four required parts (pingan's plan
    # is headed "（二）工作建议" under "存在的不足和建议", see below).
    assert report["parts"] == ALL_PARTS
    assert [c["ok"] for c in checks_of(report, "part")] == [True] * 4
    # Checked by hand: no sample contains a sum or rate inconsistency.
    assert failed_checks(report, ("sum", "subset", "rate")) == []


@needs_samples
def test_houshan_header_and_outline():
    report = sample("houshan-2023")
    # The title spans two lines in the source and is joined.
    assert report["title"] == "重庆市万州区后山镇人民政府关于2023年法治政府建设情况的报告"
    assert report["organization"] == "重庆市万州区后山镇人民政府"
    assert report["year"] == 2023
    # The sample ends after the plan: it has no signature and no date.
    assert report["signature"] == {"organization": None, "date": None}
    level1 = [(s["number"], s["part"]) for s in report["sections"] if s["level"] == 1]
    assert level1 == [
        ("一", "measures"),
        ("二", "first_responsible"),
        ("三", "shortcomings"),
        ("四", "next_year"),
    ]
    headings = {s["heading"]: s for s in report["sections"]}
    # A level-2 heading that runs into its paragraph keeps only its first sentence.
    assert headings["镇干部理论学习有待加强"]["part"] == "shortcomings"
    assert headings["深入推进政府法律顾问制度"]["level"] == 3
    # "一是 … 二是 … 三是" inside a paragraph are level-4 items.
    assert headings["推进信访法治化建设"] == {
        "level": 4,
        "number": "一",
        "heading": "推进信访法治化建设",
        "part": "measures",
    }


@needs_samples
def test_houshan_figures_and_checks():
    report = sample("houshan-2023")
    assert figures_in(report, "聘请君之合律师事务所") == [(3, "名", False), (12, "个", False)]
    assert figures_in(report, "累计发放宣传册") == [
        (3000, "份", True),
        (70, "条", True),
        (30, "条", True),
        (24, "小时", False),
    ]
    assert figures_in(report, "共受理矛盾纠纷") == [(132, "起", False), (132, "起", False)]
    # "信访5 件" has an en space (U+2002) between number and unit in the source.
    assert figures_in(report, "其中网上投诉") == [
        (118, "件次", False),
        (81, "件", False),
        (5, "件", False),
        (32, "次", False),
    ]
    petitions = next(f for f in report["figures"] if f["value"] == 118)
    assert petitions["section"] == "一/（四）/2"
    # "今年9月份" and "2023年" are dates, not figures.
    assert figures_in(report, "今年9月份") == [(2000, "份", True)]
    assert not any(f["value"] in (2023, 2024) for f in report["figures"])
    # "2023年办结信访、来访共118件次，其中网上投诉81件、信访5 件、来访32 次": 81+5+32 = 118.
    [total] = checks_of(report, "sum")
    assert total["ok"] and "81+5+32=118" in total["text"]


@needs_samples
def test_fangdong_header_signature_and_web_leftovers():
    report = sample("fangdong-2023")
    # The sample starts with the opening paragraph: it has no title line.
    assert report["title"] is None
    assert report["organization"] == "泸县方洞镇人民政府"
    assert report["year"] == 2023
    assert report["signature"] == {"organization": "泸县方洞镇人民政府", "date": "2024-01-05"}
    # "账号+密码登录 / 手机+密码登录 / 还没有账号? / 立即注册" after the date are page leftovers.
    dumped = json.dumps(report, ensure_ascii=False)
    assert "登录" not in dumped and "注册" not in dumped


@needs_samples
def test_fangdong_outline_parts_by_meaning():
    sections = sample("fangdong-2023")["sections"]
    assert [(s["heading"], s["part"]) for s in sections if s["level"] == 1] == [
        ("工作开展情况", "measures"),
        ("存在主要问题和下一步工作打算", "shortcomings"),
    ]
    by_heading = {s["heading"]: s["part"] for s in sections}
    # Half-width "(一)" headings; the first-responsible part is a subsection of part one.
    assert by_heading["坚持党建引领,切实履行法治建设第一责任人职责"] == "first_responsible"
    assert by_heading["抓住“关键少数”,领导干部法治意识不断增强"] == "measures"
    # One level-1 heading covers two parts, split by its subsections.
    assert by_heading["存在问题"] == "shortcomings"
    assert by_heading["下一步工作打算"] == "next_year"
    # A plan item mentioning 第一责任人 is still part of the plan.
    plan_item = "继续做好党委领导全面依法治镇工作制度,落实好法治建设第一责任人工作制度,有序推进依法治镇各项工作落地见效"
    assert by_heading[plan_item] == "next_year"


@needs_samples
def test_fangdong_figures_and_checks():
    report = sample("fangdong-2023")
    assert figures_in(report, "全年开展会前学法") == [(12, "次", False)]
    assert figures_in(report, "共查车辆400余辆")[:4] == [
        (10, "次", False),
        (400, "辆", True),
        (500, "人", True),
        (4, "起", False),
    ]
    assert figures_in(report, "各村(社区)均有") == [(5, "名", True)]  # "5名以上"
    assert figures_in(report, "发放宣传资料17500余份") == [
        (30, "场次", False),
        (17500, "份", True),
        (32, "人次", False),
        (8000, "人", True),
    ]
    # "40周年" is not a quantity with a unit.
    assert figures_in(report, "40周年") == [(1, "处", False)]
    # "今年以来共计成功调解62件，其中镇调委会调解61件": a subset, not an error.
    [subset] = checks_of(report, "subset")
    assert subset["ok"] and "62件" in subset["text"]
    # "劝导人数500余人,其中超载4起,未戴头盔14起…": approximate total, different unit: no check.
    assert checks_of(report, "sum") == []


@needs_samples
def test_pingan_header_and_outline():
    report = sample("pingan-2021")
    assert report["title"] == "关于2021年度法治政府建设情况的报告"
    # Neither the title nor a signature names the issuer; the opening sentence
    # "2021年，平安镇法治政府建设…" does.
    assert report["organization"] == "平安镇"
    assert report["year"] == 2021
    assert report["signature"] == {"organization": None, "date": None}
    by_heading = {s["heading"]: s["part"] for s in report["sections"]}
    assert (
        by_heading["2021年主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"]
        == "first_responsible"
    )
    assert by_heading["存在的不足"] == "shortcomings"
    # "三、…存在的不足和建议 / （二）工作建议 / 1.着力压实法治建设责任 …": the next-year
    # part is worded as suggestions, but it is the forward-looking plan.
    assert by_heading["工作建议"] == "next_year"
    assert by_heading["着力压实法治建设责任"] == "next_year"


@needs_samples
def test_pingan_figures():
    report = sample("pingan-2021")
    assert figures_in(report, "对全镇7个调委会") == [(7, "个", False), (80, "名", True)]
    # "（平安委发〔2021〕31号）" is a document number.
    assert figures_in(report, "平安委发") == [(15, "个", False), (5, "件", False)]
    assert figures_in(report, "审批项目实现网上审批") == [(207, "项", False)]
    assert figures_in(report, "参考率、合格率均达") == [(100, "%", False)]
    # "“6.5”环境日、“6.26”禁毒日、“12.4”宪法宣传周" are dates.
    assert figures_in(report, "环境日") == []
    assert {f["section"] for f in report["figures"] if f["unit"] == "项"} == {"一/5"}


# --- number parsing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.2万人", (12000, "人", False)),
        ("3000余份", (3000, "份", True)),
        ("400余辆", (400, "辆", True)),
        ("98%", (98, "%", False)),
        ("97.5％", (97.5, "%", False)),
        ("十二次", (12, "次", False)),
        ("3名", (3, "名", False)),
        ("１１８件次", (118, "件次", False)),
        ("约300人", (300, "人", True)),
        ("5名以上", (5, "名", True)),
        ("2.5万元", (2.5, "万元", False)),
        ("一百零五人次", (105, "人次", False)),
        ("120平方米", (120, "平方米", False)),
    ],
)
def test_parse_quantity(text, expected):
    q = parse_quantity(text)
    assert (q["value"], q["unit"], q["approx"]) == expected


@pytest.mark.parametrize("text", ["2023", "第24条", "abc", "", "十"])
def test_parse_quantity_rejects_non_quantities(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十二", 12),
        ("二十", 20),
        ("三十一", 31),
        ("一百零五", 105),
        ("二〇二四", 2024),
        ("两", 2),
        ("x", None),
    ],
)
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


def test_dates_articles_document_numbers_and_set_phrases_are_not_figures():
    text = (
        "依据第24条规定，于2024年1月5日印发〔2023〕5号文件，推行“三项制度”，让群众最多跑一次，"
        "一起研究，开展三年攻坚，增强“四个意识”，每月15日集中学法。"
    )
    assert parse_report(text)["figures"] == []


def test_heading_numbers_are_not_figures():
    report = parse_report("一、主要举措和成效\n（二）加强普法\n3.开展培训5场次。")
    assert [(f["value"], f["unit"], f["section"]) for f in report["figures"]] == [(5, "场次", "一/（二）/3")]


# --- consistency checks -------------------------------------------------------------


def only_check(sentence: str) -> dict:
    [check] = [c for c in parse_report(sentence)["checks"] if c["kind"] != "part"]
    return check


def test_sum_that_adds_up():
    check = only_check("办结信访118件次，其中网上投诉81件、信访5件、来访32次。")
    assert (check["kind"], check["ok"]) == ("sum", True)


def test_sum_whose_parts_exceed_the_total():
    check = only_check("办结信访118件次，其中网上投诉81件、信访5件、来访40次。")
    assert (check["kind"], check["ok"]) == ("sum", False)
    assert "81+5+40=126" in check["text"] and "118件次" in check["text"]


def test_single_share_larger_than_total():
    check = only_check("共受理100件，其中调解120件。")
    assert (check["kind"], check["ok"]) == ("sum", False)


@pytest.mark.parametrize(
    "sentence",
    [
        "今年以来共计成功调解62件，其中镇调委会调解61件。",
        # Attributes of people overlap (a woman can be a party member).
        "共有干部66名，其中党员50名、女性20名。",
        # Outcomes overlap with each other, they are not a partition.
        "共受理100件，其中调解成功90件、群众满意85件。",
    ],
)
def test_subset_is_not_an_error(sentence):
    check = only_check(sentence)
    assert (check["kind"], check["ok"]) == ("subset", True)


@pytest.mark.parametrize(
    "sentence",
    [
        "共查车辆400余辆，劝导人数500余人，其中超载4起，未戴头盔14起，非法营运16起。",  # approximate, other unit
        "共受理约100件，其中调解80件、仲裁30件。",  # approximate total
        "共开展活动10场，其中参与群众500人、发放资料800份。",  # different units
        "其中A类5件、B类6件。",  # no total
    ],
)
def test_no_sum_check_when_unclear(sentence):
    assert [c for c in parse_report(sentence)["checks"] if c["kind"] != "part"] == []


def test_rate_within_rounding():
    check = only_check("排查受理203起、成功化解198起，化解率达98%。")
    assert (check["kind"], check["ok"]) == ("rate", True)
    assert "198/203=97.5%" in check["text"]


def test_rate_that_does_not_match():
    check = only_check("排查受理203起、成功化解150起，化解率达98%。")
    assert (check["kind"], check["ok"]) == ("rate", False)


def test_rate_is_ok_when_any_reading_explains_it():
    # The nearest "化解" count is a subset; 198/203 still explains 98%.
    report = parse_report("排查受理203起，化解198起，其中当场化解150起，化解率达98%。")
    assert [(c["kind"], c["ok"]) for c in report["checks"] if c["kind"] != "part"] == [
        ("subset", True),
        ("rate", True),
    ]


def test_rate_without_numerator_is_not_checked():
    report = parse_report("每年组织法治理论考试，参考率、合格率均达100%。")
    assert [c for c in report["checks"] if c["kind"] == "rate"] == []


# --- parts and robustness ---------------------------------------------------------------


SYNTHETIC = """**关于2023年度法治政府建设情况的报告**\r
\r
2023年，某某镇认真推进法治政府建设。\r
  一、法治工作完成情况\r
(一) 加强领导\r
[bookmark: _GoBack]1．开展培训５场次，参训干部１２０人次。\r
— 2 —\r
二、2024年推进法治政府建设的主要安排\r
一是加强学习。二是规范执法。\r
某某镇人民政府\r
二〇二四年一月五日\r
"""


def test_missing_parts_are_reported():
    report = parse_report(SYNTHETIC)
    assert report["parts"] == {
        "measures": True,
        "shortcomings": False,
        "first_responsible": False,
        "next_year": True,
    }
    failed = [c["text"] for c in failed_checks(report, ("part",))]
    assert "缺少必备内容：存在的不足和原因" in failed
    assert len(failed) == 2


def test_messy_text_markup_brackets_page_numbers_and_chinese_date():
    report = parse_report(SYNTHETIC)
    assert report["title"] == "关于2023年度法治政府建设情况的报告"
    assert report["organization"] == "某某镇人民政府"
    assert report["year"] == 2023
    assert report["signature"] == {"organization": "某某镇人民政府", "date": "2024-01-05"}
    assert [(s["level"], s["number"], s["heading"]) for s in report["sections"]] == [
        (1, "一", "法治工作完成情况"),
        (2, "一", "加强领导"),
        (3, "1", "开展培训5场次，参训干部120人次"),
        (1, "二", "2024年推进法治政府建设的主要安排"),
        (4, "一", "加强学习"),
        (4, "二", "规范执法"),
    ]
    assert [(f["value"], f["unit"]) for f in report["figures"]] == [(5, "场次"), (120, "人次")]


def test_opening_sentence_is_not_a_title():
    report = parse_report("现将有关情况报告如下：\n一、主要举措和成效\n开展培训5场次。")
    assert report["title"] is None
    assert report["year"] is None


def test_first_responsible_recognised_from_a_paragraph():
    text = "一、主要举措和成效\n（一）加强组织领导\n镇党委书记认真履行推进法治建设第一责任人职责。"
    assert parse_report(text)["parts"]["first_responsible"] is True
    plan = "一、下一步工作打算\n1.落实好法治建设第一责任人工作制度。"
    assert parse_report(plan)["parts"]["first_responsible"] is False


JUNK_LINES = [
    "[bookmark: _GoBack]",
    "**",
    "一、",
    "（一）",
    "(二)存在的问题",
    "1.",
    "一是",
    "其中",
    "共118件次",
    "化解率达98%",
    "1月5日",
    "二〇二四年一月五日",
    "账号+密码登录",
    "— 3 —",
    "〔2023〕5号",
    "十二次",
    "99999999999999999999件",
    "关于",
    "人民政府",
    "\r",
    "\u3000\u3000",
    "第24条",
    "率100%其中",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text):
    assert_shape(parse_report(text))


@needs_samples
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(SAMPLE_NAMES),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["delete", "insert", "split"]),
            st.integers(0, 10_000),
            st.one_of(st.sampled_from(JUNK_LINES), st.text(max_size=30)),
        ),
        max_size=10,
    ),
)
def test_never_raises_on_mutated_samples(name, edits):
    lines = sample_text(name).splitlines()
    for op, position, junk in edits:
        i = position % (len(lines) + 1)
        if op == "delete" and i < len(lines):
            del lines[i]
        elif op == "insert":
            lines.insert(i, junk)
        elif op == "split" and i < len(lines):
            cut = position % (len(lines[i]) + 1)
            lines[i : i + 1] = [lines[i][:cut], junk + lines[i][cut:]]
    assert_shape(parse_report("\n".join(lines)))


# --- extraction ----------------------------------------------------------------------


def test_extract_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("关于2023年法治政府建设情况的报告")
    document.add_paragraph("一、主要举措和成效")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "受理纠纷", "132起"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "全年调处132起"
    document.add_paragraph("二、存在的不足和原因")
    path = tmp_path / "report.docx"
    document.save(path)
    text = extract_text(path)
    assert text.splitlines() == [
        "关于2023年法治政府建设情况的报告",
        "一、主要举措和成效",
        "受理纠纷\t132起",
        "全年调处132起",
        "二、存在的不足和原因",
    ]
    report = check_file(path)
    assert report["year"] == 2023 and report["parts"]["shortcomings"]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8", "utf-16"])
def test_extract_txt_encodings(tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes("关于2023年法治政府建设情况的报告\n共受理纠纷132起。".encode(encoding))
    assert extract_text(path) == "关于2023年法治政府建设情况的报告\n共受理纠纷132起。"


def test_decode_text_falls_back_to_gb18030():
    assert decode_text("后山镇人民政府".encode("gbk")) == "后山镇人民政府"


def test_extract_rejects_unknown_types(tmp_path):
    with pytest.raises(ValueError):
        extract_text(tmp_path / "report.xls")


def test_reflow_pdf_lines():
    wrapped = "一、主要举措和成效\n我镇坚持以习近平新时代中国特色社会\n主义思想为指导，全年受理 132 起。\n— 1 —\n“\n二、存在的不足"
    assert reflow_pdf_text(wrapped).splitlines() == [
        "一、主要举措和成效",
        "我镇坚持以习近平新时代中国特色社会主义思想为指导，全年受理132起。",
        "二、存在的不足",
    ]


@needs_samples
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to make a PDF")
def test_extract_pdf_made_by_libreoffice(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in sample_text("houshan-2023").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "houshan.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "houshan.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    report = check_file(tmp_path / "houshan.pdf")
    assert report["title"] == "重庆市万州区后山镇人民政府关于2023年法治政府建设情况的报告"
    assert report["year"] == 2023
    assert report["parts"] == ALL_PARTS
    assert any(c["kind"] == "sum" and c["ok"] and "81+5+32=118" in c["text"] for c in report["checks"])
    assert failed_checks(report, ("sum", "subset", "rate")) == []
