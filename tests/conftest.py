"""Shared fixtures. `world` is the demo organisation (江源县 › 青山镇, accounts for every role)."""

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# CI machines are small and busy: judge properties, not timings.
hypothesis_settings.register_profile("fazhi", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("fazhi")


@pytest.fixture(autouse=True)
def _fast_settings(settings, tmp_path, monkeypatch):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Tests read a page's context, which a kept page has not: tests/core/test_pagecache.py turns it on.
    settings.FAZHI_PAGE_CACHE = False
    # The database rolls back after each test and data versions with it: so must the cache.
    from django.core.cache import cache

    cache.clear()
    # Entered holidays (core.HolidayDay) roll back too; and no test should see the calendar's
    # every-30-seconds check of other processes' entries as an extra query.
    from fazhi.core import calendar

    monkeypatch.setattr(calendar, "CHECK_EVERY", float("inf"))
    calendar.clear_caches()
    calendar._project_years()  # read now, not inside a test's pinned query count


@pytest.fixture
def world(db):
    from fazhi.org import demo

    return demo.build()


@pytest.fixture
def client_for(client, world):
    """client_for(role) → a test client logged in as the demo user holding that role."""
    from django.test import Client

    def make(role):
        c = Client()
        c.force_login(world.users[role])
        return c

    return make
