import pytest


@pytest.fixture(autouse=True)
def _tasks_inline(settings):
    """Imports run in the background worker; here the same tasks run inline, within the request."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
