"""The side menu per role: each role sees the ledgers it can read and the pages it runs.

A village cadre reads only their village's records, so their menu lists the ledgers they enter for
their village (the others show nothing of theirs: township business, or nothing with their village). The township's managers
(司法所, 党政办, the system administrator) also get the township's own administration. The menu
depends on nothing but the profile, so it is drawn once per profile and process and kept; a page
then only marks its own link active.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from fazhi.core.access import access_for
from fazhi.core.roles import Role

# Who runs the township's accounts, holidays and organisation pages.
ADMIN_ROLES = frozenset({Role.ADMIN, Role.JUDICIAL, Role.OFFICE})

# Pages only the county supervisor reads (the guard refuses township roles): in their menu only.
COUNTY_ONLY = ("reports:collection",)

_DRAWN: dict[tuple, str] = {}


def profile(request, switcher) -> tuple:
    """What the menu depends on: (kind, manages the township, switcher, staff)."""
    access = access_for(request.user)
    township = getattr(request, "township", None)
    tid = getattr(township, "pk", None)
    if tid is None:
        kind = "none"
    elif access.village_only(tid) is not None:
        kind = "village"
    elif tid in access.county_townships and not access.roles_in(tid):
        kind = "county"
    else:
        kind = "township"
    manages = bool(tid and (access.superuser or access.roles_in(tid) & ADMIN_ROLES))
    return kind, manages, bool(switcher), bool(request.user.is_staff)


def village_enters(view) -> bool:
    """A ledger a village cadre enters (their own village's records): its pages name them as writers."""
    return Role.VILLAGE in getattr(view, "write_roles", ())


def _link(text, url, icon, link_id="") -> str:
    ident = f' id="{link_id}"' if link_id else ""
    return f'<a class="nav-link fz-navlink"{ident} href="{escape(url)}"><i class="bi bi-{icon}"></i> {escape(text)}</a>'


def _url(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def draw(key, nav) -> str:
    kind, manages, switcher, staff = key
    parts = [_link("工作台", reverse("dashboard"), "speedometer2", "nav-dashboard")]
    if kind == "none":
        return "".join(parts)
    if kind != "village":
        parts.append(_link("指标", reverse("indicators:list"), "123"))
    parts.append(_link("期限看板", reverse("deadline_board"), "alarm"))
    for text, name, icon in (
        ("定期报送", "rounds:index", "calendar-check"),
        ("消息提醒", "notify:inbox", "bell"),
    ):
        if url := _url(name):
            parts.append(_link(text, url, icon))
    if switcher:
        parts.append(_link("乡镇比较", reverse("indicators:compare"), "bar-chart-line"))
    county_only = set() if kind == "county" or staff else {u for n in COUNTY_ONLY if (u := _url(n))}
    for section, links in nav:
        shown = [
            link
            for link in links
            if (kind != "village" or village_enters(link[3])) and link[1] not in county_only
        ]
        if shown:
            parts.append(f'<div class="fz-navsection">{escape(section)}</div>')
            parts += [_link(text, url, icon) for text, url, icon, _ in shown]
    if manages:
        admin = [
            (text, url, icon)
            for text, name, icon in (
                ("账号与角色", "org:accounts", "person-gear"),
                ("节假日安排", "holidays", "calendar-week"),
            )
            if (url := _url(name))
        ]
        if admin:
            parts.append('<div class="fz-navsection">乡镇管理</div>')
            parts += [_link(*item) for item in admin]
    if staff:
        parts.append('<div class="fz-navsection">系统</div>')
        parts.append(_link("系统管理", reverse("admin:index"), "gear"))
    return "".join(parts)


def menu_html(request, nav, switcher) -> str:
    key = profile(request, switcher)
    html = _DRAWN.get(key)
    if html is None:
        html = _DRAWN[key] = draw(key, nav)
    path = escape(request.path)
    html = html.replace(
        f'class="nav-link fz-navlink" href="{path}"', f'class="nav-link fz-navlink active" href="{path}"', 1
    ).replace(
        f'class="nav-link fz-navlink" id="nav-dashboard" href="{path}"',
        f'class="nav-link fz-navlink active" id="nav-dashboard" href="{path}"',
        1,
    )
    return mark_safe(html)  # noqa: S308 — every part escaped in draw()
