"""Events that notify: due in N working days (N per rule), overdue, escalation to the office head
and then the 镇长, a review opinion, a petition from the public; `notify()` for other apps; the
inbox (read/unread, links to the record, the bell's count)."""

import datetime as dt

import pytest

from fazhi.core.roles import Role
from fazhi.notify import reminders
from fazhi.notify.models import Notification
from fazhi.notify.services import notify

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def kinds(user):
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_due_overdue_and_escalation_once_each(world, due_petitions, settings):
    settings.FAZHI_REMIND_BEFORE = {"*": 2}
    settings.FAZHI_ESCALATE_HEAD_AFTER = 3
    settings.FAZHI_ESCALATE_LEADER_AFTER = 5
    clerk, head = world.users[Role.PETITION], world.users[Role.HEAD]
    reminders.run(TODAY)
    titles = set(Notification.objects.filter(user=clerk).values_list("title", flat=True))
    # due today and 12-04 (2 working days ahead) are reminded; 12-10 not yet
    assert any("事项today" in t and t.startswith("即将到期") for t in titles)
    assert any("事项soon" in t for t in titles) and not any("事项later" in t for t in titles)
    assert {t for t in titles if t.startswith("已逾期")} == {
        f"已逾期：信访件 {due_petitions['overdue-1']}：受理告知",
        f"已逾期：信访件 {due_petitions['overdue-2']}：受理告知",
    }
    # 11-25 is 5 working days before 12-02: past the office head's 3, not past the 镇长's 5
    escalated = Notification.objects.filter(kind="escalated")
    assert [(n.user, "事项overdue-1" in n.title) for n in escalated] == [(clerk, True)]  # 信访办's head
    count = Notification.objects.count()
    reminders.run(TODAY)
    assert Notification.objects.count() == count  # idempotent
    reminders.run(dt.date(2026, 12, 3))  # a day later 11-25 is 6 working days overdue: the 镇长 hears
    assert "escalated" in kinds(head)


def test_remind_before_is_a_setting_per_rule(world, due_petitions, settings):
    settings.FAZHI_REMIND_BEFORE = {"*": 0, "petitions.notice_direct": 4}
    reminders.run(TODAY)
    titles = Notification.objects.filter(kind="due").values_list("title", flat=True)
    assert any("事项soon" in t for t in titles)
    settings.FAZHI_REMIND_BEFORE = {"*": 0}
    Notification.objects.all().delete()
    reminders.run(TODAY)
    titles = Notification.objects.filter(kind="due").values_list("title", flat=True)
    assert [t for t in titles if "事项" in t] == [f"即将到期：信访件 {due_petitions['today']}：受理告知"]


def test_nothing_on_a_holiday(world, due_petitions):
    assert reminders.run(dt.date(2026, 10, 1)) == 0 and not Notification.objects.exists()


def test_notify_api_is_idempotent_per_key_and_links_the_record(world, petition_factory):
    petition = petition_factory()
    user = world.users[Role.PETITION]
    first = notify(user, "returned", petition, "县依法治县办退回：请补充材料")
    assert first.url == petition.get_absolute_url() and first.title.startswith("县级退回：")
    assert notify(user, "returned", petition, "县依法治县办退回：请补充材料") is None
    assert notify(user, "supervision", petition, "督办：请于5个工作日内办结").kind == "supervision"


def test_a_review_opinion_and_a_public_petition_notify(world, petition_factory):
    from fazhi.org.models import Person
    from fazhi.reviews.models import LegalityReview
    from fazhi.reviews.services import complete_review, request_review

    office = world.users[Role.OFFICE]
    subject = Person.objects.get(township=world.township, name="王丽")
    review = request_review(subject, kind="decision", title="茶园改造方案", user=office)
    complete_review(review, world.users[Role.JUDICIAL], conclusion=LegalityReview.Conclusion.LAWFUL)
    note = Notification.objects.get(user=office, kind="review")
    assert "合法" in note.text and note.url == review.get_absolute_url()
    petition_factory(created_by=None)  # came in through the public form
    petition_factory()  # registered by staff: no news
    assert Notification.objects.filter(user=world.users[Role.PETITION], kind="public").count() == 1


def test_inbox_read_unread_bell_and_scoping(world, petition_factory, client_for):
    petition = petition_factory()
    clerk = world.users[Role.PETITION]
    note = notify(clerk, "returned", petition, "请补充材料")
    client = client_for(Role.PETITION)
    assert ">1<" in client.get("/notify/bell/").content.decode()
    page = client.get("/notify/?show=unread").content.decode()
    assert "请补充材料" in page and "未读 1" in page
    assert client_for(Role.MEDIATOR).get(f"/notify/{note.pk}/open/").status_code == 404
    response = client.get(f"/notify/{note.pk}/open/")
    assert response.status_code == 302 and response["Location"] == petition.get_absolute_url()
    assert "fz-bell-count" not in client.get("/notify/bell/").content.decode()
    assert "请补充材料" not in client.get("/notify/?show=unread").content.decode()


def test_the_shell_loads_the_bell_without_inline_script(world, client_for):
    page = client_for(Role.PETITION).get("/deadlines/").content.decode()
    assert 'hx-get="/notify/bell/"' in page
    assert "<script>" not in page.split('id="fz-bell"')[0][-400:]


def test_preferences_form_checks_the_robot_address(world, client_for):
    client = client_for(Role.PETITION)
    page = client.post("/notify/settings/", {"email": "on", "webhook": "wecom", "webhook_url": ""})
    assert "请填写机器人地址" in page.content.decode()
    ok = client.post(
        "/notify/settings/",
        {"webhook": "dingtalk", "webhook_url": "https://oapi.dingtalk.com/robot/send?access_token=x"},
    )
    assert ok.status_code == 302
