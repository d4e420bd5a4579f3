"""The township's deadline board: every open statutory deadline of every ledger, in one list.

Each app that has deadlines provides `board.py` with `deadline_items(township, today)` returning
`DeadlineItem`s for its open records; the board collects them, sorts them and shows what is overdue
and what is due within three days, by office, each with how its date was computed.
"""

import datetime as dt
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from fazhi import LEDGER_APPS
from fazhi.core.deadlines import Due, Rule, status


@dataclass(frozen=True)
class DeadlineItem:
    title: str  # e.g. "信访件 XF2026-0012：受理告知"
    url: str
    office: str  # which office must act: 信访办, 司法所…
    rule: Rule
    due: Due

    def state(self, today: dt.date) -> str:
        return status(self.due.date, today=today)

    def days_left(self, today: dt.date) -> int:
        return (self.due.date - today).days


def collect(township, today: dt.date) -> list[DeadlineItem]:
    items: list[DeadlineItem] = []
    for label in LEDGER_APPS:
        if find_spec(f"fazhi.{label}.board"):
            items.extend(import_module(f"fazhi.{label}.board").deadline_items(township, today))
    return sorted(items, key=lambda item: item.due.date)
