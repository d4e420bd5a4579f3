"""Deadlines of petitions: the acceptance notice of registered ones and the handling period of
accepted ones (with its extension), each with the rule it was computed by."""

from fazhi.core.board import DeadlineItem, Source
from fazhi.petitions.models import Petition

OFFICE = "信访办"
FIELDS = ("id", "township", "number", "subject", "state", "received", "origin", "accepted_on", "extended_on")


def notice_items(petitions):
    for petition in petitions.filter(state=Petition.State.REGISTERED, notice_sent__isnull=True).only(*FIELDS):
        yield DeadlineItem(
            f"信访件 {petition}：受理告知",
            petition.get_absolute_url(),
            OFFICE,
            petition.notice_rule,
            petition.notice_due_info(),
            petition,
        )


def handling_items(petitions):
    for petition in petitions.filter(state=Petition.State.ACCEPTED).only(*FIELDS):
        due, rule = petition.handling_due_info()
        if due is None:  # accepted without an acceptance date (imported data): nothing to count from
            continue
        suffix = "（已延期）" if petition.extended_on else ""
        yield DeadlineItem(
            f"信访件 {petition}：办结{suffix}", petition.get_absolute_url(), OFFICE, rule, due, petition
        )


SOURCES = [Source(Petition, notice_items), Source(Petition, handling_items)]
