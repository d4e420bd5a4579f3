import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Attachment
from fazhi.core.roles import Role
from fazhi.core.views import attach
from fazhi.org.models import Person

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_attachment_stored_by_hash_and_deduplicated(world):
    person = Person.objects.get(township=world.township, name="王丽")
    user = world.users[Role.OFFICE]
    first = attach(person, SimpleUploadedFile("现场.png", PNG), user, step="调查取证")
    second = attach(person, SimpleUploadedFile("copy.png", PNG), user)
    assert first.file.name == second.file.name and first.sha256 in first.file.name
    assert first.kind == "photo" and first.step == "调查取证"
    assert Attachment.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script>", "不支持的文件类型"),
        ("fake.pdf", b"<html><body>x</body></html>", "网页或脚本"),
        ("run.exe", b"MZ", "不支持的文件类型"),
    ],
)
def test_dangerous_uploads_refused(world, name, content, message):
    person = Person.objects.get(township=world.township, name="王丽")
    with pytest.raises(ValidationError, match=message):
        attach(person, SimpleUploadedFile(name, content), world.users[Role.OFFICE])
    assert not Attachment.objects.exists()


def test_oversized_upload_refused(world, settings):
    settings.FAZHI_ATTACHMENT_MAX_BYTES = 10
    person = Person.objects.get(township=world.township, name="王丽")
    with pytest.raises(ValidationError, match="文件过大"):
        attach(person, SimpleUploadedFile("a.png", PNG), world.users[Role.OFFICE])


def test_download_is_never_inline_and_is_scoped(world, client_for):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from fazhi.org.models import RoleAssignment

    person = Person.objects.get(township=world.township, name="王丽")
    attachment = attach(person, SimpleUploadedFile("说明.txt", "说明文字".encode()), world.users[Role.OFFICE])
    response = client_for(Role.OFFICE).get(f"/files/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    outsider = get_user_model().objects.create_user("lv", password="x-12345678")
    RoleAssignment.objects.create(user=outsider, role=Role.OFFICE, organisation=world.other_townships[0])
    other = Client()
    other.force_login(outsider)
    assert other.get(f"/files/{attachment.pk}/").status_code == 404
