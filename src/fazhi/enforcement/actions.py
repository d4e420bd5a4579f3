"""The acts that create enforcement cases and case-file evaluations, the only way one is written: from
the office's form, the API, the import and the demo alike. A case's number (青山综执〔2026〕12号) is
given on 立案 (the workflow's "file" step, or here for a case imported as filed); an evaluation's total
is added up here."""

from fazhi.core.numbering import save_numbered
from fazhi.core.services import save_record
from fazhi.enforcement.models import CaseEvaluation, EnforcementCase
from fazhi.enforcement.services import assign_number


def open_case(
    case: EnforcementCase, user=None, expected_version=None, *, reason: str = ""
) -> EnforcementCase:
    """Record a lead (线索); one brought in already filed gets the number of the year it was filed."""
    # A reason the caller set (an import's "Excel导入：…") is kept.
    reason = reason or getattr(case, "_change_reason", "") or "登记执法案件线索"
    return save_numbered(
        case,
        assign_number,
        lambda c: save_record(c, user, reason=reason, event={"action": "open_case", "note": reason}),
    )


def evaluate_case(
    evaluation: CaseEvaluation, user=None, expected_version=None, *, reason: str = ""
) -> CaseEvaluation:
    """Record (or correct) a case-file evaluation: its total and maximum follow the checklist's scores."""
    evaluation.add_up()
    reason = reason or getattr(evaluation, "_change_reason", "")
    return save_record(evaluation, user, expected_version=expected_version, reason=reason)
