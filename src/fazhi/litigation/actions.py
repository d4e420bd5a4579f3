"""The acts that create or change a 行政复议/行政诉讼 case, the only way one is written: from the office's
form, the API, the import, a petition routed to legal procedure (诉访分离) and the demo alike. Whether
the township lost (败诉) follows from the outcome here, never typed."""

from fazhi.core.services import save_record
from fazhi.litigation.models import LitigationCase

FILED = "登记行政复议/诉讼案件"


def _derive(case: LitigationCase) -> None:
    case.lost = case.outcome in LitigationCase.LOST


def file_case(case: LitigationCase, user=None, expected_version=None, *, reason: str = "") -> LitigationCase:
    """Register a case received (申请书/起诉状副本): its 案号 is the court's or the organ's, as typed."""
    _derive(case)
    # A reason the caller set (an import's "Excel导入：…") is kept.
    reason = reason or getattr(case, "_change_reason", "") or FILED
    return save_record(case, user, reason=reason, event={"action": "file_case", "note": reason})


def change_case(
    case: LitigationCase, user=None, expected_version=None, *, reason: str = ""
) -> LitigationCase:
    """Save an edit; a newly entered outcome decides 败诉."""
    _derive(case)
    return save_record(case, user, expected_version=expected_version, reason=reason)
