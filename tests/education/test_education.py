"""Legal education: themed-day calendar, figures from records, computed rates, targets from settings,
the permission matrix (village cadres confined to their village), quick entry with photos, masking,
the list page's query count and the demo."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from fazhi.core.models import Attachment
from fazhi.core.roles import Role
from fazhi.education import calendar, demo
from fazhi.education.models import Exam, LegalLiaison, OutreachActivity, StudySession
from fazhi.indicators.registry import Scope, get
from fazhi.org.models import RoleAssignment

A = OutreachActivity
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
    b"\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def activity(world, **kwargs):
    values = dict(township=world.township, date=dt.date(2025, 5, 1), title="普法", venue=A.Venue.VILLAGE)
    return A.objects.create(**{**values, **kwargs})


def value(code, world, year=2025, village=None):
    return get(code).value(Scope(world.township, year, village))


# Themed-day calendar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date, expected",
    [
        (dt.date(2026, 3, 15), ("0315", "consumer")),
        (dt.date(2026, 4, 13), ("0415", "security")),  # two days before 4·15
        (dt.date(2026, 6, 27), ("0626", "drugs")),
        (dt.date(2026, 12, 4), ("1204", "constitution")),
        (dt.date(2026, 12, 2), ("week", "constitution")),  # inside 宪法宣传周, not "near 12·4"
        (dt.date(2026, 7, 10), ("", "")),
    ],
)
def test_calendar_suggests_themed_days(date, expected):
    assert calendar.suggest(date) == expected


def test_create_form_prefills_suggestion_from_date(client_for):
    page = client_for(Role.JUDICIAL).get("/education/outreachactivity/new/?date=2026-06-26")
    form = page.context["form"]
    assert form.initial["themed_day"] == "0626" and form.initial["theme"] == "drugs"
    assert "themed-days" in page.content.decode()  # the script that suggests on date change


# Figures ---------------------------------------------------------------------------------------------


def test_outreach_figures_sum_the_records(world):
    activity(world, materials=1200, banners=30, questions=5, people_reached=300)
    activity(world, materials=800, banners=12, venue=A.Venue.SCHOOL, people_reached=200)
    activity(world, date=dt.date(2024, 5, 1), materials=999)  # another year
    assert value("education.activities.total", world) == 2
    assert value("education.materials", world) == 2000
    assert value("education.banners", world) == 42
    assert value("education.people_reached", world) == 500
    assert value("education.consultations", world) == 5
    assert value("education.by_venue.school", world) == 1
    assert value("education.by_venue.village", world) == 1
    assert get("education.materials").render(2000) == "发放宣传资料2000份"


def test_report_sentences_from_demo(world):
    demo.build(world)
    assert (
        get("study.pre_meeting_sessions").render(value("study.pre_meeting_sessions", world))
        == "开展会前学法12次"
    )
    assert value("education.materials", world) == 3046  # the report rounds it: 3000余份
    assert value("education.banners", world) == 74  # 70余条


def test_exam_rates_are_computed_not_typed(world):
    assert not [f.name for f in Exam._meta.fields if "rate" in f.name]
    Exam.objects.create(
        township=world.township, date=dt.date(2025, 6, 1), title="考试", expected=10, participants=8, passed=6
    )
    Exam.objects.create(
        township=world.township,
        date=dt.date(2025, 11, 1),
        title="考试二",
        expected=10,
        participants=10,
        passed=10,
    )
    assert str(value("exams.participation_rate", world)) == "90.0"  # 18/20
    assert str(value("exams.pass_rate", world)) == "88.9"  # 16/18
    assert value("exams.pass_rate", world, 2024) is None  # nothing to divide by


def test_exam_form_refuses_impossible_counts_and_saves_nothing(world, client_for):
    office = client_for(Role.OFFICE)
    data = {"date": "2025-06-01", "title": "任前考试", "expected": 10, "participants": 8, "passed": 9}
    response = office.post("/education/exam/new/", data)
    assert response.status_code == 200
    assert "合格人数（9）不能多于参考人数（8）" in response.content.decode()
    assert not Exam.objects.filter(title="任前考试").exists()
    assert office.post("/education/exam/new/", {**data, "passed": 8}).status_code == 302


# Targets from settings -------------------------------------------------------------------------------


def _liaisons(world, village, n):
    for i in range(n):
        LegalLiaison.objects.create(
            township=world.township, village=village, name=f"明白人{i}", appointed_on=dt.date(2024, 1, 1)
        )


def test_liaison_target_comes_from_settings(world, settings):
    first, second = world.villages[0], world.villages[1]
    _liaisons(world, first, 3)
    _liaisons(world, second, 5)
    assert value("liaisons.total", world) == 8
    assert (
        value("liaisons.villages_meeting_target", world) == 2
    )  # default: at least 3 per administrative village
    settings.FAZHI_EDUCATION_TARGETS = {"liaisons_per_village": 5}
    assert value("liaisons.villages_meeting_target", world) == 1
    settings.FAZHI_EDUCATION_TARGETS = {"liaisons_per_village": 5, 2025: {"liaisons_per_village": 3}}
    assert value("liaisons.villages_meeting_target", world) == 2  # the year's own value wins
    assert value("liaisons.villages_meeting_target", world, 2026) == 1
    assert str(value("liaisons.target_rate", world)) == str(
        round(200 / 12, 1)
    )  # 2 of 12 administrative villages


def test_study_page_shows_targets_from_settings(world, client_for, settings):
    settings.FAZHI_EDUCATION_TARGETS = {2025: {"pre_meeting": 24}}
    StudySession.objects.create(
        township=world.township, date=dt.date(2025, 3, 1), topic="学习民法典", laws="《民法典》"
    )
    page = client_for(Role.OFFICE).get("/education/studysession/?year=2025")
    progress = {p["label"]: (p["done"], p["target"]) for p in page.context["progress"]}
    assert progress["会前学法"] == (1, 24)
    assert progress["专题培训"] == (0, 2)


def test_coverage_page_counts_each_village(world, client_for):
    _liaisons(world, world.villages[0], 3)
    page = client_for(Role.JUDICIAL).get("/education/legalliaison/coverage/")
    assert page.context["meeting"] == 1 and page.context["administrative"] == 12
    assert "还差3名" in page.content.decode()


# Permission matrix ----------------------------------------------------------------------------------


def form_data(village, **kwargs):
    return {
        "date": "2026-06-26",
        "title": "禁毒宣传进院坝",
        "theme": "drugs",
        "themed_day": "0626",
        "venue": "village",
        "village": village.pk,
        "materials": 50,
        "banners": 1,
        "questions": 2,
        "people_reached": 80,
        **kwargs,
    }


def test_village_cadre_adds_activities_only_for_their_village(world, client_for):
    cadre = client_for(Role.VILLAGE)
    own, other = world.villages[0], world.villages[1]
    page = cadre.get("/education/outreachactivity/quick/")
    assert list(page.context["form"].fields["village"].queryset) == [own]
    assert page.context["form"]["village"].value() == own.pk  # preselected: a cadre has one village
    response = cadre.post("/education/outreachactivity/quick/", form_data(other, title="越权登记"))
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()
    response = cadre.post("/education/outreachactivity/new/", form_data(other, title="越权登记"))
    assert response.status_code == 200
    response = cadre.post("/education/outreachactivity/quick/", {**form_data(own), "village": ""})
    assert "这个字段是必填项" in response.content.decode() or "该字段是必填项" in response.content.decode()
    assert not A.objects.filter(title="越权登记").exists()
    assert cadre.post("/education/outreachactivity/quick/", form_data(own)).status_code == 302
    assert A.objects.get(title="禁毒宣传进院坝").village == own


def test_village_cadre_sees_only_their_village(world, client_for):
    mine = activity(world, village=world.villages[0], title="本村活动")
    theirs = activity(world, village=world.villages[1], title="邻村活动")
    township_wide = activity(world, title="镇级活动")
    cadre = client_for(Role.VILLAGE)
    listing = cadre.get("/education/outreachactivity/").content.decode()
    assert "本村活动" in listing and "邻村活动" not in listing and "镇级活动" not in listing
    assert cadre.get(f"/education/outreachactivity/{mine.pk}/").status_code == 200
    assert cadre.get(f"/education/outreachactivity/{theirs.pk}/").status_code == 404
    assert cadre.get(f"/education/outreachactivity/{township_wide.pk}/edit/").status_code == 404
    assert cadre.get("/education/studysession/new/").status_code == 403  # study is not a village ledger


def test_anonymous_county_other_township_and_roles(world, client_for, client):
    record = activity(world, title="镇级活动")
    assert client.get("/education/outreachactivity/")["Location"].startswith("/login/")
    county = client_for(Role.COUNTY)
    assert county.get(f"/education/outreachactivity/{record.pk}/").status_code == 200
    assert county.get("/education/outreachactivity/new/").status_code == 403
    assert county.post("/education/outreachactivity/quick/", form_data(world.villages[0])).status_code == 403
    outsider = get_user_model().objects.create_user("lv_judicial", password="x-12345678")
    RoleAssignment.objects.create(user=outsider, role=Role.JUDICIAL, organisation=world.other_townships[0])
    other = Client()
    other.force_login(outsider)
    assert other.get(f"/education/outreachactivity/{record.pk}/").status_code == 404
    assert "镇级活动" not in other.get("/education/outreachactivity/").content.decode()
    # 谁执法谁普法: the enforcement brigade records its own outreach, but not study sessions.
    assert client_for(Role.ENFORCEMENT).get("/education/outreachactivity/new/").status_code == 200
    assert client_for(Role.ENFORCEMENT).get("/education/studysession/new/").status_code == 403


# Quick entry with photos -----------------------------------------------------------------------------


def test_quick_entry_attaches_photos(world, client_for):
    cadre = client_for(Role.VILLAGE)
    photos = [
        SimpleUploadedFile("现场1.png", PNG, "image/png"),
        SimpleUploadedFile("现场2.png", PNG + b"2", "image/png"),
    ]
    response = cadre.post(
        "/education/outreachactivity/quick/", {**form_data(world.villages[0]), "photos": photos}
    )
    assert response.status_code == 302
    record = A.objects.get(title="禁毒宣传进院坝")
    files = Attachment.objects.filter(object_id=record.pk, content_type__model="outreachactivity")
    assert sorted(f.name for f in files) == ["现场1.png", "现场2.png"]
    assert {f.kind for f in files} == {"photo"}
    assert "activity-photos" in cadre.get(record.get_absolute_url()).content.decode()


def test_quick_entry_refuses_non_photos_and_saves_nothing(world, client_for):
    cadre = client_for(Role.VILLAGE)
    bad = SimpleUploadedFile("通知.pdf", b"%PDF-1.4 test", "application/pdf")
    response = cadre.post(
        "/education/outreachactivity/quick/", {**form_data(world.villages[0]), "photos": [bad]}
    )
    assert response.status_code == 200
    assert "不是照片" in response.content.decode()
    assert not A.objects.filter(title="禁毒宣传进院坝").exists()
    assert not Attachment.objects.exists()


# Masking, query count, API ---------------------------------------------------------------------------


def test_liaisons_masked_in_list_export_and_api(world, client_for):
    LegalLiaison.objects.create(
        township=world.township,
        village=world.villages[0],
        name="王小明",
        phone="13912345678",
        appointed_on=dt.date(2024, 1, 1),
    )
    county = client_for(Role.COUNTY)
    listing = county.get("/education/legalliaison/").content.decode()
    assert "王*明" in listing and "王小明" not in listing and "13912345678" not in listing
    export = county.get("/education/legalliaison/?export=xlsx")
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[1][0] == "王*明" and "5678" in rows[1][3] and "1234" not in rows[1][3]
    api = county.get("/api/legal-liaisons/").json()["results"][0]
    assert api["name"] == "王*明" and "1234" not in api["phone"]


def test_activity_list_query_count_is_constant(world, client_for, django_assert_max_num_queries):
    for i in range(40):
        activity(world, title=f"活动{i}", village=world.villages[i % 5])
    judicial = client_for(Role.JUDICIAL)
    judicial.get("/education/outreachactivity/")  # warm the session/access caches
    with django_assert_max_num_queries(12):
        response = judicial.get("/education/outreachactivity/?year=2025")
    assert response.status_code == 200 and response.context["rows"].count("<tr>") == 25


def test_api_creates_activity_within_the_users_village_only(world, client_for):
    cadre = client_for(Role.VILLAGE)
    body = {"date": "2026-03-15", "title": "API登记", "venue": "village", "village": world.villages[1].pk}
    assert cadre.post("/api/outreach-activities/", body, content_type="application/json").status_code == 403
    body["village"] = world.villages[0].pk
    assert cadre.post("/api/outreach-activities/", body, content_type="application/json").status_code == 201


# Demo ------------------------------------------------------------------------------------------------


def test_demo_is_idempotent_and_covers_both_years(world):
    demo.build(world)
    counts = [
        A.objects.count(),
        StudySession.objects.count(),
        Exam.objects.count(),
        LegalLiaison.objects.count(),
    ]
    demo.build(world)
    assert counts == [
        A.objects.count(),
        StudySession.objects.count(),
        Exam.objects.count(),
        LegalLiaison.objects.count(),
    ]
    assert A.objects.filter(township=world.township, date__year=2026).exists()
    assert not A.objects.filter(date__gt=world.today).exists()
    assert A.objects.filter(township=world.other_townships[0]).exists()
    assert A.objects.filter(created_by=world.users[Role.VILLAGE], village=world.villages[0]).exists()


@pytest.mark.parametrize(
    "code",
    [
        "education.materials",
        "education.by_venue.online",
        "liaisons.villages_meeting_target",
        "exams.pass_rate",
        "study.pre_meeting_sessions",
    ],
)
def test_figures_drill_down_to_records(world, client_for, code):
    demo.build(world)
    assert client_for(Role.JUDICIAL).get(f"/indicators/{code}/?year=2025").status_code == 200
