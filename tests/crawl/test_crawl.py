"""Every page a user can click, for every demo role, on the full demo: no 500 anywhere, and no menu
link that answers 403/404. Links are deduplicated by URL pattern (one instance of each, e.g. one
record's detail page) and by query shape (each sort key once, each filter once, numbers as one);
query variants a first role has crawled are not crawled again for the next roles."""

import re
from collections import deque
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from fazhi.org.demo import DEMO_ACCOUNTS

HREF = re.compile(r'href="([^"#]*)')
MENU = re.compile(r'<aside[^>]*id="fz-sidebar".*?</aside>', re.S)
SKIP = ("/static/", "/media/", "/admin/", "/api/", "/logout/", "/healthz")
MAX_PAGES_PER_ROLE = 1500
MEANINGFUL = {"sort", "export", "show", "format", "view", "tab"}


def internal(href: str, base: str = "/") -> str | None:
    parts = urlsplit(urljoin(base, href.replace("&amp;", "&")))
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def pattern(url: str) -> str | None:
    """The URL's route and the shape of its query: the dedup key."""
    parts = urlsplit(url)
    try:
        route = resolve(parts.path).route
    except Resolver404:
        return f"404:{parts.path}"
    # Values matter only where they choose what the page does (a sort key, an export, a view);
    # filters and page numbers are one instance of their kind. Last value wins, as in Django.
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = {key: value.lstrip("-") for key, value in pairs if key in MEANINGFUL}
    if any(value for key, value in pairs if key not in MEANINGFUL):
        query["filtered"] = "1"
    query = sorted(query.items())
    return f"{route}?{urlencode(query)}"


def crawl(username: str, user, seen_queries: set) -> dict:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    first = client.get("/")
    menu = {u for h in HREF.findall("".join(MENU.findall(first.content.decode()))) if (u := internal(h))}
    queue, keys, failures = deque(["/", *sorted(menu)]), set(), []
    pages = links = 0
    while queue and pages < MAX_PAGES_PER_ROLE:
        url = queue.popleft()
        key = pattern(url)
        if key in keys or ("?" in url and key in seen_queries):
            continue
        keys.add(key)
        if "?" in url:
            seen_queries.add(key)
        response = client.get(url)
        pages += 1
        status = response.status_code
        if status >= 500:
            exc = getattr(response, "exc_info", None)
            failures.append(f"{username} {status} {url}: {exc[1]!r}" if exc else f"{username} {status} {url}")
        elif status in (403, 404) and url in menu:
            failures.append(f"{username} menu link {url} → {status}")
        if status != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            if (target := internal(href, url)) is not None:
                links += 1
                queue.append(target)
    return {"pages": pages, "links": links, "failures": failures, "menu": len(menu)}


@pytest.mark.slow
def test_every_role_clicks_everywhere_without_an_error(world):
    from fazhi.core.demo import run_all

    run_all()
    seen_queries: set = set()
    failures, lines = [], []
    for username in DEMO_ACCOUNTS:
        user = type(world.users[next(iter(world.users))]).objects.get(username=username)
        result = crawl(username, user, seen_queries)
        failures += result["failures"]
        lines.append(
            f"{username}: 菜单 {result['menu']} 项，访问 {result['pages']} 页，跟随 {result['links']} 个链接"
        )
    print("\n".join(lines))
    assert not failures, "\n".join(failures)
