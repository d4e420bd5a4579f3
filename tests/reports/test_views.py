from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from fazhi.core.roles import Role
from fazhi.org.models import RoleAssignment
from fazhi.reports import demo
from fazhi.reports.models import AnnualReport, Baseline, ReportItem

SAMPLES = Path("/work/shared/samples/reports")


@pytest.fixture
def report(world):
    demo.build(world)
    return AnnualReport.objects.get(township=world.township, year=2025)


@pytest.fixture
def outsider(world):
    user = get_user_model().objects.create_user("lv_judicial", password="x-12345678")
    RoleAssignment.objects.create(user=user, role=Role.JUDICIAL, organisation=world.other_townships[0])
    client = Client()
    client.force_login(user)
    return client


def block_with(report, code):
    return next(b for b in report.current.blocks if "{{fig:%s}}" % code in b["text"])


def test_permission_matrix(report, client_for, outsider, client, world):
    url = report.get_absolute_url()
    block = block_with(report, "org.villages")
    edit = f"{url}block/{block['id']}/"
    assert client.get(url).status_code == 302  # anonymous → login
    assert outsider.get(url).status_code == 404  # another township sees nothing of ours
    for role in (Role.COUNTY, Role.PETITION, Role.SECRETARY, Role.JUDICIAL, Role.OFFICE):
        assert client_for(role).get(url).status_code == 200, role
    assert (
        client_for(Role.VILLAGE).get(url).status_code == 404
    )  # a village cadre sees only their village's records
    for role in (Role.COUNTY, Role.PETITION, Role.SECRETARY):
        response = client_for(role).post(edit, {"text": "改写", "_version": report.version})
        assert response.status_code == 403, role
    report.refresh_from_db()
    assert report.current.number == 1
    assert client_for(Role.COUNTY).get("/reports/annualreport/new/").status_code == 403
    assert (
        client_for(Role.COUNTY).get(f"{url}download/docx/").status_code == 200
    )  # the county reads and collects
    judicial = client_for(Role.JUDICIAL)
    page = judicial.get(url).content.decode()
    assert 'class="fz-edit' in page and 'href="/indicators/org.villages/?year=2025"' in page
    assert 'class="fz-edit' not in client_for(Role.COUNTY).get(url).content.decode()


def test_htmx_paragraph_save_keeps_bound_figures(report, client_for):
    judicial = client_for(Role.JUDICIAL)
    block = block_with(report, "org.villages")
    url = f"{report.get_absolute_url()}block/{block['id']}/"
    form = judicial.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "{{fig:org.villages}}" in form and "textarea" in form
    text = "我镇下辖{{fig:org.villages}}个行政村，全面推进法治建设。"
    response = judicial.post(url, {"text": text, "_version": report.version}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert (
        response.status_code == 200
        and "我镇下辖" in html
        and 'data-code="org.villages"' in html
        and ">12</a>" in html
    )
    report.refresh_from_db()
    assert report.current.number == 2
    # A stale form is refused with the Chinese reason, nothing saved.
    response = judicial.post(url, {"text": "又改了", "_version": report.version - 1}, HTTP_HX_REQUEST="true")
    assert "旧版本" in response.content.decode()
    report.refresh_from_db()
    assert report.current.number == 2
    diff = judicial.get(f"{report.get_absolute_url()}diff/?a=1&b=2").content.decode()
    assert "我镇下辖" in diff and 'data-op="-"' in diff


def test_yoy_change_shown_beside_bound_figures(report, client_for):
    from fazhi.reports.models import Baseline

    Baseline.objects.filter(township=report.township, year=2024).update(figures={"org.advisors": 2})
    page = client_for(Role.JUDICIAL).get(report.get_absolute_url()).content.decode()
    assert 'class="fz-yoy">（较上年增加1名）' in page  # 3 advisors now, 2 in last year's report


def test_workflow_buttons_and_refusal_message(report, client_for):
    office = client_for(Role.OFFICE)
    url = report.get_absolute_url()
    office.post(f"{url}do/discuss/")
    report.refresh_from_db()
    assert report.state == "discussion"
    response = client_for(Role.SECRETARY).post(f"{url}do/sign/", follow=True)
    assert "尚缺党委书记、镇长签批" in response.content.decode()
    client_for(Role.SECRETARY).post(f"{url}act/sign/")
    client_for(Role.HEAD).post(f"{url}act/sign/")
    client_for(Role.HEAD).post(f"{url}do/sign/")
    report.refresh_from_db()
    assert report.state == "signed" and report.secretary_signed_by and report.head_signed_by


def test_list_query_count_is_constant(report, client_for, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    judicial = client_for(Role.JUDICIAL)
    with CaptureQueriesContext(connection) as few:
        judicial.get("/reports/annualreport/")
    for year in range(2000, 2030):
        AnnualReport.objects.get_or_create(
            township=world.township, year=year, defaults={"title": f"{year}年报告"}
        )
    with django_assert_max_num_queries(
        len(few.captured_queries) + 1
    ):  # +1: the page count once there are pages
        response = judicial.get("/reports/annualreport/")
    assert response.status_code == 200 and "已逾期" in response.content.decode()
    assert client_for(Role.JUDICIAL).get("/reports/annualreport/?export=xlsx").status_code == 200


def test_report_items_register(world, client_for):
    office = client_for(Role.OFFICE)
    response = office.post(
        "/reports/reportitem/new/", {"year": 2025, "kind": "problem", "area": "enforcement", "title": ""}
    )
    assert "该字段是必填项" in response.content.decode()
    response = office.post(
        "/reports/reportitem/new/",
        {"year": 2025, "kind": "plan", "area": "enforcement", "title": "开展执法培训", "order": 0},
    )
    assert response.status_code == 302
    assert ReportItem.objects.get(title="开展执法培训").township == world.township
    assert "开展执法培训" in office.get("/reports/reportitem/?q=执法").content.decode()
    assert client_for(Role.PETITION).get("/reports/reportitem/new/").status_code == 403
    assert client_for(Role.COUNTY).post("/reports/reportitem/new/", {"title": "x"}).status_code == 403


def test_create_report_page(world, client_for):
    judicial = client_for(Role.JUDICIAL)
    response = judicial.post("/reports/annualreport/new/", {"year": 2025})
    report = AnnualReport.objects.get(township=world.township, year=2025)
    assert response.status_code == 302 and report.current.number == 1
    again = judicial.post("/reports/annualreport/new/", {"year": 2025}).content.decode()
    assert "已存在" in again


def test_upload_check_and_store_baseline(world, client_for):
    judicial = client_for(Role.JUDICIAL)
    data = (SAMPLES / "houshan-2023.txt").read_bytes()
    response = judicial.post("/reports/check/", {"file": SimpleUploadedFile("houshan.txt", data)})
    page = response.content.decode()
    assert "后山镇" in page and "包含必备内容" in page and 'id="figures"' in page
    response = judicial.post("/reports/check/baseline/", {"year": 2023})
    baseline = Baseline.objects.get(township=world.township, year=2023)
    assert baseline.figures["disputes.received"] == 132
    assert response.status_code == 302
    bad = judicial.post(
        "/reports/check/", {"file": SimpleUploadedFile("x.docx", b"garbage")}
    ).content.decode()
    assert "无法读取该文件" in bad
    wrong = judicial.post("/reports/check/", {"file": SimpleUploadedFile("x.exe", b"MZ")}).content.decode()
    assert "不支持的文件类型" in wrong
    # Reading is for everyone in the township; storing a baseline is not.
    assert client_for(Role.PETITION).post("/reports/check/baseline/", {"year": 2023}).status_code in (
        302,
        403,
    )
