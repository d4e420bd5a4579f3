"""Deadlines of this app: the filing of an adopted 村规民约. (The reply to a disclosure request is
declared on its model, `DisclosureRequest.deadlines`, and the board derives it.)"""

from fazhi.core.board import DeadlineItem, Source
from fazhi.services.models import VillageRule
from fazhi.services.rules import VILLAGE_RULE_FILING


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


SOURCES = [Source(VillageRule, village_rule_items)]
