from fazhi.core.board import DeadlineItem
from fazhi.reviews.models import LegalityReview


def deadline_items(township, today):
    reviews = LegalityReview.objects.filter(township=township, state__in=LegalityReview.OPEN)
    return [
        DeadlineItem(
            f"合法性审查：{r.subject_title}", r.get_absolute_url(), "司法所", r.rule, r.compute_due()
        )
        for r in reviews
    ]
