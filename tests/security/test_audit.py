"""Security audit: exports of personal data (who, which list, how many rows), downloads, retention."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from fazhi.core.roles import Role
from fazhi.security.models import SecurityEvent


def test_export_of_a_list_is_audited_with_its_rows(world, client_for):
    from fazhi.org.models import Person

    response = client_for(Role.OFFICE).get("/org/person/?export=xlsx")
    assert response.status_code == 200
    event = SecurityEvent.objects.get(kind="export")
    assert event.username == world.users[Role.OFFICE].username
    assert event.rows == Person.objects.filter(township=world.township).count() > 0
    assert event.target.endswith(".xlsx") and "export=xlsx" in event.detail
    assert event.township_id == world.township.id


def test_purge_keeps_180_days(world):
    old = SecurityEvent.objects.create(kind="login", username="x", at=timezone.now() - timedelta(days=181))
    recent = SecurityEvent.objects.create(kind="login", username="y", at=timezone.now() - timedelta(days=179))
    with pytest.raises(CommandError, match="180"):
        call_command("purge_security_events", days=30)
    call_command("purge_security_events", stdout=io.StringIO())
    assert not SecurityEvent.objects.filter(pk=old.pk).exists()
    assert SecurityEvent.objects.filter(pk=recent.pk).exists()


@pytest.mark.parametrize(
    "name, data", [("broken.docx", b"PK\x03\x04 not really"), ("broken.pdf", b"%PDF-1.4 junk")]
)
def test_report_reader_errors_are_chinese(tmp_path, name, data):
    import re

    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError) as error:
        call_command("report", "check", str(path), stdout=io.StringIO())
    message = str(error.value)
    assert "无法读取该文件" in message
    assert not re.search(r"[a-z]{3,} [a-z]{3,}", message)  # no English sentence from the reader
