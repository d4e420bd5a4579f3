"""Settings, read from the environment. Bad values stop the start-up with a clear message."""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from fazhi import LEDGER_APPS

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("FAZHI_VAR_DIR", PROJECT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
# Files created under var/ (the database, its journal, the key, backups) are the service's alone.
os.umask(0o077)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected true/false")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected an integer")


def secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    # A per-installation key kept under var/, so `make run` needs no configuration.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Readable by the service account only (等保: 重要数据的保密性).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = secret_key()
DEBUG = env_bool("FAZHI_DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# A failed CSRF check answers with the shell's Chinese 403 page (fazhi.core.error_pages).
CSRF_FAILURE_VIEW = "fazhi.core.error_pages.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "fazhi.core",
    "fazhi.indicators",
    "fazhi.api",
    "fazhi.notify",
    "fazhi.rounds",
    "fazhi.handoffs",
    "fazhi.drafts",
    "fazhi.search",
    "fazhi.imports",
    "fazhi.security",
] + [f"fazhi.{app}" for app in LEDGER_APPS]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "fazhi.core.middleware.TownshipMiddleware",
    "fazhi.security.middleware.SecurityMiddleware",
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.core.context.shell",
            ],
            "builtins": ["fazhi.core.templatetags.fazhi_text"],
        },
    },
]


