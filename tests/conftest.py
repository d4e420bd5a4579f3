"""Shared fixtures. `world` is the demo organisation (江源县 › 青山镇, accounts for every role)."""

import pytest


@pytest.fixture(autouse=True)
def _fast_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


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
