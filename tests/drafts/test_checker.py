"""The draft checker's engine, catalogue and command line."""

import json
import shutil
import subprocess

import pytest
from django.core.management import CommandError, call_command

from fazhi.drafts import catalogue
from fazhi.drafts.checker import CONTRACT, check_text, kind_of

DRAFT = """青山镇人民政府关于加强集镇市场管理的通知
青政发〔2026〕3号
各村（社区）、镇直各单位：
为规范集镇市场秩序，根据《信访条例》，结合本镇实际，制定本通知。
一、进入集贸市场经营的摊主，每月缴纳管理费50元。
二、违反本通知乱摆乱放的，由镇综合执法办处以200元罚款。
三、市场改造工程优先选用本镇企业。
四、违反本通知的其他行为，由有关部门依法予以处罚。
五、本通知自2026年3月1日起施行，有效期5年。
本通知已公开征求意见。
青山镇人民政府
2026年2月20日
"""

CONTRACT_TEXT = """青山镇集镇道路保洁服务合同
甲方：青山镇人民政府
乙方：云州洁美环境服务有限公司
一、乙方负责集镇主干道日常保洁，合同金额人民币48万元。
二、本合同长期有效。
三、乙方未按要求完成保洁的，每次支付违约金2000元。
四、因天气等原因造成的一切损失均由乙方承担。
"""


def kinds(findings):
    return [f.kind for f in findings]


def test_a_draft_with_fee_penalty_competition_and_repealed_citation():
    findings = check_text(DRAFT)
    assert kinds(findings) == ["citation", "fee", "penalty", "competition"]
    citation, fee, penalty, competition = findings
    assert "已废止" in citation.rule and "《信访工作条例》" in citation.rule
    assert "2022-05-01废止" in citation.citation
    assert fee.citation.endswith("国办发〔2018〕37号）“严禁越权发文”")
    assert penalty.citation == "《中华人民共和国行政处罚法》第十四条至第十六条"
    assert "公平竞争审查" in competition.citation
    # the clause's text and its place in the draft
    assert (
        DRAFT[penalty.start : penalty.end]
        == penalty.text
        == "二、违反本通知乱摆乱放的，由镇综合执法办处以200元罚款。"
    )
    assert penalty.sentence == 6 and penalty.position.startswith("第6句")
    # "依法予以处罚" restates the law: not a finding
    assert not any("依法予以处罚" in f.text for f in findings)


def test_form_checks_of_a_normative_document():
    bare = "关于加强集镇管理的通知\n青政发[2026]3号\n一、加强集镇管理。\n二、本通知有效期八年。\n"
    codes = [f.code for f in check_text(bare)]
    assert codes == ["form.doc_no", "form.effective", "form.validity_long", "form.issuer", "form.comment"]
    long = next(f for f in check_text(bare) if f.code == "form.validity_long")
    assert long.text == "有效期八年" and "超过5年" in long.rule
    # the ledger's own public-comment records decide when it knows them
    assert "form.comment" in [f.code for f in check_text(DRAFT, comments=False)]
    no_validity = DRAFT.replace("，有效期5年", "")
    assert [f.code for f in check_text(no_validity) if f.kind == "form"] == ["form.validity"]


def test_segmentation_keeps_keywords_to_whole_words():
    # 检查封闭 holds the characters 查封 but not the word: no coercion finding
    assert "coercion" not in kinds(check_text("镇应急办定期检查封闭式垃圾站。", "document"))
    assert "coercion" in kinds(check_text("对违规堆放的建材予以查封。", "document"))


def test_contract_traps():
    assert kind_of(CONTRACT_TEXT) == CONTRACT
    codes = [f.code for f in check_text(CONTRACT_TEXT)]
    assert codes == [
        "contract.open_term",
        "contract.one_sided",
        "contract.dispute",
        "contract.penalty_one_side",
        "contract.collective",
    ]
    fair = CONTRACT_TEXT.replace(
        "二、本合同长期有效。", "二、服务期限自2026年1月1日至2026年12月31日。"
    ).replace(
        "四、因天气等原因造成的一切损失均由乙方承担。",
        "四、甲方逾期付款的，按日支付万分之五的违约金。\n五、争议协商不成的，向青山镇所在地人民法院起诉。\n"
        "本合同经镇党委会议集体研究决定。",
    )
    assert check_text(fair) == []


def test_catalogue_chain_and_editions(tmp_path, settings):
    old = catalogue.lookup("经济合同法")
    assert old.status == "已废止" and catalogue.current_successor(old).title == "中华人民共和国民法典"
    amended = check_text("依据《中华人民共和国行政处罚法》（2017年修正）第八条，规范执法。", "document")
    assert [f.code for f in amended if f.kind == "citation"] == ["citation.amended"]
    assert "2017年修正" in amended[0].rule
    unknown = check_text("依据《乡镇集市管理法》，规范集市。", "document")
    assert [f.code for f in unknown if f.kind == "citation"] == ["citation.unknown"]
    # the office's own catalogue replaces the shipped one; a bad row is refused with its line number
    own = tmp_path / "statutes.csv"
    own.write_text(
        catalogue.SHIPPED.read_text(encoding="utf-8") + "乡镇集市管理法,,县人大,现行有效,2026-01-01,,,,,\n"
    )
    settings.FAZHI_STATUTE_CATALOGUE = str(own)
    assert [
        f for f in check_text("依据《乡镇集市管理法》，规范集市。", "document") if f.kind == "citation"
    ] == []
    own.write_text("title,edition,issuer,status\n坏法,,县人大,有效\n", encoding="utf-8")
    with pytest.raises(ValueError, match="第2行：效力状态应为"):
        catalogue.entries()


def test_cli_json_is_exactly_the_documented_shape(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    call_command("draft", "check", str(path), "--json")
    findings = json.loads(capsys.readouterr().out)
    assert [f["kind"] for f in findings] == ["citation", "fee", "penalty", "competition"]
    assert all(set(f) == {"kind", "text", "rule", "citation"} for f in findings)
    call_command("draft", "check", str(path))
    assert "共 4 处问题。" in capsys.readouterr().out


def test_cli_reads_docx_and_refuses_other_files(tmp_path, capsys):
    import docx

    document = docx.Document()
    for line in CONTRACT_TEXT.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "contract.docx")
    call_command("draft", "check", str(tmp_path / "contract.docx"), "--json")
    assert {f["kind"] for f in json.loads(capsys.readouterr().out)} == {"contract"}
    (tmp_path / "x.odt").write_text("x")
    with pytest.raises(CommandError, match="不支持的文件类型"):
        call_command("draft", "check", str(tmp_path / "x.odt"))
    with pytest.raises(CommandError, match="找不到文件"):
        call_command("draft", "check", str(tmp_path / "missing.txt"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to make a PDF")
def test_cli_reads_pdf(tmp_path, capsys):
    import docx

    document = docx.Document()
    for line in DRAFT.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "draft.docx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), str(tmp_path / "draft.docx")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    call_command("draft", "check", str(tmp_path / "draft.pdf"), "--json")
    assert [f["kind"] for f in json.loads(capsys.readouterr().out)] == [
        "citation",
        "fee",
        "penalty",
        "competition",
    ]
