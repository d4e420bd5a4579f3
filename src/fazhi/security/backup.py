"""Backup and restore: the database (SQLite's online backup API, or pg_dump) and the attachment store,
in one tar.gz with a manifest of every table's row count and every file's SHA-256.

A restore goes into an empty database only, checks every hash before it writes anything, and checks
the row counts after: a truncated or altered backup is refused with the reason.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
DB_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A Chinese message saying why a backup cannot be restored."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432)]
    args += ["-U", str(db.get("USER") or "postgres"), "-d", db["NAME"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _tables(cursor, names) -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    for name in sorted(names):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(name)}")
        counts[name] = cursor.fetchone()[0]
    return counts


def _dump_sqlite(target: Path) -> dict[str, int]:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)  # consistent even while others write
        cursor = destination.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        counts = _tables(cursor, [row[0] for row in cursor.fetchall()])
    finally:
        destination.close()
    return counts


def _dump_postgres(target: Path) -> dict[str, int]:
    import psycopg

    args, env = _pg_env()
    db = settings.DATABASES["default"]
    # Counted in the very snapshot pg_dump reads, so the manifest describes the dump exactly.
    with psycopg.connect(
        host=db.get("HOST") or "127.0.0.1",
        port=db.get("PORT") or 5432,
        user=db.get("USER") or "postgres",
        password=db.get("PASSWORD") or None,
        dbname=db["NAME"],
    ) as conn:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        names = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchall()
        ]
        counts = {
            name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in sorted(names)
        }
        subprocess.run(
            [
                "pg_dump",
                *args,
                "-Fc",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                "-f",
                str(target),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        conn.rollback()
    return counts


def media_files(root: Path) -> dict[str, dict]:
    if not root.exists():
        return {}
    files = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        files[path.relative_to(root).as_posix()] = {"sha256": sha256_file(path), "size": path.stat().st_size}
    return files


def create(out: Path) -> dict:
    """Writes the backup to `out` (mode 0600) and returns its manifest."""
    vendor = connection.vendor
    if vendor not in DB_MEMBER:
        raise BackupError(f"不支持备份 {vendor} 数据库。")
    media = Path(settings.MEDIA_ROOT)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / DB_MEMBER[vendor]
        counts = _dump_sqlite(dump) if vendor == "sqlite" else _dump_postgres(dump)
        files = media_files(media)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": vendor,
            "database": {"member": dump.name, "sha256": sha256_file(dump), "size": dump.stat().st_size},
            "tables": counts,
            "files": files,
        }
        partial = out.with_name(out.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            for name in files:
                archive.add(media / name, arcname=f"media/{name}")
        partial.replace(out)
    return manifest


@contextmanager
def _opened(path: Path):
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            yield archive
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise BackupError(f"备份文件不完整或已损坏，无法读取（{type(exc).__name__}）。") from exc


def verify(path: Path, staging: Path) -> dict:
    """Unpacks into `staging`, checking the manifest against every member; returns the manifest."""
    with _opened(path) as archive:
        try:
            manifest = json.loads(archive.extractfile("manifest.json").read())
        except (KeyError, AttributeError, ValueError) as exc:
            raise BackupError("备份文件缺少清单（manifest.json），不是本系统的备份。") from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(f"备份格式 {manifest.get('format')} 与本系统（{FORMAT}）不符。")
        archive.extractall(staging, filter="data")
    database = manifest["database"]
    dump = staging / database["member"]
    if not dump.is_file() or sha256_file(dump) != database["sha256"]:
        raise BackupError("数据库文件与清单的校验值不符：备份不完整或被改动，已拒绝恢复。")
    media = staging / "media"
    found = media_files(media)
    missing = sorted(set(manifest["files"]) - set(found))
    if missing:
        raise BackupError(f"备份缺少 {len(missing)} 个附件文件（如 {missing[0]}），已拒绝恢复。")
    altered = sorted(n for n, meta in manifest["files"].items() if found[n]["sha256"] != meta["sha256"])
    if altered:
        raise BackupError(f"{len(altered)} 个附件文件与清单的校验值不符（如 {altered[0]}），已拒绝恢复。")
    extra = sorted(set(found) - set(manifest["files"]))
    if extra:
        raise BackupError(f"备份中有清单之外的文件（如 {extra[0]}），已拒绝恢复。")
    return manifest


def _current_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return _tables(cursor, connection.introspection.table_names(cursor))


def restore(path: Path) -> dict:
    vendor = connection.vendor
    media = Path(settings.MEDIA_ROOT)
    with connection.cursor() as cursor:
        if connection.introspection.table_names(cursor):
            raise BackupError("目标数据库不是空库：恢复只能写入一个新建的空数据库。")
    if media.exists() and any(p.is_file() for p in media.rglob("*")):
        raise BackupError(f"附件目录 {media} 不是空的：恢复只能写入空目录。")
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        manifest = verify(Path(path), staging)
        if manifest["engine"] != vendor:
            raise BackupError(f"备份来自 {manifest['engine']} 数据库，不能恢复到 {vendor} 数据库。")
        dump = staging / manifest["database"]["member"]
        if vendor == "sqlite":
            connection.close()
            source = sqlite3.connect(dump)
            target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
        else:
            args, env = _pg_env()
            result = subprocess.run(
                ["pg_restore", *args, "--no-owner", "--no-privileges", "--exit-on-error", str(dump)],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise BackupError(f"pg_restore 失败：{result.stderr.strip()[:300]}")
        if (staging / "media").exists():
            media.mkdir(parents=True, exist_ok=True)
            for item in (staging / "media").iterdir():
                shutil.move(str(item), media / item.name)
    counts = _current_counts()
    differing = sorted(t for t, n in manifest["tables"].items() if counts.get(t) != n)
    if differing:
        raise BackupError(f"恢复后 {len(differing)} 张表的行数与清单不符（如 {differing[0]}）。")
    return manifest


def prune(directory: Path, keep: int) -> list[Path]:
    """Deletes all but the newest `keep` scheduled backups in `directory`; returns the deleted."""
    backups = sorted(directory.glob("fazhi-*.tar.gz"), key=lambda p: p.name, reverse=True)
    for old in backups[keep:]:
        old.unlink()
    return backups[keep:]
