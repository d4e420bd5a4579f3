"""The page shell's context: navigation from every app, the township switcher, the current year."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

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
        from fazhi.org.models import Region

        readable = access_for(request.user).readable
        if len(readable) > 1:
            context["switchable_townships"] = Region.objects.filter(pk__in=readable).select_related("parent")
    return context
