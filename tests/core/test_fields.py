"""The model helpers build the very fields and options the spelled-out declarations would."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.deadlines import Limit
from fazhi.core.fields import meta, optional_link, region_link, required_link, user_link
from fazhi.indicators.registry import dated


def _same(helper_field, field) -> bool:
    return helper_field.deconstruct()[1:] == field.deconstruct()[1:]


def test_links_are_the_spelled_out_foreign_keys():
    assert _same(
        optional_link("org.Person", "出庭负责人", on_delete=models.PROTECT, related_name="+"),
        models.ForeignKey(
            "org.Person",
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name="+",
            verbose_name="出庭负责人",
        ),
    )
    assert _same(
        optional_link(
            settings.AUTH_USER_MODEL, "登录账号", related_name="person", field=models.OneToOneField
        ),
        models.OneToOneField(
            settings.AUTH_USER_MODEL,
            on_delete=models.SET_NULL,
            null=True,
            blank=True,
            related_name="person",
            verbose_name="登录账号",
        ),
    )
    assert _same(
        required_link("org.LegalAdvisor", "法律顾问", related_name="work"),
        models.ForeignKey(
            "org.LegalAdvisor", on_delete=models.PROTECT, related_name="work", verbose_name="法律顾问"
        ),
    )
    assert _same(
        user_link("上传人"),
        models.ForeignKey(
            settings.AUTH_USER_MODEL,
            on_delete=models.SET_NULL,
            null=True,
            related_name="+",
            verbose_name="上传人",
        ),
    )
    assert _same(
        region_link(on_delete=models.CASCADE),
        models.ForeignKey("org.Region", on_delete=models.CASCADE, related_name="+", verbose_name="乡镇"),
    )


def test_meta_sets_names_ordering_indexes_and_constraints():
    Meta = meta(
        "执法检查",
        "-planned_on",
        "-id",
        township_index=["planned_on"],
        indexes=[models.Index(fields=["content_type", "object_id"])],
        unique={"inspection_once": ("township", "title")},
    )
    assert Meta.verbose_name == Meta.verbose_name_plural == "执法检查"
    assert Meta.ordering == ["-planned_on", "-id"]
    assert [index.fields for index in Meta.indexes] == [
        ["township", "planned_on"],
        ["content_type", "object_id"],
    ]
    assert Meta.constraints == [models.UniqueConstraint(fields=["township", "title"], name="inspection_once")]
    assert not hasattr(meta("数据版本"), "ordering")


def test_a_model_declared_with_meta_has_its_options():
    from fazhi.enforcement.models import Inspection

    assert Inspection._meta.verbose_name_plural == "执法检查"
    assert Inspection._meta.ordering == ["-planned_on", "-id"]
    assert [index.fields for index in Inspection._meta.indexes] == [["township", "planned_on"]]


def test_dated_figures_count_the_records_whose_date_is_set():
    assert dated("published_on") == {"filter": Q(published_on__isnull=False), "date_field": "published_on"}
    assert dated("backlog_resolved_on", backlog=True)["filter"] == Q(
        backlog=True, backlog_resolved_on__isnull=False
    )


def test_limits_describe_a_range_or_a_maximum():
    assert Limit("a", "委员人数", 9, "第八条", minimum=3).describe() == "委员人数：3至9人，依据第八条"
    assert Limit("b", "推选代表", 5, "第二十条").describe() == "推选代表不超过5人，依据第二十条"
