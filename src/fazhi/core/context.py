"""The page shell's context: navigation from every app (cut per role: `core.menus`), the township
switcher, the current year."""

from functools import partial
from itertools import groupby

from django.apps import apps
from django.db.models import Q
from django.urls import NoReverseMatch, resolve, reverse
from django.utils import timezone
from django.utils.html import format_html_join

from fazhi import LEDGER_APPS
from fazhi.core.access import access_for
from fazhi.core.tenancy import region_model


def navigation():
    """(app label, [(label, url, icon, view class or None), …]) for every app that declares `nav` —
    only links that resolve; the view (its model, its write roles) lets menus be cut per role."""
    sections = []
    for label in LEDGER_APPS:
        config = apps.get_app_config(label)
        links = []
        for text, name, icon in getattr(config, "nav", []):
            try:
                url = reverse(name)
            except NoReverseMatch:
                continue
            links.append((text, url, icon, getattr(resolve(url).func, "view_class", None)))
        if links:
            sections.append((config.verbose_name, links))
    return sections


_NAV = None

# Up to this many townships (a county's) the switcher is a <select> on every page. An account reading
# more (a city's or a province's: 1 000) gets a link to the picker page instead, so that every other
# page costs the same whatever the account reads: 1 000 options cost ~20 ms a page.
SWITCHER_SELECT_MAX = 60


def shell(request):
    global _NAV
    if _NAV is None:
        _NAV = navigation()
    context = {"this_year": timezone.localdate().year}
    if getattr(request, "user", None) and request.user.is_authenticated:
        readable = access_for(request.user).readable
        if len(readable) > 1:
            context["switcher"] = "select" if len(readable) <= SWITCHER_SELECT_MAX else "link"
            current = getattr(getattr(request, "township", None), "pk", None)
            # A callable: the query runs only when a page draws the select (admin pages do not).
            context["township_options"] = partial(township_options, readable, current)
        context["sidebar"] = partial(sidebar, request, context.get("switcher"))
    return context


def sidebar(request, switcher) -> str:
    from fazhi.core.menus import menu_html

    return menu_html(request, _NAV, switcher)


def townships_by_county(readable, search="") -> list[tuple[str, list[tuple[int, str]]]]:
    """[(county name, [(township id, name), …]), …] in administrative-code order, as official lists."""
    Region = region_model()

    rows = Region.objects.filter(pk__in=readable).order_by("parent__code", "code")
    if search:
        rows = rows.filter(Q(name__contains=search) | Q(parent__name__contains=search))
    rows = rows.values_list("parent_id", "parent__name", "pk", "name")
    return [
        (county_name or "", [(pk, name) for *_, pk, name in townships])
        for (_, county_name), townships in groupby(rows, key=lambda row: row[:2])
    ]


def township_options(readable, current) -> str:
    """The switcher's <option>s, one <optgroup> per county."""
    return format_html_join(
        "",
        '<optgroup label="{}">{}</optgroup>',
        (
            (
                county,
                format_html_join(
                    "",
                    '<option value="{}"{}>{}</option>',
                    ((pk, " selected" if pk == current else "", name) for pk, name in townships),
                ),
            )
            for county, townships in townships_by_county(readable)
        ),
    )
