from rest_framework import serializers

from fazhi.api.base import serializer_for, viewset_for
from fazhi.services import ledgers, models


class AdvisorWorkViewSet(
    viewset_for(
        models.AdvisorWork,
        ledgers.WORK.serializer(),
        ledgers.ADVISOR,
        ("advisor", "kind"),
        ("advisor",),
    )
):
    def _save(self, serializer, record, expected):
        if not ledgers.own_work(self, record):
            raise serializers.ValidationError({"advisor": "法律顾问只能登记本人的工作记录。"})
        super()._save(serializer, record, expected)


def register(router):
    router.register("advisor-work", AdvisorWorkViewSet)
    router.register(
        "village-rules",
        viewset_for(
            models.VillageRule,
            serializer_for(
                models.VillageRule,
                ("title", "adopted_on", "filed_on", "state", "reviewer", "opinion"),
                read_only=("state",),
            ),
            ledgers.VILLAGE_RULE_ROLES,
            ("state", "village"),
        ),
    )
    for spec in ledgers.SPECS:
        if spec.api:  # the others above, or none
            router.register(*spec.api_route())