def database_config() -> dict:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'fazhi.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    except Exception as exc:  # dj_database_url raises plain ValueError/KeyError on junk
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} is not a valid database URL: {exc}")
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        # WAL lets readers proceed while one writer writes; IMMEDIATE avoids lock-upgrade deadlocks.
        database = Path(config.get("NAME") or "")
        if database.is_file():
            database.chmod(0o600)  # one created before the umask above
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    elif not engine.endswith("postgresql"):
        raise ImproperlyConfigured(f"DATABASE_URL={url!r}: only sqlite:// and postgres:// are supported")
    return config


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "fazhi.security.passwords.LengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "fazhi.security.passwords.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "fazhi.security.passwords.NotPersonalValidator"},
    {"NAME": "fazhi.security.passwords.HistoryValidator", "OPTIONS": {"count": 5}},
]
AUTHENTICATION_BACKENDS = ["fazhi.security.backends.LockoutBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(os.environ.get("FAZHI_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

SESSION_COOKIE_HTTPONLY = True
# Security (GB/T 22239-2019 level 3; see the security app). Failures allowed before a lock: the next
# one locks the account (until the township admin unlocks it) or the address (for the cool-off).
FAZHI_LOCKOUT_ACCOUNT_FAILURES = env_int("FAZHI_LOCKOUT_ACCOUNT_FAILURES", 5)
FAZHI_LOCKOUT_ADDRESS_FAILURES = env_int("FAZHI_LOCKOUT_ADDRESS_FAILURES", 30)
FAZHI_LOCKOUT_WINDOW = env_int("FAZHI_LOCKOUT_WINDOW", 3600)  # seconds in which failures add up
FAZHI_LOCKOUT_COOLOFF = env_int("FAZHI_LOCKOUT_COOLOFF", 900)  # seconds an address stays locked
FAZHI_IDLE_TIMEOUT = env_int("FAZHI_IDLE_TIMEOUT", 30 * 60)
FAZHI_SESSION_MAX_AGE = env_int("FAZHI_SESSION_MAX_AGE", 12 * 3600)
SESSION_COOKIE_AGE = FAZHI_SESSION_MAX_AGE
# TOTP second factor: optional for the township admin and county roles; the roles listed here
# (comma-separated, e.g. "admin,county") must enrol before they can use the platform.
FAZHI_OTP_REQUIRED_ROLES = [
    r.strip() for r in os.environ.get("FAZHI_OTP_REQUIRED_ROLES", "").split(",") if r.strip()
]
OTP_TOTP_ISSUER = "法治政府建设平台"
FAZHI_ADMIN_ENABLED = env_bool("FAZHI_ADMIN_ENABLED", False)  # Django's admin, for staff only
# Behind a reverse proxy: the header carrying the client's address (e.g. X-Forwarded-For, X-Real-IP);
# the last address in it is the one the proxy saw. Unset: REMOTE_ADDR.
FAZHI_CLIENT_IP_HEADER = os.environ.get("FAZHI_CLIENT_IP_HEADER", "")
FAZHI_TLS = env_bool("FAZHI_TLS", False)
if FAZHI_TLS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("FAZHI_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("FAZHI_SSL_REDIRECT", True)
SECURE_REFERRER_POLICY = "same-origin"
FAZHI_BACKUP_DIR = Path(os.environ.get("FAZHI_BACKUP_DIR", VAR_DIR / "backups"))
FAZHI_BACKUP_KEEP = env_int("FAZHI_BACKUP_KEEP", 14)  # daily backups kept
FAZHI_AUDIT_RETENTION_DAYS = env_int("FAZHI_AUDIT_RETENTION_DAYS", 180)  # 网络安全法 第二十一条: ≥ 6 months
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag; keep Django's default
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "fazhi.security.backends.LockoutTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"public": os.environ.get("FAZHI_PUBLIC_RATE", "10/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "fazhi API",
    "DESCRIPTION": "法治政府建设台账平台接口",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Background work goes through the database queue; `fazhi worker` (started by `make run`) runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {
    # Per process: what is cached here (figures) is keyed by the database's data versions.
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Rate limits of public forms must be shared by every worker process (`make run` starts three).
    "ratelimit": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "fazhi_ratelimit"},
}

# A page drawn from a township's records is kept until its data changes (fazhi.core.pagecache).
FAZHI_PAGE_CACHE = env_bool("FAZHI_PAGE_CACHE", True)

# Attachments: what may be uploaded, and how large (bytes).
FAZHI_ATTACHMENT_MAX_BYTES = env_int("FAZHI_ATTACHMENT_MAX_BYTES", 50 * 1024 * 1024)

# Rule values that vary by province or are unverified (statutes.md ❓/⚠️). Each rule's default
# and article live with the rule (see fazhi.core.deadlines); this dict overrides the count only.
FAZHI_RULE_OVERRIDES: dict[str, int] = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


# --- reminders, notifications and the background worker (fazhi.notify) ---------------------------
def env_json(name: str, default):
    import json

    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected JSON ({exc})")


# Job name -> "HH:MM[:SS]" or "off", overriding the time a job registered (fazhi.notify.schedule).
FAZHI_SCHEDULE: dict[str, str] = env_json("FAZHI_SCHEDULE", {})
FAZHI_SCHEDULER_TICK = env_int("FAZHI_SCHEDULER_TICK", 10)  # seconds between the scheduler's checks
FAZHI_SCHEDULE_GRACE_HOURS = env_int("FAZHI_SCHEDULE_GRACE_HOURS", 6)  # a late worker still runs a slot
FAZHI_DIGEST_AT = os.environ.get("FAZHI_DIGEST_AT", "08:30")  # working days only
FAZHI_DIGEST_AHEAD = env_int("FAZHI_DIGEST_AHEAD", 3)  # working days: "due in the next N working days"
# Remind the responsible person N working days before a due date, per rule code ("*": every other).
FAZHI_REMIND_BEFORE: dict[str, int] = {"*": 2, **env_json("FAZHI_REMIND_BEFORE", {})}
# Overdue by this many working days: tell the office head; by the second number, the 镇长 too.
FAZHI_ESCALATE_HEAD_AFTER = env_int("FAZHI_ESCALATE_HEAD_AFTER", 2)
FAZHI_ESCALATE_LEADER_AFTER = env_int("FAZHI_ESCALATE_LEADER_AFTER", 5)
FAZHI_SITE_URL = os.environ.get("FAZHI_SITE_URL", "http://127.0.0.1:8000")  # links in e-mail/webhooks
FAZHI_WEBHOOK_TIMEOUT = env_int("FAZHI_WEBHOOK_TIMEOUT", 5)

# E-mail through Django's mail framework; SMTP from the environment (console when no host is set).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "fazhi@localhost")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
