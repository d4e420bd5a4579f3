from rest_framework import serializers

from fazhi.api.base import serializer_for, viewset_for
from fazhi.services import disclosure, ledgers, models, views


class AdvisorWorkViewSet(
    viewset_for(
        models.AdvisorWork,
        serializer_for(models.AdvisorWork, views.WORK_FIELDS[:-2] + ("summary",)),
        views.ADVISOR,
        ("advisor", "kind"),
        ("advisor",),
    )
):
    def _save(self, serializer, record, expected):
        if (
            views.is_advisor_only(self.request.user, record.township)
            and record.advisor.user_id != self.request.user.id
        ):
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
            views.VILLAGE_RULE_ROLES,
            ("state", "village"),
        ),
    )
    for spec in (disclosure.SPEC, ledgers.LEGAL_AID, ledgers.DISCLOSURE_ITEM, ledgers.DUTY):
        router.register(*spec.api_route())
    router.register(
        "measures",
        viewset_for(
            models.Measure,
            serializer_for(models.Measure, ("date", "section", "text", "quantity", "unit", "detail")),
            views.OFFICE,
        ),
    )
