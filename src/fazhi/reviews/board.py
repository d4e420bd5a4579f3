"""Deadlines of open legality reviews."""

from fazhi.core.board import DeadlineItem, Source
from fazhi.reviews.models import LegalityReview


def review_items(reviews):
    for r in reviews.filter(state__in=LegalityReview.OPEN):
        yield DeadlineItem(
            f"合法性审查：{r.subject_title}", r.get_absolute_url(), "司法所", r.rule, r.compute_due(), r
        )


SOURCES = [Source(LegalityReview, review_items)]
