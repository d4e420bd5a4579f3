"""Workflow guards other ledgers put on their transitions to deliberation or signing."""

from fazhi.reviews.services import passing_review

DELIBERATION_REFUSAL = "未经合法性审查或审查结论为不合法，不得提交审议（重大行政决策程序暂行条例第二十五条）"


def review_required(message: str):
    """A guard refusing with `message` while the record has no passing legality review."""

    def guard(record, data=None):
        return None if passing_review(record) is not None else message

    guard.__name__ = "review_passed"
    return guard


# Decisions and normative documents: not to deliberation without a passing review.
review_passed = review_required(DELIBERATION_REFUSAL)
# Contracts: not signed without one (宁波市法治乡村建设促进条例第十三条).
review_passed_before_signing = review_required(
    "未经合法性审查或审查结论为不合法，不得签订合同（宁波市法治乡村建设促进条例第十三条）"
)
