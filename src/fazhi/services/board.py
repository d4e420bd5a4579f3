"""Open statutory deadlines of this app for the township's deadline board."""

from fazhi.core.board import DeadlineItem
from fazhi.services.models import DisclosureRequest, VillageRule
from fazhi.services.rules import VILLAGE_RULE_FILING
from fazhi.services.services import reply_due


def deadline_items(township, today):
    items = []
    for request in DisclosureRequest.objects.filter(township=township).exclude(
        state=DisclosureRequest.State.REPLIED
    ):
        rule, due = reply_due(request)
        items.append(
            DeadlineItem(f"依申请公开 {request.code}：答复", request.get_absolute_url(), "党政办", rule, due)
        )
    rules = VillageRule.objects.filter(township=township, state=VillageRule.State.ADOPTED).select_related(
        "village"
    )
    for rule in rules:
        items.append(
            DeadlineItem(
                f"村规民约 {rule}：报乡镇备案",
                rule.get_absolute_url(),
                "司法所",
                VILLAGE_RULE_FILING,
                VILLAGE_RULE_FILING.due(rule.adopted_on),
            )
        )
    return items
