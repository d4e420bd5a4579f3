"""Security headers on every response; Secure cookies and HSTS when FAZHI_TLS says TLS is in front."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.test import Client

from fazhi.core.roles import Role

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "fazhi" / "templates"


def test_every_page_carries_the_headers(world, client_for):
    for client, url in [
        (Client(), "/login/"),
        (Client(), "/public/"),
        (client_for(Role.JUDICIAL), "/"),
        (client_for(Role.JUDICIAL), "/org/person/"),
        (Client(), "/no-such-page/"),
        (Client(), "/api/schema/"),
    ]:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_no_inline_script_or_handler_in_templates():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\son[a-z]+=", text):
            offenders.append(path.name)
        if "javascript:" in text:
            offenders.append(path.name)
    assert offenders == []


def _settings(env):
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "fazhi.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_tls_setting_turns_on_secure_cookies_and_hsts(tmp_path):
    assert _settings({"FAZHI_TLS": "1", "FAZHI_VAR_DIR": str(tmp_path)}) == [True, True, 31536000]
    assert _settings({"FAZHI_TLS": "0", "FAZHI_VAR_DIR": str(tmp_path)})[:2] == [False, False]


def test_var_files_are_private(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.db import connection; connection.ensure_connection()",
        ],
        # The embedded SQLite database is the one created under var/, whatever the suite runs on.
        env={
            **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            "DJANGO_SETTINGS_MODULE": "fazhi.settings",
            "FAZHI_VAR_DIR": str(tmp_path),
        },
        check=True,
    )
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "fazhi.sqlite3").stat().st_mode & 0o777 == 0o600
