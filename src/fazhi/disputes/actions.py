"""The acts that create a dispute (矛盾纠纷), the only way one is registered: from the office's form, the
API, the public page, the import and the demo alike. Numbering (JF2026-0007) and the public tracking
code are set here."""

from fazhi.core.numbering import next_number, save_numbered
from fazhi.core.public import new_tracking_code
from fazhi.core.services import save_record
from fazhi.disputes.models import Dispute

REGISTERED = "受理矛盾纠纷"


def assign_number(dispute: Dispute) -> None:
    if not dispute.number:
        dispute.number = next_number(Dispute, dispute.township, "JF", dispute.received.year)


def register_dispute(
    dispute: Dispute, user=None, expected_version=None, *, reason: str = "", public: bool = False
) -> Dispute:
    """Register a new dispute with the next running number of its township and year; one applied
    for online gets the tracking code the public looks it up by."""
    if public and not dispute.tracking_code:
        dispute.tracking_code = new_tracking_code("TJ")
    # A reason the caller set (an import's "Excel导入：…") is kept.
    reason = reason or getattr(dispute, "_change_reason", "") or REGISTERED
    return save_numbered(
        dispute,
        assign_number,
        lambda d: save_record(d, user, reason=reason, event={"action": "register_dispute", "note": reason}),
    )
