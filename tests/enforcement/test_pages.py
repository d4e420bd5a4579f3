"""Pages, API and public pages: permission matrix, masking, Excel import page, constant query counts."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from openpyxl import Workbook, load_workbook

from fazhi.core.roles import Role
from fazhi.enforcement.models import EnforcementCase, EnforcementItem, PublicEntry
from fazhi.enforcement.services import publish_decision
from fazhi.org.models import RoleAssignment
from tests.enforcement.factories import case, item, officer

LISTS = [
    "enforcementitem",
    "enforcementofficer",
    "enforcementcase",
    "publicentry",
    "inspection",
    "jointoperation",
    "caseevaluation",
]


@pytest.fixture
def outsider(world):
    user = get_user_model().objects.create_user("lv_enf", password="x-12345678")
    RoleAssignment.objects.create(user=user, role=Role.ENFORCEMENT, organisation=world.other_townships[0])
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", LISTS)
def test_lists_need_login_and_render(client, client_for, name):
    url = f"/enforcement/{name}/"
    assert client.get(url)["Location"].startswith("/login/")
    response = client_for(Role.ENFORCEMENT).get(url)
    assert response.status_code == 200 and "青山镇" in response.content.decode()
    assert (
        client_for(Role.ENFORCEMENT)
        .get(url + "?export=xlsx")["Content-Type"]
        .startswith("application/vnd.openxml")
    )


def test_permission_matrix_on_a_case(world, client_for, outsider):
    record = case(world)
    detail, edit = (
        f"/enforcement/enforcementcase/{record.pk}/",
        f"/enforcement/enforcementcase/{record.pk}/edit/",
    )
    assert client_for(Role.ENFORCEMENT).get(edit).status_code == 200
    assert client_for(Role.JUDICIAL).get(edit).status_code == 200  # managers may change any ledger
    assert client_for(Role.PETITION).get(edit).status_code == 403
    county = client_for(Role.COUNTY)
    assert county.get(detail).status_code == 200 and county.get(edit).status_code == 403
    assert county.post(f"/enforcement/enforcementcase/{record.pk}/do/file/").status_code == 302
    assert EnforcementCase.objects.get(pk=record.pk).state == "discovered"
    assert outsider.get(detail).status_code == 404 and outsider.get(edit).status_code == 404
    assert record.title not in outsider.get("/enforcement/enforcementcase/").content.decode()
    # A village cadre sees only their village's cases.
    village = client_for(Role.VILLAGE)
    assert village.get(detail).status_code == 200
    other = case(world, village=world.villages[1], title="石桥村违法建设")
    assert village.get(f"/enforcement/enforcementcase/{other.pk}/").status_code == 404
    assert client_for(Role.PETITION).post("/enforcement/enforcementitem/import/").status_code == 403


def test_party_masked_outside_the_case_file(world, client_for):
    record = case(world)
    listing = client_for(Role.ENFORCEMENT).get("/enforcement/enforcementcase/").content.decode()
    assert "张*华" in listing and "张建华" not in listing
    export = client_for(Role.ENFORCEMENT).get("/enforcement/enforcementcase/?export=xlsx")
    cells = [str(c) for row in load_workbook(io.BytesIO(export.content)).active.values for c in row]
    assert "张*华" in cells and "张建华" not in cells
    # The case file shows the party in full to the brigade, masked to readers outside it.
    assert (
        "11010519491231002X" in client_for(Role.ENFORCEMENT).get(record.get_absolute_url()).content.decode()
    )
    county = client_for(Role.COUNTY).get(record.get_absolute_url()).content.decode()
    assert "张建华" not in county and "11010519491231002X" not in county and "1101" in county
    api = client_for(Role.ENFORCEMENT).get(f"/api/enforcement/cases/{record.pk}/").json()
    assert api["party"] == "张*华" and api["party_phone"] == "139****5678" and "*" in api["party_id_number"]


def test_case_transition_and_attachment_pages(world, client_for):
    record = case(world)
    brigade = client_for(Role.ENFORCEMENT)
    response = brigade.post(f"/enforcement/enforcementcase/{record.pk}/do/file/", follow=True)
    assert "已立案" in response.content.decode()
    response = brigade.post(f"/enforcement/enforcementcase/{record.pk}/do/decide/", follow=True)
    assert "操作未执行" in response.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    brigade.post(
        f"/enforcement/enforcementcase/{record.pk}/attach/",
        {"file": SimpleUploadedFile("立案审批表.pdf", b"%PDF-1.4 x"), "step": "立案", "kind": "doc"},
    )
    page = brigade.get(record.get_absolute_url()).content.decode()
    assert "立案审批表.pdf" in page and "立案（缺音像记录）" in page and "作出决定" in page


def test_case_form_checks_hearing_notice_in_chinese(world, client_for):
    record = case(world)
    brigade = client_for(Role.ENFORCEMENT)
    data = {
        "source": "patrol",
        "item": record.item_id,
        "title": record.title,
        "party": "张建华",
        "discovered_on": "2026-09-01",
        "officers": [o.pk for o in record.officers.all()],
        "hearing_notice_on": "2026-10-09",
        "hearing_on": "2026-10-14",
        "_version": record.version,
    }
    response = brigade.post(f"/enforcement/enforcementcase/{record.pk}/edit/", data)
    assert response.status_code == 200
    assert "听证通知应在举行听证的7个工作日前送达当事人" in response.content.decode()
    assert EnforcementCase.objects.get(pk=record.pk).hearing_on is None
    data["hearing_on"] = "2026-10-20"
    assert brigade.post(f"/enforcement/enforcementcase/{record.pk}/edit/", data).status_code == 302


def test_case_list_query_count_is_constant(world, client_for, django_assert_max_num_queries):
    officers = [officer(world, "冯磊"), officer(world, "何平")]
    shared = item(world)
    for n in range(30):
        case(
            world,
            officers=officers,
            item=shared,
            filed_on=dt.date(2026, 9, 1),
            state="filed",
            number=f"青山综执〔2026〕{n}号",
        )
    brigade = client_for(Role.ENFORCEMENT)
    brigade.get("/enforcement/enforcementcase/")
    with django_assert_max_num_queries(14):
        response = brigade.get("/enforcement/enforcementcase/")
    assert response.content.decode().count("青山综执〔2026〕") == 25


def sheet(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "清单.xlsx"
    return buffer


HEADERS = [
    "事项编码",
    "事项名称",
    "事项类别",
    "执法领域",
    "实施依据",
    "赋权机关",
    "赋权文件",
    "是否公布",
    "公布日期",
    "备注",
]


def test_import_page_lists_every_bad_row_and_imports_nothing(world, client_for):
    brigade = client_for(Role.ENFORCEMENT)
    template = brigade.get("/enforcement/enforcementitem/template/")
    assert [c.value for c in load_workbook(io.BytesIO(template.content)).active[1]] == HEADERS
    bad = sheet(
        [
            HEADERS,
            ["A1", "对甲的行政处罚", "行政处罚", "生态环境", "某法第1条"],
            ["A2", "对乙的检查", "检查", "", "某法第2条"],
            ["A1", "重复", "行政强制", "", "某法"],
            ["A4", "", "行政检查", "", "某法", "", "", "也许", "2025-13-01"],
        ]
    )
    response = brigade.post("/enforcement/enforcementitem/import/", {"file": bad})
    page = response.content.decode()
    assert response.status_code == 200 and "未导入任何记录" in page
    for text in (
        "第3行",
        "事项类别",
        "第4行",
        "与第2行重复",
        "第5行",
        "不能为空",
        "应填“是”或“否”",
        "不是有效日期",
    ):
        assert text in page, (text, page[page.find("import-errors") :][:3000])
    assert not EnforcementItem.objects.filter(township=world.township).exists()
    good = sheet(
        [
            HEADERS,
            ["A1", "对甲的行政处罚", "行政处罚", "生态环境", "某法第1条", "江南省人民政府"],
            ["A2", "对乙的行政检查", "行政检查", "", "某法第2条", "", "", "否"],
        ]
    )
    response = brigade.post("/enforcement/enforcementitem/import/", {"file": good}, follow=True)
    assert "已导入2项" in response.content.decode()
    items = {i.code: i for i in EnforcementItem.objects.filter(township=world.township)}
    assert items["A1"].published and items["A1"].assigned_by == "江南省人民政府" and not items["A2"].published
    assert items["A1"].history.first().history_change_reason == "Excel导入：清单.xlsx"


def test_public_pages_show_published_records_masked(world, client):
    published = item(world, code="P1", name="对焚烧秸秆的行政处罚")
    item(world, code="P2", name="未公布的事项", published=False)
    item(world, code="P3", name="绿水镇的事项", township=world.other_townships[0])
    page = client.get(f"/public/enforcement/items/?township={world.township.pk}").content.decode()
    assert published.name in page and "未公布的事项" not in page and "绿水镇的事项" not in page
    assert "行政处罚1项，共计1项" in page
    record = case(
        world,
        social_impact=True,
        decided_on=dt.date(2026, 9, 5),
        number="青山综执〔2026〕7号",
        decision="对张建华（13912345678）罚款500元。",
    )
    entry = publish_decision(record, None)
    hidden = publish_decision(case(world, number="青山综执〔2026〕8号", party="李秀兰"), None)
    hidden.withdrawn_on = dt.date(2026, 9, 9)
    hidden.save()
    listing = client.get("/public/enforcement/publicity/").content.decode()
    assert "青山综执〔2026〕7号" in listing and "青山综执〔2026〕8号" not in listing
    detail = client.get(f"/public/enforcement/publicity/{entry.pk}/").content.decode()
    assert "张*华" in detail and "张建华" not in detail and "13912345678" not in detail
    assert client.get(f"/public/enforcement/publicity/{hidden.pk}/").status_code == 404
    # Even an entry edited by hand is masked on the way out.
    PublicEntry.objects.filter(pk=entry.pk).update(content="当事人：王德胜\n身份证 11010519491231002X")
    detail = client.get(f"/public/enforcement/publicity/{entry.pk}/").content.decode()
    assert "王德胜" not in detail and "11010519491231002X" not in detail
    assert "/public/enforcement/items/" in client.get("/public/").content.decode()


def test_officer_list_shows_quota_and_expiry(world, client_for):
    officer(world, "邹建军", valid_until=dt.date.today() + dt.timedelta(days=30))
    officer(world, "谭文", valid_until=dt.date.today() - dt.timedelta(days=3))
    page = client_for(Role.ENFORCEMENT).get("/enforcement/enforcementofficer/").content.decode()
    assert "编制数" in page and "30天后到期" in page and "无有效证件" in page
    assert '<div class="fs-5" id="brigade-actual">2</div>' in page


def test_api_scoped_masked_and_state_only_through_workflow(world, client_for, outsider):
    record = case(world)
    brigade = client_for(Role.ENFORCEMENT)
    type(world.users[Role.ENFORCEMENT]).objects.filter(pk=world.users[Role.ENFORCEMENT].pk).update(
        is_staff=True
    )
    assert b"/api/enforcement/cases/" in brigade.get("/api/schema/").content  # the schema: staff only
    response = brigade.patch(
        f"/api/enforcement/cases/{record.pk}/",
        {"state": "closed", "location": "青山村3组", "version": record.version},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    fresh = EnforcementCase.objects.get(pk=record.pk)
    assert fresh.state == "discovered" and fresh.location == "青山村3组"  # the state is not writable here
    assert outsider.get(f"/api/enforcement/cases/{record.pk}/").status_code == 404
    assert (
        client_for(Role.COUNTY)
        .patch(f"/api/enforcement/cases/{record.pk}/", {"location": "x"}, content_type="application/json")
        .status_code
        == 403
    )


def test_inspection_form_and_hazard_deadline(world, client_for):
    from fazhi.core.board import items_of
    from fazhi.enforcement.models import Inspection

    brigade = client_for(Role.ENFORCEMENT)
    data = {
        "kind": "safety",
        "title": "11月安全隐患排查",
        "planned_on": "2026-11-02",
        "done_on": "2026-11-02",
        "hazards_found": "5",
        "hazards_rectified": "6",
    }
    response = brigade.post("/enforcement/inspection/new/", data)
    assert "已整改隐患数不能多于发现的隐患数" in response.content.decode() and not Inspection.objects.exists()
    data["hazards_rectified"] = "3"
    assert "请填写整改期限" in brigade.post("/enforcement/inspection/new/", data).content.decode()
    data["rectify_by"] = "2026-11-16"
    assert brigade.post("/enforcement/inspection/new/", data).status_code == 302
    items = [
        i for i in items_of("enforcement", world.township, dt.date(2026, 11, 20)) if "隐患待整改" in i.title
    ]
    assert [(i.title, i.due.date, i.state(dt.date(2026, 11, 20))) for i in items] == [
        ("执法检查 11月安全隐患排查：2处隐患待整改", dt.date(2026, 11, 16), "overdue")
    ]
