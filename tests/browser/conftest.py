"""Browser journeys: headless Debian Chromium driven by Playwright against the live server.

Playwright's sync API keeps an event loop running in this thread, which makes Django refuse ORM calls
("SynchronousOnlyOperation"); the ORM work here is ordinary synchronous code, so allow it.
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: run `make system-deps`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def live_world(transactional_db, settings):
    from fazhi.org import demo

    settings.DEBUG = False
    return demo.build()


@pytest.fixture
def login(browser, live_server, live_world):
    """login(username, viewport=None) → a Playwright page logged in on the live server."""
    from fazhi.core.demo import DEMO_PASSWORD

    contexts = []

    def make(username: str, viewport=None):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport or {"width": 1366, "height": 900},
            accept_downloads=True,
            locale="zh-CN",
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto("/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("#login-form button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield make
    for context in contexts:
        context.close()
