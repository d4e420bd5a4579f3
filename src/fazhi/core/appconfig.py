"""The AppConfig every ledger app uses: its menu entries come from data/nav.json, one line each.

The staff sidebar reads `nav` = [(label, url name, icon)] and the public portal reads
`public_nav` = [(label, url name, description)] from each app's config (fazhi.core.context,
fazhi.portal.views). Kept as data in one file, not as the same list literal in fifteen apps.py.
Imports nothing of fazhi: it is loaded while the app registry is still being built.
"""

import json
from pathlib import Path

from django.apps import AppConfig

NAV_FILE = Path(__file__).with_name("data") / "nav.json"
NAV = json.loads(NAV_FILE.read_text(encoding="utf-8"))


class FazhiConfig(AppConfig):
    default = False  # imported into every apps.py: Django must pick the app's own subclass there

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = True

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        entries = NAV.get(self.label, {})
        self.nav = [tuple(row) for row in entries.get("nav", ())]
        self.public_nav = [tuple(row) for row in entries.get("public_nav", ())]
