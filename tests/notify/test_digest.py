"""The daily digest: a real SMTP server on loopback receives a demo user's digest with the right
items; a group robot receives it in its format; working days only; run twice, sent once; the leader
gets the township's counts by office; constant queries per user."""

import datetime as dt
import email
from email import policy

import pytest

from fazhi.core.roles import Role
from fazhi.notify import digest
from fazhi.notify.models import Notification, Preference

from .conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_settings(settings, smtp_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    return smtp_server


def body_of(envelope) -> tuple[str, str]:
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    return str(message["Subject"]), message.get_body().get_content()


def test_the_digest_reaches_a_real_smtp_server_with_the_right_items(world, due_petitions, smtp_settings):
    clerk = world.users[Role.PETITION]  # 孙红梅, 信访办: responsible for the petitions by default
    clerk.email = "sunhongmei@qingshan.example"
    clerk.save()
    assert digest.send_all(TODAY) >= 1
    mails = [e for e in smtp_settings.received if e.rcpt_tos == [clerk.email]]
    assert len(mails) == 1
    subject, body = body_of(mails[0])
    assert "每日待办 2026-12-02" in subject
    today_part = body.split("今日到期")[1].split("未来3个工作日内到期")[0]
    soon_part = body.split("未来3个工作日内到期")[1].split("已逾期")[0]
    overdue_part = body.split("已逾期")[1]
    assert "（1项）" in today_part and "事项today" in today_part
    assert "（1项）" in soon_part and "事项soon" in soon_part and "12月04日到期" in soon_part
    assert "（2项）" in overdue_part and "事项overdue-1" in overdue_part and "逾期7天" in overdue_part
    assert "事项later" not in body


def test_run_twice_sends_once(world, due_petitions, smtp_settings):
    clerk = world.users[Role.PETITION]
    clerk.email = "sunhongmei@qingshan.example"
    clerk.save()
    first = digest.send_all(TODAY)
    assert first >= 1 and digest.send_all(TODAY) == 0
    assert len([e for e in smtp_settings.received if e.rcpt_tos == [clerk.email]]) == 1
    assert Notification.objects.filter(user=clerk, kind="digest").count() == 1


@pytest.mark.parametrize(
    "day", [dt.date(2026, 12, 5), dt.date(2026, 10, 1)], ids=["saturday", "national-day"]
)
def test_no_digest_on_a_saturday_or_a_holiday(world, due_petitions, smtp_settings, day):
    world.users[Role.PETITION].email = "s@qingshan.example"
    world.users[Role.PETITION].save()
    assert digest.send_all(day) == 0
    assert smtp_settings.received == [] and not Notification.objects.filter(kind="digest").exists()


@pytest.mark.parametrize("kind", ["wecom", "dingtalk"])
def test_the_group_robot_gets_the_digest_in_its_format(world, due_petitions, robot_server, kind):
    head = world.users[Role.HEAD]
    Preference.objects.create(
        user=head, email=False, webhook=kind, webhook_url=f"{robot_server.url}/robot?key=k"
    )
    clerk = world.users[Role.PETITION]
    Preference.objects.create(user=clerk, email=False, webhook=kind, webhook_url=f"{robot_server.url}/clerk")
    digest.send_all(TODAY)
    by_path = {path: body for path, _, body in robot_server.posted}
    leader, own = by_path["/robot?key=k"], by_path["/clerk"]
    assert all(ctype.startswith("application/json") for _, ctype, _ in robot_server.posted)
    for body in (leader, own):
        assert body["msgtype"] == "markdown"
        text = body["markdown"]["content" if kind == "wecom" else "text"]
        assert text.startswith("### 每日待办 2026-12-02")
        if kind == "dingtalk":
            assert body["markdown"]["title"] == "每日待办 2026-12-02"
    leader_text = leader["markdown"]["content" if kind == "wecom" else "text"]
    # The 镇长 gets the township's counts by office: 信访办 has 2 overdue and 2 due within 3 working days.
    assert (
        "全镇期限情况（按办理部门）" in leader_text and "- 信访办：逾期2项，3个工作日内到期2项" in leader_text
    )
    assert "事项today" in own["markdown"]["content" if kind == "wecom" else "text"]


def test_digest_queries_per_user_are_constant(world, petition_factory, due_petitions):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache = {}
    users = {u.pk: u for u in digest.digest_users()}  # as send_all reads them: roles prefetched
    clerk, mediator = users[world.users[Role.PETITION].pk], users[world.users[Role.MEDIATOR].pk]
    for _ in range(6):
        petition_factory(received=dt.date(2026, 11, 17))
    with CaptureQueriesContext(connection) as many:
        assert digest.build_for(clerk, TODAY, 3, cache) is not None
    assert len(many.captured_queries) == 1  # the entries; everything else came with the user
    with CaptureQueriesContext(connection) as none:
        assert digest.build_for(mediator, TODAY, 3, cache) is None
    assert len(none.captured_queries) == 1


def test_send_all_costs_one_query_per_user_plus_a_constant(world, due_petitions):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.org.models import RoleAssignment

    def run(day):
        with CaptureQueriesContext(connection) as captured:
            digest.send_all(day, deliver=False)
        return len(captured), digest.digest_users().count()

    first, users = run(TODAY)
    for i in range(4):
        user = get_user_model().objects.create(username=f"clerk{i}")
        RoleAssignment.objects.create(user=user, role=Role.OFFICE, organisation=world.township)
    second, more = run(dt.date(2026, 12, 3))
    assert more == users + 4 and second - first == 4


def test_a_long_section_lists_the_first_items_and_counts_all():
    from collections import namedtuple

    Entry = namedtuple("Entry", "title office due_on")
    entries = [
        Entry(f"事项{i}", "信访办", TODAY - dt.timedelta(days=i + 1)) for i in range(digest.MAX_LINES + 5)
    ]
    text = digest.render("孙红梅", TODAY, 3, digest.sections(entries, TODAY, 3))
    assert f"已逾期（{digest.MAX_LINES + 5}项）" in text and "……另有5项，请在期限看板查看" in text
    assert f"事项{digest.MAX_LINES - 1}（" in text and f"事项{digest.MAX_LINES}（" not in text
