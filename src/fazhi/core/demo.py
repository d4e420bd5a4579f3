"""The demo county 江源县 and its fully populated township 青山镇.

`fazhi demo` runs `org.demo.build` first (regions, departments, people, accounts), then the `demo.py`
of every other app in LEDGER_APPS order. Each builder is deterministic (seeded by its app label) and
idempotent (it returns early when its records already exist), so the command can run on every start.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec

from fazhi import LEDGER_APPS

# The demo lives in a fixed "now" so it is the same on every machine and every run.
DEMO_TODAY = dt.date(2026, 11, 20)
DEMO_PASSWORD = "Fazhi@2026"
DEMO_TOWNSHIP = "青山镇"
DEMO_COUNTY = "江源县"


@dataclass
class DemoContext:
    township: object  # 青山镇
    county: object
    other_townships: list
    villages: list  # of 青山镇, villages then communities
    users: dict  # role -> User (in 青山镇); "county" -> the county supervisor
    people: dict  # name -> Person
    today: dt.date = DEMO_TODAY
    rng_seed: int = 2026
    extra: dict = field(default_factory=dict)

    def rng(self, label: str) -> random.Random:
        return random.Random(f"{self.rng_seed}:{label}")

    def user(self, role: str):
        return self.users[role]


def run_all(stdout=None) -> DemoContext:
    from fazhi.org import demo as org_demo
    from fazhi.search import index

    context = org_demo.build()
    with index.deferred():  # indexed once, below
        for label in LEDGER_APPS:
            if label == "org" or not find_spec(f"fazhi.{label}.demo"):
                continue
            import_module(f"fazhi.{label}.demo").build(context)
            if stdout:
                stdout.write(f"  演示数据：{label} 完成")
    from fazhi.core import board

    board.rebuild()  # the builders insert in bulk, which the board's signals do not see
    index.rebuild()  # nor the search index's
    return context
