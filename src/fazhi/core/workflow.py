"""Workflows as data: a record's states and allowed transitions, each with its guards.

A ledger declares one `Workflow` (see docs/adding-a-ledger.md). `apply` checks the source state, the
user's role and every guard; if anything fails it raises `Refused` with a Chinese message and changes
nothing. On success it sets the state, runs the transition's effect, gives the record its running
number if the transition numbers it, saves (bumping the version) and writes the transition into the
record's permanent history with who and when.
"""

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import transaction

from fazhi.core.access import can_write
from fazhi.core.errors import Refused  # noqa: F401  (also imported from here)
from fazhi.core.numbering import save_numbered
from fazhi.core.services import save_record
from fazhi.core.text import clauses

# A guard looks at the record (and the transition's form data) and returns None when the transition
# may go ahead, or the Chinese reason why not.
Guard = Callable[..., str | None]


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: Sequence[str]
    target: str
    roles: Sequence[str] = ()
    guards: Sequence[Guard] = ()
    effect: Callable | None = None  # sets dates etc. on the record before it is saved
    # number(record, data) gives the record its running number (立案 → 案件编号, 发布 → 文号); the save
    # is retried with the next number if another clerk took it meanwhile (core.numbering).
    number: Callable | None = None
    style: str = "primary"
    needs_note: bool = False  # a reason/remark is required (e.g. an extension)


# The two kinds of step back, each asking for the reason: a record returned for more work, and one ended
# or turned down (Transition(..., **SEND_BACK)).
SEND_BACK = {"style": "outline-secondary", "needs_note": True}
REFUSE = {"style": "outline-danger", "needs_note": True}


@dataclass
class Workflow:
    states: dict[str, str]
    transitions: Sequence[Transition]
    field: str = "state"
    _by_name: dict = dataclasses.field(init=False, repr=False)

    def __post_init__(self):
        self._by_name = {t.name: t for t in self.transitions}
        for t in self.transitions:
            assert t.target in self.states, t
            assert all(s in self.states for s in t.source), t

    def get(self, name: str) -> Transition:
        try:
            return self._by_name[name]
        except KeyError:
            raise Refused(f"未知的操作“{name}”。")

    def state_label(self, record) -> str:
        return self.states.get(getattr(record, self.field), getattr(record, self.field))

    def problems(self, record, transition: Transition, user=None, data=None) -> list[str]:
        """Every reason the transition cannot happen now (empty when it can)."""
        data = data or {}
        current = getattr(record, self.field)
        if current not in transition.source:
            return [f"当前状态为“{self.states.get(current, current)}”，不能执行“{transition.label}”。"]
        reasons = []
        if user is not None and not can_write(user, record.township, transition.roles):
            reasons.append(f"您没有执行“{transition.label}”的权限。")
        if transition.needs_note and not (data.get("note") or "").strip():
            reasons.append(f"执行“{transition.label}”须填写理由。")
        for guard in transition.guards:
            if reason := guard(record, data):
                reasons.append(reason)
        return reasons

    def available(self, record, user=None) -> list[tuple[Transition, list[str]]]:
        """Transitions from the current state, each with the reasons it is blocked (if any)."""
        current = getattr(record, self.field)
        return [(t, self.problems(record, t, user)) for t in self.transitions if current in t.source]

    def apply(self, record, name: str, user, data=None):
        data = data or {}
        transition = self.get(name)
        if reasons := self.problems(record, transition, user, data):
            raise Refused(clauses(reasons))
        with transaction.atomic():
            before = getattr(record, self.field)
            setattr(record, self.field, transition.target)
            if transition.effect:
                transition.effect(record, data)
            note = (data.get("note") or "").strip()
            reason = f"{transition.label}：{self.states[before]} → {self.states[transition.target]}"
            event = dict(
                action=name,
                from_state=before,
                to_state=transition.target,
                on=data.get("on"),
                note=note,
                data=data,
            )
            reason = f"{reason}（{note}）" if note else reason
            if transition.number is None:
                save_record(record, user, reason=reason, event=event)
            else:
                save_numbered(
                    record,
                    lambda r: transition.number(r, data),
                    lambda r: save_record(r, user, reason=reason, event=event),
                )
        return record
