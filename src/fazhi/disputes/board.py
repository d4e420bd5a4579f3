"""Deadline board items: open disputes' mediation target and open judicial-confirmation windows."""

import datetime as dt

from fazhi.core.board import DeadlineItem
from fazhi.disputes import rules
from fazhi.disputes.models import Dispute

OFFICE = "司法所(调委会)"


def deadline_items(township, today: dt.date) -> list[DeadlineItem]:
    items = []
    open_states = [Dispute.State.REGISTERED, Dispute.State.MEDIATING]
    for dispute in Dispute.objects.filter(township=township, state__in=open_states).only(
        "id", "number", "type", "received"
    ):
        items.append(
            DeadlineItem(
                f"矛盾纠纷 {dispute}：调结",
                dispute.get_absolute_url(),
                OFFICE,
                rules.MEDIATION_TARGET,
                dispute.mediation_due,
            )
        )
    # Applying is the parties' right, not the office's duty: show only windows still open, so the
    # mediator can remind them. (A window's end may move past a holiday: look a little further back.)
    recent = today - dt.timedelta(days=rules.JUDICIAL_CONFIRMATION.effective_count + 10)
    windows = Dispute.objects.filter(
        township=township,
        outcome=Dispute.Outcome.WRITTEN,
        agreement_date__gte=recent,
        confirmation_applied__isnull=True,
    ).only("id", "number", "type", "outcome", "agreement_date")
    for dispute in windows:
        if dispute.confirmation_due.date < today:
            continue
        items.append(
            DeadlineItem(
                f"矛盾纠纷 {dispute}：司法确认申请",
                dispute.get_absolute_url(),
                OFFICE,
                rules.JUDICIAL_CONFIRMATION,
                dispute.confirmation_due,
            )
        )
    return items
