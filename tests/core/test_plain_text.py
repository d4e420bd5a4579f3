"""No raw names on a page: no settings name, boolean filters offer 全部/是/否 (not Django's 未知), and
messages joined into one sentence never read "。；"."""

import datetime as dt

import pytest

from fazhi.core.roles import Role
from fazhi.core.text import clauses


def test_clauses_join_messages_without_doubled_punctuation():
    assert clauses(["您没有权限。", "须填写理由。"]) == "您没有权限；须填写理由。"
    assert clauses(["甲", "", "乙；"]) == "甲；乙。"
    assert clauses([]) == ""


def test_targets_page_names_no_setting(world, client_for):
    client = client_for(Role.JUDICIAL)
    for url in ("/education/legalliaison/coverage/", "/education/studysession/"):
        page = client.get(url).content.decode()
        assert "可在设置中调整" in page and "FAZHI_" not in page, url


def test_boolean_filter_offers_all_yes_no(world, client_for):
    client = client_for(Role.JUDICIAL)
    page = client.get("/education/legalliaison/").content.decode()
    select = page.split('name="active"')[1].split("</select>")[0]
    assert (
        '<option value="" selected>全部</option><option value="true">是</option><option value="false">否</option>'
        in select
    )
    assert "未知" not in page
    chosen = client.get("/education/legalliaison/?active=false").content.decode()
    assert (
        '<option value="false" selected>否</option>' in chosen.split('name="active"')[1].split("</select>")[0]
    )


@pytest.fixture
def review(world):
    from fazhi.org.models import LegalAdvisor, Person
    from fazhi.reviews.services import request_review

    subject = Person.objects.get(township=world.township, name="王丽")
    record = request_review(
        subject,
        kind="decision",
        title="茶园改造方案",
        user=world.users[Role.OFFICE],
        requested_on=dt.date(2025, 9, 26),
    )
    record.advisor = LegalAdvisor.objects.get(user=world.users[Role.ADVISOR])
    record.save()
    return record


def test_blocked_transition_reasons_read_as_one_sentence(review, client_for):
    # The advisor writes reviews but may not withdraw one: two reasons, each a sentence of its own.
    page = client_for(Role.ADVISOR).get(review.get_absolute_url()).content.decode()
    assert "暂不可执行" in page
    assert "。；" not in page
    assert "您没有执行“撤回”的权限；执行“撤回”须填写理由。" in page
