"""Deadlines of disputes: the mediation target of open ones, and the judicial-confirmation window."""

from fazhi.core.board import DeadlineItem, Source
from fazhi.disputes import rules
from fazhi.disputes.models import Dispute

OFFICE = "司法所(调委会)"


def mediation_items(disputes):
    open_states = [Dispute.State.REGISTERED, Dispute.State.MEDIATING]
    for dispute in disputes.filter(state__in=open_states).only(
        "id", "township", "number", "type", "received"
    ):
        yield DeadlineItem(
            f"矛盾纠纷 {dispute}：调结",
            dispute.get_absolute_url(),
            OFFICE,
            rules.MEDIATION_TARGET,
            dispute.mediation_due,
            dispute,
        )


def confirmation_items(disputes):
    # Applying is the parties' right, not the office's duty: shown only while the window is open, so
    # the mediator can remind them.
    windows = disputes.filter(
        outcome=Dispute.Outcome.WRITTEN, agreement_date__isnull=False, confirmation_applied__isnull=True
    ).only("id", "township", "number", "type", "outcome", "agreement_date")
    for dispute in windows:
        due = dispute.confirmation_due
        yield DeadlineItem(
            f"矛盾纠纷 {dispute}：司法确认申请",
            dispute.get_absolute_url(),
            OFFICE,
            rules.JUDICIAL_CONFIRMATION,
            due,
            dispute,
            hidden_after=due.date,
        )


SOURCES = [Source(Dispute, mediation_items), Source(Dispute, confirmation_items)]
