"""Deadlines of normative documents: filing after publication, and validity running out."""

from fazhi.core.board import DeadlineItem
from fazhi.core.deadlines import MONTHS, Due
from fazhi.documents import rules, services
from fazhi.documents.models import NormativeDocument

D = NormativeDocument.State


def deadline_items(township, today):
    items = []
    unfiled = NormativeDocument.objects.filter(
        township=township, state=D.PUBLISHED, published_on__isnull=False
    )
    for doc in unfiled:
        items.append(
            DeadlineItem(
                f"规范性文件备案：{doc}",
                doc.get_absolute_url(),
                "党政办",
                rules.FILING,
                rules.FILING.due(doc.published_on),
            )
        )
    in_force = NormativeDocument.objects.filter(
        township=township, state__in=NormativeDocument.IN_FORCE, valid_until__isnull=False
    )
    for doc in in_force:
        start = services.evaluation_due(doc)
        if start and start <= today:
            rule = services.validity_rule(doc)
            due = Due(doc.valid_until, doc.valid_from or doc.valid_until, rule.effective_count, MONTHS)
            items.append(
                DeadlineItem(
                    f"规范性文件有效期届满（届满前评估）：{doc}", doc.get_absolute_url(), "党政办", rule, due
                )
            )
    return items
