"""Petitions: every statutory deadline with its article, the single extension, 诉访分离, closing with a
written reply, channel figures adding up, masking, permissions, public submission and lookup."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.indicators.registry import Scope, get
from fazhi.petitions import demo, rules
from fazhi.petitions.actions import register_petition
from fazhi.petitions.models import HotlineTicket, Petition
from fazhi.petitions.workflows import WORKFLOW
from fazhi.reports.compose import say


@pytest.fixture
def town(world):
    from fazhi.core import board

    demo.build(world)
    board.rebuild(world.township)  # the builder inserts in bulk, as `fazhi demo` does before its rebuild
    return world


def make(world, **kwargs):
    values = dict(
        township=world.township,
        village=world.villages[0],
        received=dt.date(2026, 3, 2),
        channel="online",
        petitioner="张三丰",
        phone="13912345678",
        subject="反映排水不畅",
        content="诉求",
    )
    values.update(kwargs)
    return register_petition(Petition(**values))


def approver(world):
    return world.people["李文华"].pk


# --- deadlines ------------------------------------------------------------------------------------


def test_acceptance_notice_15_days_by_origin(world):
    direct = make(world, received=dt.date(2026, 3, 2))
    assert direct.notice_due == dt.date(2026, 3, 17)
    assert direct.notice_rule is rules.NOTICE_DIRECT and "第二十二条" in rules.NOTICE_DIRECT.article
    routed = make(world, origin="assigned")
    assert routed.notice_rule is rules.NOTICE_ROUTED and "第二十三条第三款" in routed.notice_rule.describe()
    # Calendar days; a period ending on a holiday ends on the next working day (1–7 October 2026).
    assert make(world, received=dt.date(2026, 9, 16)).notice_due == dt.date(2026, 10, 8)


def test_handling_60_days_from_acceptance_and_review_windows(world):
    petition = make(
        world,
        state="accepted",
        accepted_on=dt.date(2026, 3, 2),
        replied_on=dt.date(2026, 4, 20),
        review_requested_on=dt.date(2026, 5, 6),
        review_replied_on=dt.date(2026, 6, 1),
        recheck_requested_on=dt.date(2026, 6, 15),
    )
    assert petition.handling_due == dt.date(2026, 5, 6)  # 2 March + 60 days = 1 May (holiday 1–5 May) → 6 May
    rows = {label: (due.date, rule) for label, due, rule, _ in petition.deadline_rows()}
    assert rows["办结"] == (dt.date(2026, 5, 6), rules.HANDLING) and "第三十四条" in rules.HANDLING.article
    assert (
        rows["申请复查截止"] == (dt.date(2026, 5, 20), rules.REVIEW_REQUEST)
        and "第三十五条" in rules.REVIEW_REQUEST.article
    )
    assert rows["复查意见"][0] == dt.date(2026, 6, 5)
    assert (
        rows["申请复核截止"] == (dt.date(2026, 7, 1), rules.RECHECK_REQUEST)
        and "第三十六条" in rules.RECHECK_REQUEST.article
    )
    assert rows["复核意见"][0] == dt.date(2026, 7, 15)


# --- the single extension --------------------------------------------------------------------------


def test_extension_once_with_reason_and_approver(world, settings):
    user = world.users[Role.PETITION]
    petition = make(world)
    today = dt.date.today()
    WORKFLOW.apply(petition, "accept", user, {"accepted_on": f"{today:%Y-%m-%d}"})
    first_due = Petition.objects.get(pk=petition.pk).handling_due
    assert first_due == rules.HANDLING.due(today).date

    with pytest.raises(Refused) as refused:
        WORKFLOW.apply(petition, "extend", user, {"note": "", "approver": ""})
    assert "须填写理由" in str(refused.value) and "批准人" in str(refused.value)
    assert Petition.objects.get(pk=petition.pk).handling_due == first_due

    WORKFLOW.apply(petition, "extend", user, {"note": "需要多部门会商", "approver": str(approver(world))})
    extended = Petition.objects.get(pk=petition.pk)
    assert extended.handling_due == rules.EXTENSION.due(first_due).date
    assert extended.extension_approver.name == "李文华" and extended.extension_reason == "需要多部门会商"

    version = extended.version
    with pytest.raises(Refused, match="只能延长一次"):
        WORKFLOW.apply(extended, "extend", user, {"note": "再延一次", "approver": str(approver(world))})
    again = Petition.objects.get(pk=petition.pk)
    assert (again.version, again.handling_due, again.extension_reason) == (
        version,
        extended.handling_due,
        "需要多部门会商",
    )


def test_second_extension_refused_over_http(world, client_for):
    office = client_for(Role.PETITION)
    petition = make(world)
    office.post(f"/petitions/petition/{petition.pk}/do/accept/")
    url = f"/petitions/petition/{petition.pk}/do/extend/"
    office.post(url, {"note": "理由一", "approver": approver(world)})
    response = office.post(url, {"note": "理由二", "approver": approver(world)}, follow=True)
    assert "只能延长一次" in response.content.decode()
    assert Petition.objects.get(pk=petition.pk).extension_reason == "理由一"


# --- 诉访分离 ---------------------------------------------------------------------------------------


def test_litigation_items_are_routed_to_legal_procedure(world):
    user = world.users[Role.PETITION]
    lawsuit = make(world, litigation=True, subject="不服民事判决")
    with pytest.raises(Refused, match="诉访分离"):
        WORKFLOW.apply(lawsuit, "accept", user)
    assert Petition.objects.get(pk=lawsuit.pk).state == "registered"
    with pytest.raises(Refused, match="法定途径"):
        WORKFLOW.apply(lawsuit, "route-legal", user, {})
    WORKFLOW.apply(lawsuit, "route-legal", user, {"legal_route": "litigation"})
    routed = Petition.objects.get(pk=lawsuit.pk)
    assert routed.state == "legal" and routed.legal_route == "litigation" and routed.notice_sent
    ordinary = make(world)
    with pytest.raises(Refused, match="只有涉法涉诉事项"):
        WORKFLOW.apply(ordinary, "route-legal", user, {"legal_route": "litigation"})


# --- closing needs an outcome and the written reply ----------------------------------------------


def test_close_needs_outcome_and_reply_document(world, client_for):
    office = client_for(Role.PETITION)
    petition = make(world)
    office.post(f"/petitions/petition/{petition.pk}/do/accept/")
    response = office.post(f"/petitions/petition/{petition.pk}/close/", {"outcome": ""}, follow=True)
    page = response.content.decode()
    assert "处理意见" in page and "书面答复" in page
    assert Petition.objects.get(pk=petition.pk).state == "accepted"
    reply = SimpleUploadedFile("答复意见书.pdf", b"%PDF-1.4 reply", content_type="application/pdf")
    # A refused close keeps no upload.
    office.post(f"/petitions/petition/{petition.pk}/close/", {"outcome": "", "reply": reply})
    assert not petition.reply_documents().exists()
    reply = SimpleUploadedFile("答复意见书.pdf", b"%PDF-1.4 reply", content_type="application/pdf")
    office.post(f"/petitions/petition/{petition.pk}/close/", {"outcome": "explain", "reply": reply})
    closed = Petition.objects.get(pk=petition.pk)
    assert closed.state == "closed" and closed.outcome == "explain" and closed.closed_on == dt.date.today()
    assert closed.on_time is True and closed.reply_documents().count() == 1


def test_group_visit_representatives_and_backlog_checks(world, client_for):
    office = client_for(Role.PETITION)
    data = {
        "received": "2026-11-02",
        "channel": "visit",
        "origin": "direct",
        "petitioner": "代表甲",
        "subject": "集体反映",
        "content": "c",
        "kind": "claim",
        "group_visit": "on",
        "visitors": "30",
        "representatives": "6",
        "village": world.villages[0].pk,
    }
    response = office.post("/petitions/petition/new/", data)
    assert "超过上限" in response.content.decode() and "第二十条" in response.content.decode()
    response = office.post("/petitions/petition/new/", {**data, "representatives": "5", "backlog": "on"})
    assert "包保领导" in response.content.decode()
    assert not Petition.objects.filter(petitioner="代表甲").exists()
    assert office.post("/petitions/petition/new/", {**data, "representatives": "5"}).status_code == 302


# --- figures ---------------------------------------------------------------------------------------


def test_channels_add_up_to_total_and_rates_are_computed(town):
    for year in (2025, 2026):
        scope = Scope(town.township, year)
        total = get("petitions.total").value(scope)
        assert 80 <= total <= 130
        assert (
            sum(
                get(f"petitions.by_channel.{c}").value(scope)
                for c in ("online", "letter", "phone", "fax", "visit")
            )
            == total
        )
        closed = Petition.objects.filter(township=town.township, state="closed", closed_on__year=year)
        on_time = [p for p in closed if p.on_time]
        expected = round(len(on_time) * 100 / closed.count(), 1)
        assert float(get("petitions.on_time_rate").value(scope)) == pytest.approx(expected)
        assert 0 < len(on_time) < closed.count()  # some were late
    assert get("petitions.backlog_resolved").value(Scope(town.township, 2026)) == 2
    assert Petition.objects.filter(township=town.township, extended_on__isnull=False).count() == 1
    assert HotlineTicket.objects.filter(township=town.township).count() > 100
    closed = Petition.objects.filter(township=town.township, state="closed")
    assert all(p.reply_documents().count() == 1 for p in closed[:5])


def test_report_sentence(world):
    for channel, n in (("online", 3), ("letter", 1), ("visit", 2)):
        for _ in range(n):
            make(
                world,
                channel=channel,
                state="closed",
                accepted_on=dt.date(2026, 3, 3),
                closed_on=dt.date(2026, 4, 1),
            )
    make(world, channel="phone")  # open: not counted as closed
    scope = Scope(world.township, 2026)
    assert (
        say(world.township, 2026, "petitions.closed", "petitions.closed_by_channel")
        == "办结信访6件次，其中网上投诉3件、来信1件、来访2次。"
    )
    assert get("petitions.total").value(scope) == 7


def test_demo_is_idempotent(town):
    counts = (Petition.objects.count(), HotlineTicket.objects.count())
    demo.build(town)
    assert (Petition.objects.count(), HotlineTicket.objects.count()) == counts


def test_board_items_carry_their_rule(world):
    from fazhi.core.board import items_of

    make(world, received=dt.date(2026, 11, 10))
    make(
        world,
        received=dt.date(2026, 9, 1),
        state="accepted",
        accepted_on=dt.date(2026, 9, 3),
        notice_sent=dt.date(2026, 9, 3),
    )
    make(
        world,
        received=dt.date(2026, 9, 1),
        state="closed",
        accepted_on=dt.date(2026, 9, 3),
        closed_on=dt.date(2026, 9, 30),
    )
    items = items_of("petitions", world.township, dt.date(2026, 11, 20))
    assert sorted((i.rule.code, i.due.date) for i in items) == [
        ("petitions.handling", dt.date(2026, 11, 2)),
        ("petitions.notice_direct", dt.date(2026, 11, 25)),
    ]
    assert items[0].state(dt.date(2026, 11, 20)) in ("overdue", "ok")


# --- masking and permissions ----------------------------------------------------------------------


def test_masking_in_list_export_and_api(world, client_for):
    petition = make(world)
    office = client_for(Role.PETITION)
    listing = office.get("/petitions/petition/").content.decode()
    assert "张*丰" in listing and "张三丰" not in listing
    sheet = load_workbook(io.BytesIO(office.get("/petitions/petition/?export=xlsx").content)).active
    cells = [str(c) for row in sheet.values for c in row if c]
    assert "张*丰" in cells and not any("张三丰" in c for c in cells)
    api = office.get("/api/petitions/").json()["results"][0]
    assert api["petitioner"] == "张*丰" and api["phone"] == "139****5678"
    assert "张三丰" in office.get(f"/petitions/petition/{petition.pk}/").content.decode()
    assert (
        "张三丰" not in client_for(Role.MEDIATOR).get(f"/petitions/petition/{petition.pk}/").content.decode()
    )


def test_permissions(world, client_for, client):
    petition = make(world)
    assert client.get("/petitions/petition/").status_code == 302
    mediator = client_for(Role.MEDIATOR)
    assert mediator.get(f"/petitions/petition/{petition.pk}/edit/").status_code == 403
    mediator.post(f"/petitions/petition/{petition.pk}/do/accept/")
    assert Petition.objects.get(pk=petition.pk).state == "registered"
    county = client_for(Role.COUNTY)
    assert county.get(f"/petitions/petition/{petition.pk}/").status_code == 200
    county.post(f"/petitions/petition/{petition.pk}/do/accept/")
    assert Petition.objects.get(pk=petition.pk).state == "registered"
    other = make(world, township=world.other_townships[0], village=None)
    assert client_for(Role.PETITION).get(f"/petitions/petition/{other.pk}/").status_code == 404


def test_list_query_count(town, client_for, django_assert_max_num_queries):
    office = client_for(Role.PETITION)
    office.get("/petitions/petition/")
    for url in ("/petitions/petition/", "/petitions/hotlineticket/"):
        with django_assert_max_num_queries(12):
            response = office.get(url)
        assert response.status_code == 200 and "共 " in response.content.decode()
    petition = Petition.objects.filter(township=town.township, state="accepted").first()
    assert office.get(f"/petitions/petition/{petition.pk}/").status_code == 200


def test_hotline_reply_needs_text(world):
    ticket = HotlineTicket.objects.create(
        township=world.township,
        ticket_no="12345-1",
        received=dt.date(2026, 11, 1),
        caller="王五",
        content="路灯",
    )
    from fazhi.petitions.workflows import HOTLINE_WORKFLOW

    with pytest.raises(Refused, match="回复内容"):
        HOTLINE_WORKFLOW.apply(ticket, "reply", world.users[Role.PETITION])
    ticket.reply = "已修复"
    HOTLINE_WORKFLOW.apply(ticket, "reply", world.users[Role.PETITION])
    assert HotlineTicket.objects.get(pk=ticket.pk).replied_on == dt.date.today()


# --- public pages ----------------------------------------------------------------------------------


def test_public_submit_and_track(world):
    public = Client()
    response = public.post(
        "/public/petitions/submit/",
        {
            "township": world.township.pk,
            "petitioner": "王五<b>",
            "phone": "13800001111",
            "subject": "<img src=x onerror=alert(1)>",
            "content": "诉求",
        },
    )
    petition = Petition.objects.get(content="诉求")
    assert petition.channel == "online" and petition.state == "registered"
    assert petition.tracking_code in response.content.decode()
    page = public.get(f"/public/petitions/track/?code={petition.tracking_code}").content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert "王*" in page and "王五" not in page and "13800001111" not in page
    assert f"{petition.notice_due:%Y-%m-%d}" in page and "第二十二条" in page
    codes = [public.get("/public/petitions/track/?code=XFNOPE").status_code for _ in range(25)]
    assert codes[-1] == 429


def test_public_pages_listed_on_portal(world):
    page = Client().get("/public/").content.decode()
    assert "网上信访" in page and "/public/petitions/track/" in page


def test_every_page_opens_for_an_editor_and_a_reader(town, client_for):
    office, county = client_for(Role.PETITION), client_for(Role.COUNTY)
    for model in (Petition, HotlineTicket):
        name = model._meta.model_name
        for record in (
            model.objects.filter(township=town.township).first(),
            model.objects.filter(township=town.township).last(),
        ):
            for client in (office, county):
                assert client.get(f"/petitions/{name}/{record.pk}/").status_code == 200, name
        assert office.get(f"/petitions/{name}/{record.pk}/edit/").status_code == 200, name
        assert office.get(f"/petitions/{name}/new/").status_code == 200, name
    assert "期限看板" in office.get("/deadlines/?show=all").content.decode()
    assert "信访件" in office.get("/deadlines/?show=all").content.decode()
