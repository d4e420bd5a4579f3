"""The environment of a bench process: a fresh database (never the user's var/), then Django.

SQLite: a new file in a temporary directory. PostgreSQL: the database `fazhi_bench` (dropped and
created again) on postgres://postgres@127.0.0.1:5432 (trust auth), or on $BENCH_PG_URL.
"""

import atexit
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/fazhi_bench")


@dataclass
class Database:
    kind: str  # sqlite | postgres
    url: str
    var_dir: Path

    @property
    def description(self) -> str:
        return self.url


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(_admin_url(), connect_timeout=3):
            return True
    except Exception:
        return False


def _admin_url() -> str:
    base, _, _name = PG_URL.rpartition("/")
    return f"{base}/postgres"


def _pg_name() -> str:
    return PG_URL.rpartition("/")[2]


def recreate_pg_database():
    import psycopg

    name = _pg_name()
    if not name.startswith("fazhi_bench"):
        raise SystemExit(f"refusing to drop {name!r}: the bench database must be named fazhi_bench*")
    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(kind: str, keep: bool = False) -> Database:
    """Point the process (and the servers it starts) at a fresh bench database, then set Django up."""
    var_dir = Path(tempfile.mkdtemp(prefix="fazhi-bench-"))
    if not keep:
        atexit.register(shutil.rmtree, var_dir, ignore_errors=True)
    if kind == "sqlite":
        url = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    elif kind == "postgres":
        recreate_pg_database()
        url = PG_URL
    else:
        raise SystemExit(f"unknown database {kind!r}")
    os.environ["DATABASE_URL"] = url
    os.environ["FAZHI_VAR_DIR"] = str(var_dir)
    os.environ["FAZHI_MEDIA_ROOT"] = str(var_dir / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("FONTCONFIG_FILE", str(ROOT / "src/fazhi/reports/fonts.conf"))
    os.environ.pop("FAZHI_DEBUG", None)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return Database(kind, url, var_dir)


def migrate(use_migrations: bool = False):
    """Create the schema. By default straight from the models (like pytest's --nomigrations): a
    fresh SQLite schema takes ~3 s instead of ~10 s (and over a minute on a busy 2-core machine), and
    a ledger whose migration has not landed yet still gets its table. The schema is the models'
    (indexes and constraints included); pass use_migrations=True to run the real migrations."""
    from django.conf import settings
    from django.core.management import call_command

    if not use_migrations:
        from django.apps import apps

        settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
    call_command("migrate", interactive=False, verbosity=0, run_syncdb=True)


def versions() -> dict:
    """Versions of what the numbers depend on."""
    import platform

    import django
    from django.db import connection

    info = {"python": platform.python_version(), "django": django.get_version()}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            info["sqlite"] = cursor.fetchone()[0]
        else:
            cursor.execute("show server_version")
            info["postgresql"] = cursor.fetchone()[0]
    return info
