"""Deadlines of this app: the reply to a disclosure request, the filing of an adopted 村规民约."""

from fazhi.core.board import DeadlineItem, Source
from fazhi.services.models import DisclosureRequest, VillageRule
from fazhi.services.rules import VILLAGE_RULE_FILING
from fazhi.services.services import reply_due


def disclosure_items(requests):
    for request in requests.exclude(state=DisclosureRequest.State.REPLIED):
        rule, due = reply_due(request)
        yield DeadlineItem(
            f"依申请公开 {request.code}：答复", request.get_absolute_url(), "党政办", rule, due, request
        )


def village_rule_items(village_rules):
    for rule in village_rules.filter(state=VillageRule.State.ADOPTED).select_related("village"):
        yield DeadlineItem(
            f"村规民约 {rule}：报乡镇备案",
            rule.get_absolute_url(),
            "司法所",
            VILLAGE_RULE_FILING,
            VILLAGE_RULE_FILING.due(rule.adopted_on),
            rule,
        )


SOURCES = [Source(DisclosureRequest, disclosure_items), Source(VillageRule, village_rule_items)]
