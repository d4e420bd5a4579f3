"""Settings of a bench run: fazhi's own settings plus the baseline view at /bench/floor.

The environment (DATABASE_URL, FAZHI_VAR_DIR) is set by bench.run before Django starts, so a bench
run never touches the user's var/ database.
"""

from fazhi.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# Logging in the bench users is done once by the harness; a cheap hasher keeps setup fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Errors of pages are counted and reported by the harness; their tracebacks would drown the table.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.request": {"level": "CRITICAL"}},
}

# The Django admin changelist is the baseline of the list benchmark; production keeps it off.
FAZHI_ADMIN_ENABLED = True
