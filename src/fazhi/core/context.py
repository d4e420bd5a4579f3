"""The page shell's context: navigation from every app, the township switcher, the current year."""

from itertools import groupby

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html_join

from fazhi import LEDGER_APPS
from fazhi.core.access import access_for


def navigation():
    """(app label, [(label, url, icon), …]) for every app that declares `nav` — only links that resolve."""
    sections = []
    for label in LEDGER_APPS:
        config = apps.get_app_config(label)
        links = []
        for text, name, icon in getattr(config, "nav", []):
            try:
                links.append((text, reverse(name), icon))
            except NoReverseMatch:
                continue
        if links:
            sections.append((config.verbose_name, links))
    return sections


_NAV = None


def shell(request):
    global _NAV
    if _NAV is None:
        _NAV = navigation()
    context = {"nav_sections": _NAV, "this_year": timezone.localdate().year}
    if getattr(request, "user", None) and request.user.is_authenticated:
        readable = access_for(request.user).readable
        if len(readable) > 1:
            current = getattr(getattr(request, "township", None), "pk", None)
            context["township_options"] = township_options(readable, current)
    return context


def township_options(readable, current) -> str:
    """The switcher's options, one <optgroup> per county, written here rather than in a template loop:
    a province-wide account reads 1 000 townships, and the loop cost 100 ms on every page."""
    from fazhi.org.models import Region

    # Administrative codes order counties and townships as official lists do.
    rows = (
        Region.objects.filter(pk__in=readable)
        .order_by("parent__code", "code")
        .values_list("parent_id", "parent__name", "pk", "name")
    )
    return format_html_join(
        "",
        '<optgroup label="{}">{}</optgroup>',
        (
            (
                county[1] or "",
                format_html_join(
                    "",
                    '<option value="{}"{}>{}</option>',
                    ((pk, " selected" if pk == current else "", name) for *_, pk, name in townships),
                ),
            )
            for county, townships in groupby(rows, key=lambda row: row[:2])
        ),
    )
