"""The import pages: list link for writers, template, upload → preview with errors → commit → undo."""

import datetime as dt
import io

from openpyxl import load_workbook

from fazhi.core.roles import Role
from fazhi.disputes.models import Dispute, MediationCommittee, Mediator
from fazhi.imports.models import ImportBatch
from tests.imports.sheets import dispute_workbook, upload

URL = "/imports/disputes.dispute/"


def mediator_of(world):
    committee = MediationCommittee.objects.create(
        township=world.township, name="青山镇人民调解委员会", term_start=dt.date(2024, 1, 1)
    )
    return Mediator.objects.create(township=world.township, name="陈调解", committee=committee)


def test_list_links_the_import_for_writers_only(world, client_for):
    assert URL in client_for(Role.MEDIATOR).get("/disputes/dispute/").content.decode()
    assert URL not in client_for(Role.PETITION).get("/disputes/dispute/").content.decode()
    assert client_for(Role.PETITION).get(URL).status_code == 403


def test_template_has_headers_hint_row_and_village_list(world, client_for):
    response = client_for(Role.MEDIATOR).get(URL + "template/")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["受理日期", "村(社区)", "来源"] and "状态" in headers
    assert sheet["A2"].value.startswith("必填")
    options = workbook["选项"]
    assert world.villages[0].name in [c.value for c in options["A"]]
    assert any("选项" in str(v.formula1) for v in sheet.data_validations.dataValidation)


def test_upload_preview_commit_undo(world, client_for):
    mediator = mediator_of(world)
    clerk = client_for(Role.MEDIATOR)
    bad = clerk.post(URL, {"file": upload(dispute_workbook(world.villages, mediator, bad=True))})
    batch = ImportBatch.objects.get()
    assert bad.url == f"/imports/batch/{batch.pk}/"
    page = clerk.get(bad.url).content.decode()
    assert "共 3 处错误" in page and "“2025/2/30”不是有效日期" in page and "不存在村" in page
    assert 'id="commit"' not in page and not Dispute.objects.exists()

    clerk.post(URL, {"file": upload(dispute_workbook(world.villages, mediator, bad=False))})
    batch = ImportBatch.objects.order_by("-id").first()
    page = clerk.get(f"/imports/batch/{batch.pk}/").content.decode()
    assert "全部 7 行校验通过" in page and "张三、李四" in page
    clerk.post(f"/imports/batch/{batch.pk}/", {"action": "commit"})
    batch.refresh_from_db()
    assert (
        batch.state == ImportBatch.State.DONE and Dispute.objects.filter(township=world.township).count() == 7
    )
    assert "撤销本次导入" in clerk.get(f"/imports/batch/{batch.pk}/").content.decode()
    # Another township's user can't see the batch.
    assert client_for(Role.MEDIATOR).get(f"/imports/batch/{batch.pk}/progress/").status_code == 200
    clerk.post(f"/imports/batch/{batch.pk}/", {"action": "undo"})
    assert not Dispute.objects.filter(township=world.township).exists()


def test_export_imports_back(world, client_for):
    mediator = mediator_of(world)
    clerk = client_for(Role.MEDIATOR)
    clerk.post(URL, {"file": upload(dispute_workbook(world.villages, mediator, bad=False))})
    clerk.post(f"/imports/batch/{ImportBatch.objects.get().pk}/", {"action": "commit"})
    exported = clerk.get(URL + "export/").content
    before = sorted(
        Dispute.objects.filter(township=world.township).values_list(
            "received", "village", "type", "parties", "state"
        )
    )
    Dispute.objects.filter(township=world.township).delete()
    clerk.post(URL, {"file": upload(exported, "导出.xlsx")})
    batch = ImportBatch.objects.order_by("-id").first()
    assert batch.state == ImportBatch.State.CHECKED, batch.parts[0]["errors"]
    clerk.post(f"/imports/batch/{batch.pk}/", {"action": "commit"})
    after = sorted(
        Dispute.objects.filter(township=world.township).values_list(
            "received", "village", "type", "parties", "state"
        )
    )
    assert after == before
