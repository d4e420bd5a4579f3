"""The public face (/public/): what must be published, comments on drafts, petitions.

Each app with public pages sets `public_nav = [(label, url name, description)]` on its AppConfig and
mounts its public views in `public_urls.py` (under /public/<app>/). Nothing here needs a login;
every public page shows only published records, with personal data masked.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.views.generic import TemplateView

from fazhi import LEDGER_APPS
from fazhi.org.models import Region


def public_links():
    links = []
    for label in LEDGER_APPS:
        for text, name, description in getattr(apps.get_app_config(label), "public_nav", []):
            try:
                links.append((text, reverse(name), description))
            except NoReverseMatch:
                continue
    return links


class PortalIndex(TemplateView):
    template_name = "portal/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="公众服务",
            links=public_links(),
            townships=Region.objects.townships().select_related("parent"),
            **kwargs,
        )
