"""The acts that create or change a petition (信访事项), the only way one is written: from the office's
form, the API, the public page, the import, a handoff from a dispute and the demo alike. Numbering
(XF2026-0012), the public tracking code and the stored deadlines are set here."""

from fazhi.core.numbering import next_number, save_numbered
from fazhi.core.public import new_tracking_code
from fazhi.core.services import save_record
from fazhi.petitions.models import Petition

REGISTERED = "登记信访事项"


def assign_number(petition: Petition) -> None:
    if not petition.number:
        petition.number = next_number(Petition, petition.township, "XF", petition.received.year)


def register_petition(
    petition: Petition, user=None, expected_version=None, *, reason: str = "", public: bool = False
) -> Petition:
    """Register a new petition: its running number, its deadlines (受理告知, 办理) and — for one the
    public submits online — the tracking code it is looked up by."""
    if public and not petition.tracking_code:
        petition.tracking_code = new_tracking_code("XF")
    petition.refresh_dues()
    # A reason the caller set (an import's "Excel导入：…") is kept.
    reason = reason or getattr(petition, "_change_reason", "") or REGISTERED
    return save_numbered(
        petition,
        assign_number,
        lambda p: save_record(p, user, reason=reason, event={"action": "register_petition", "note": reason}),
    )


def change_petition(petition: Petition, user=None, expected_version=None, *, reason: str = "") -> Petition:
    """Save an edit: the stored deadlines follow the dates (收到日期, 受理日期, 延期) it changed."""
    petition.refresh_dues()
    return save_record(petition, user, expected_version=expected_version, reason=reason)
