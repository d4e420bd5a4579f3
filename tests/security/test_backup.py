"""fazhi backup → fazhi restore into a fresh database: every table's row count and every attachment's
hash identical, downloads working; a truncated or altered backup refused."""

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from fazhi.core.roles import Role

SCRIPT_DOWNLOAD = """
import hashlib, django, sys
django.setup()
from django.test import Client
from django.contrib.auth import get_user_model
from fazhi.core.models import Attachment
client = Client()
client.force_login(get_user_model().objects.get(username=sys.argv[1]))
for a in Attachment.objects.order_by("pk"):
    r = client.get(f"/files/{a.pk}/")
    print(a.pk, r.status_code, hashlib.sha256(b"".join(r.streaming_content)).hexdigest())
"""


@pytest.fixture
def committed_world(transactional_db):
    """Committed data (pg_dump reads another connection), with two attachments."""
    from fazhi.core.views import attach
    from fazhi.org import demo
    from fazhi.org.models import Person

    world = demo.build()
    person = Person.objects.filter(township=world.township).first()
    user = world.users[Role.JUDICIAL]
    attach(person, SimpleUploadedFile("调解协议.pdf", b"%PDF-1.4 agreement " * 50), user)
    attach(person, SimpleUploadedFile("现场.png", b"\x89PNG\r\n\x1a\n" + os.urandom(4000)), user)
    return world


def counts_here():
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        result = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
            result[name] = cursor.fetchone()[0]
    return result


def run(args, env, check=True):
    return subprocess.run(
        [sys.executable, "-m", "fazhi", *args],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "fazhi.settings", **env},
        capture_output=True,
        text=True,
        check=check,
    )


def downloads(env, username):
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT_DOWNLOAD, username],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "fazhi.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.split() for line in out.strip().splitlines()]


def attachment_hashes():
    from fazhi.core.models import Attachment

    return [
        [str(a.pk), "200", hashlib.sha256(a.file.open("rb").read()).hexdigest()]
        for a in Attachment.objects.order_by("pk")
    ]


def backup_here(tmp_path):
    out = tmp_path / "fazhi-backup.tar.gz"
    call_command("backup", out=str(out), stdout=io.StringIO())
    assert out.stat().st_mode & 0o777 == 0o600
    return out


def test_backup_restore_sqlite(committed_world, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite round trip runs in the SQLite suite")
    archive = backup_here(tmp_path)
    expected = counts_here()
    files = attachment_hashes()
    target = tmp_path / "restored"
    env = {
        "FAZHI_VAR_DIR": str(target),
        "DATABASE_URL": f"sqlite:///{target / 'restored.sqlite3'}",
        "FAZHI_MEDIA_ROOT": str(target / "media"),
    }
    done = run(["restore", str(archive)], env)
    assert "与清单一致" in done.stdout
    restored = sqlite3.connect(target / "restored.sqlite3")
    tables = [r[0] for r in restored.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    got = {
        t: restored.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
        for t in tables
        if not t.startswith("sqlite_")
    }
    got["security_securityevent"] -= 1  # the restore itself is audited in the restored database
    assert got == expected
    assert downloads(env, committed_world.users[Role.JUDICIAL].username) == files
    # A second restore into the now non-empty database is refused.
    again = run(["restore", str(archive)], env, check=False)
    assert again.returncode != 0 and "不是空库" in again.stderr


def test_backup_restore_postgresql(committed_world, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL round trip runs in the PostgreSQL suite")
    import psycopg

    archive = backup_here(tmp_path)
    expected = counts_here()
    files = attachment_hashes()
    db = connection.settings_dict
    name = f"fazhi_restore_{uuid.uuid4().hex[:8]}"
    server = dict(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"] or "postgres")
    with psycopg.connect(**server, dbname="postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgres://{server['user']}@{server['host']}:{server['port']}/{name}"
        env = {
            "DATABASE_URL": url,
            "FAZHI_VAR_DIR": str(tmp_path / "var"),
            "FAZHI_MEDIA_ROOT": str(tmp_path / "m"),
        }
        assert "与清单一致" in run(["restore", str(archive)], env).stdout
        with psycopg.connect(**server, dbname=name) as restored:
            tables = [
                r[0] for r in restored.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")
            ]
            got = {t: restored.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        got["security_securityevent"] -= 1
        assert got == expected
        assert downloads(env, committed_world.users[Role.JUDICIAL].username) == files
    finally:
        with psycopg.connect(**server, dbname="postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_truncated_or_altered_backup_refused(committed_world, tmp_path):
    archive = backup_here(tmp_path)
    env = {
        "FAZHI_VAR_DIR": str(tmp_path / "v"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'v' / 'new.sqlite3'}",
        "FAZHI_MEDIA_ROOT": str(tmp_path / "v" / "media"),
    }
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    refused = run(["restore", str(truncated)], env, check=False)
    assert refused.returncode != 0 and "不完整或已损坏" in refused.stderr
    # An attachment altered inside an otherwise intact archive.
    altered = tmp_path / "altered.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(altered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name.startswith("media/") and member.name.endswith(".pdf"):
                data = data.replace(b"agreement", b"agreemenT")
            target.addfile(member, io.BytesIO(data) if data is not None else None)
    refused = run(["restore", str(altered)], env, check=False)
    assert refused.returncode != 0 and "校验值不符" in refused.stderr
    assert not (tmp_path / "v" / "media").exists() or not any((tmp_path / "v" / "media").rglob("*.pdf"))


def test_daily_backup_keeps_the_newest(committed_world, tmp_path, settings):
    settings.FAZHI_BACKUP_DIR = tmp_path / "daily"
    settings.FAZHI_BACKUP_KEEP = 2
    (tmp_path / "daily").mkdir()
    for stamp in ("20260101-010000", "20260102-010000", "20260103-010000"):
        (tmp_path / "daily" / f"fazhi-{stamp}.tar.gz").write_bytes(b"old")
    from fazhi.notify.schedule import JOBS
    from fazhi.security.tasks import daily_backup

    assert JOBS["security.backup"].task is daily_backup  # the worker enqueues it daily
    result = daily_backup.call()
    made = sorted(p.name for p in (tmp_path / "daily").iterdir())
    assert len(made) == 2 and made[0] == "fazhi-20260103-010000.tar.gz"
    assert result.endswith(made[1])
