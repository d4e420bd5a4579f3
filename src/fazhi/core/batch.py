"""Many writes as one: the deadline board and the figure cache brought up to date once per batch.

Every save of a ledger record refreshes its stored deadlines (`core.board`) and bumps its
township's data version (`core.freshness`) — right for a form, but two thirds of the cost of each
row of a 20 000-row import. Inside `batched()`, those two signal handlers note what changed instead:
the board of the noted records is refreshed in bulk, a thousand at a time and the rest at `flush()`
(called at the end of the block, inside the same transaction), which bumps each township once.
Other per-write upkeep (the record's event, its search entry) is handed to `defer(fn, item)`:
`fn(items)` then runs for a thousand items at a time, the rest at the flush.
The writes themselves still go through the ledger's own creating action, so numbering, validation
and history are those of a form.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Batch:
    board: dict = field(default_factory=lambda: defaultdict(list))  # model -> [(pk, instance)]
    townships: set = field(default_factory=set)
    # (model, township id, prefix) -> last running number (core.numbering)
    numbers: dict = field(default_factory=dict)
    later: dict = field(default_factory=dict)  # fn(items) -> the items noted for it, in order

    def defer(self, fn, item, every: int = 1000) -> None:
        """`fn(items)` at the flush, or as soon as `every` items wait (memory stays flat)."""
        items = self.later.setdefault(fn, [])
        items.append(item)
        if len(items) >= every:
            fn(self.later.pop(fn))

    def note(self, model, pk, instance, every: int = 1000) -> None:
        """A record whose board entries are to be refreshed: at the flush, or a thousand at a time, so
        an import of 50 000 rows does not hold 50 000 records until its end. Refreshing early is
        right: a record changed again later in the batch is noted again."""
        changed = self.board[model]
        changed.append((pk, instance))
        if len(changed) >= every:
            from fazhi.core import board

            board.refresh_many(model, self.board.pop(model))

    def flush(self) -> None:
        from fazhi.core import board, freshness

        while self.later:  # in the order first deferred; what a flush defers runs too
            fn = next(iter(self.later))
            fn(self.later.pop(fn))
        for model, changed in self.board.items():
            board.refresh_many(model, changed)
        for township_id in self.townships:
            freshness.touch(township_id)
        self.board.clear()
        self.townships.clear()


_current: ContextVar[Batch | None] = ContextVar("fazhi_batch", default=None)


def current() -> Batch | None:
    return _current.get()


@contextmanager
def batched():
    """Defer board and figure-cache upkeep to the end of the block (nested blocks join the outer)."""
    if _current.get() is not None:
        yield _current.get()
        return
    batch = Batch()
    token = _current.set(batch)
    try:
        yield batch
        batch.flush()
    finally:
        _current.reset(token)
