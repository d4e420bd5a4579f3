from django import template

from fazhi.drafts.models import Finding

register = template.Library()


@register.inclusion_tag("drafts/_panel.html", takes_context=True)
def draft_panel(context, review):
    """The review assistant on the review form: one query for the review's findings."""
    findings = list(review.findings.select_related("decided_by")) if review is not None else []
    return {
        "review": review,
        "findings": findings,
        "accepted": sum(f.state == Finding.State.ACCEPTED for f in findings),
        "csrf_token": context.get("csrf_token"),
    }
