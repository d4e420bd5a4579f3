"""Optimistic locking: two edits of the same version — the second is refused, nothing is lost."""

import pytest

from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.core.workflow import Refused
from fazhi.org.models import Person


def test_second_save_of_same_version_is_refused(world):
    user = world.users[Role.OFFICE]
    first = Person.objects.get(township=world.township, name="王丽")
    second = Person.objects.get(pk=first.pk)
    version = first.version

    first.position = "党政办主任（兼）"
    save_record(first, user, expected_version=version)
    second.position = "覆盖的值"
    with pytest.raises(Refused, match="已被.*修改"):
        save_record(second, user, expected_version=version)

    stored = Person.objects.get(pk=first.pk)
    assert stored.position == "党政办主任（兼）"
    assert stored.version == version + 1
    assert stored.history.first().history_user == user


def test_stale_form_is_refused_with_chinese_message_and_nothing_changes(world, client_for):
    person = Person.objects.get(township=world.township, name="王丽")
    office = client_for(Role.OFFICE)
    url = f"/org/person/{person.pk}/edit/"
    form = {"name": "王丽", "position": "甲", "active": "on", "_version": person.version}
    assert office.post(url, form).status_code == 302
    response = office.post(url, {**form, "position": "乙"})  # same (now stale) version
    assert response.status_code == 200
    assert "已被" in response.content.decode() and "修改" in response.content.decode()
    assert Person.objects.get(pk=person.pk).position == "甲"


def test_every_change_is_in_history_with_who(world):
    user = world.users[Role.OFFICE]
    person = Person.objects.get(township=world.township, name="王丽")
    person.position = "新职务"
    save_record(person, user, reason="调整职务")
    latest = person.history.first()
    assert latest.history_user == user
    assert latest.history_change_reason == "调整职务"
    assert latest.position == "新职务"


def test_stale_warning_names_the_local_time(world):
    import datetime as dt

    from django.utils import timezone

    user = world.users[Role.OFFICE]
    first = Person.objects.get(township=world.township, name="王丽")
    second = Person.objects.get(pk=first.pk)
    version = first.version
    save_record(first, user, expected_version=version)
    Person.objects.filter(pk=first.pk).update(updated_at=dt.datetime(2026, 3, 2, 13, 49, tzinfo=dt.UTC))
    with pytest.raises(Refused) as refused:
        save_record(second, user, expected_version=version)
    assert "2026-03-02 21:49" in str(refused.value)  # Beijing time, not 13:49 UTC
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"
