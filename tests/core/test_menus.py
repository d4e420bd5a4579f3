"""Menus per role: a village cadre's menu lists only the ledgers with a village (what they can read of
their own village); township managers also get the township's administration; the menu is drawn
once per profile."""

import re

from fazhi.core import menus
from fazhi.core.roles import Role

SIDEBAR = re.compile(r'<aside[^>]*id="fz-sidebar".*?</aside>', re.S)


def menu(client, path="/"):
    page = client.get(path).content.decode()
    return SIDEBAR.search(page).group(0)


def test_village_cadre_sees_only_village_ledgers(client_for):
    village = menu(client_for(Role.VILLAGE))
    judicial = menu(client_for(Role.JUDICIAL))
    assert village.count("fz-navlink") < judicial.count("fz-navlink") / 2
    assert "/disputes/dispute/" in village and "/education/outreachactivity/" in village
    # Ledgers without a village (normative documents, litigation cases) are not theirs to read.
    assert "/documents/normativedocument/" not in village and "/litigation/litigationcase/" not in village
    assert "/documents/normativedocument/" in judicial and "指标" in judicial and "指标" not in village


def test_every_village_menu_link_answers(client_for):
    client = client_for(Role.VILLAGE)
    for url in re.findall(r'href="([^"]+)"', menu(client)):
        assert client.get(url).status_code == 200, url


def test_active_link_and_drawn_once(client_for, django_assert_max_num_queries):
    client = client_for(Role.JUDICIAL)
    assert 'class="nav-link fz-navlink active" href="/disputes/dispute/"' in menu(
        client, "/disputes/dispute/"
    )
    drawn = len(menus._DRAWN)
    menu(client, "/petitions/petition/")
    assert len(menus._DRAWN) == drawn
    assert "/admin/" not in menu(client_for(Role.MEDIATOR))


def test_county_only_pages_only_in_the_county_menu(client_for):
    assert "/reports/collection/" not in menu(client_for(Role.JUDICIAL))
    assert "/reports/collection/" in menu(client_for(Role.COUNTY))
