"""One workbook, several sheets: each sheet to its ledger, and a sheet naming the records of another
(hearings naming their case by its 案号) checked and committed together, whatever the sheets' order."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from fazhi.core.roles import Role
from fazhi.imports import services
from fazhi.imports.models import ImportBatch
from fazhi.litigation.models import Hearing, LitigationCase

S = ImportBatch.State
CASES = [
    "案号",
    "类型",
    "复议机关/受理法院",
    "申请人/原告",
    "被申请/被诉行政行为",
    "收到申请书/起诉状副本日期",
]
HEARINGS = ["案件", "开庭/听证日期", "负责人出庭应诉", "出庭工作人员", "负责人未出庭理由"]


def workbook(hearing_case="(2025)浙0102行初12号") -> bytes:
    """The hearings sheet first (it names cases of the sheet after it), then the cases, each with a
    title row above its headers, as a township keeps them."""
    book = Workbook()
    hearings = book.active
    hearings.title = "开庭听证"
    hearings.append(["2025年行政应诉开庭登记"])
    hearings.append(HEARINGS)
    hearings.append([hearing_case, dt.date(2025, 5, 6), "否", "王五", "因公出差"])
    hearings.append(["(2025)浙0102行初13号", "2025.6.1", "否", "赵六", "在外开会"])
    cases = book.create_sheet("行政复议和行政诉讼")
    cases.append(["2025年行政复议和行政诉讼台账"])
    cases.append(CASES)
    for number, day in (("(2025)浙0102行初12号", "2025年4月1日"), ("(2025)浙0102行初13号", "2025.4.9")):
        cases.append([number, "行政诉讼（本镇为被告）", "某区人民法院", "张三", "责令限期拆除决定", day])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def start(world, data):
    user = world.users[Role.OFFICE]
    batch = services.start(SimpleUploadedFile("行政应诉.xlsx", data), world.township, user)
    return services.check(batch, user), user


def test_each_sheet_goes_to_its_ledger_and_hearings_find_their_cases(world):
    batch, user = start(world, workbook())
    assert [p["ledger"] for p in batch.parts] == ["litigation.hearing", "litigation.litigationcase"]
    assert batch.state == S.CHECKED, [p["errors"] for p in batch.parts]
    assert [p["rows"] for p in batch.parts] == [2, 2]
    # The preview of the hearings sheet already shows the case of the other sheet.
    shown = services.preview(batch, 0)
    assert [row["cells"][0] for row in shown] == ["(2025)浙0102行初12号", "(2025)浙0102行初13号"]
    assert all(not row["errors"] for row in shown)
    services.commit(batch, user)
    assert batch.state == S.DONE, batch.message
    assert batch.created == 4
    hearings = Hearing.objects.filter(township=world.township).order_by("date")
    assert [(h.case.case_no, h.date) for h in hearings] == [
        ("(2025)浙0102行初12号", dt.date(2025, 5, 6)),
        ("(2025)浙0102行初13号", dt.date(2025, 6, 1)),
    ]
    assert {h.case.township for h in hearings} == {world.township}
    services.undo(batch, user)
    assert not LitigationCase.objects.filter(township=world.township).exists()
    assert not Hearing.objects.filter(township=world.township).exists()


def test_a_hearing_naming_a_case_in_no_sheet_is_a_row_error_and_nothing_is_written(world):
    batch, _user = start(world, workbook(hearing_case="(2025)浙0102行初99号"))
    assert batch.state == S.INVALID
    hearings, cases = batch.parts
    assert hearings["errors"] == [
        [3, "案件", "(2025)浙0102行初99号", "本乡镇没有名为“(2025)浙0102行初99号”的案件"]
    ]
    assert cases["errors"] == []
    assert not LitigationCase.objects.filter(township=world.township).exists()
