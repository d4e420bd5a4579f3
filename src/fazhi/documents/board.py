"""Deadlines of normative documents: filing after publication, and validity running out."""

from fazhi.core.board import DeadlineItem, Source
from fazhi.core.deadlines import MONTHS, Due
from fazhi.documents import rules, services
from fazhi.documents.models import NormativeDocument

D = NormativeDocument.State


def filing_items(documents):
    for doc in documents.filter(state=D.PUBLISHED, published_on__isnull=False):
        yield DeadlineItem(
            f"规范性文件备案：{doc}",
            doc.get_absolute_url(),
            "党政办",
            rules.FILING,
            rules.FILING.due(doc.published_on),
            doc,
        )


def validity_items(documents):
    for doc in documents.filter(state__in=NormativeDocument.IN_FORCE, valid_until__isnull=False):
        rule = services.validity_rule(doc)
        due = Due(doc.valid_until, doc.valid_from or doc.valid_until, rule.effective_count, MONTHS)
        yield DeadlineItem(
            f"规范性文件有效期届满（届满前评估）：{doc}",
            doc.get_absolute_url(),
            "党政办",
            rule,
            due,
            doc,
            shown_from=services.evaluation_due(doc),  # from six months before the end
        )


SOURCES = [Source(NormativeDocument, filing_items), Source(NormativeDocument, validity_items)]
