"""The organisation's ledgers (departments, people, legal advisors, leading groups, profiles), each
declared once; the region tree and the accounts are pages of their own (views, views_accounts)."""

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.tables import Column, field_column
from fazhi.org.members import ORG_ROLES
from fazhi.org.models import Department, LeadingGroup, LegalAdvisor, Person, TownshipProfile

DEPARTMENT = LedgerSpec(
    Department,
    write_roles=ORG_ROLES,
    columns=["name", "kind", "quota"],
    groups={"": ("name", "kind", "quota")},
    search=("name",),
    filters=("kind",),
    ordering=("name",),
    attachments=False,
)
PERSON = LedgerSpec(
    Person,
    write_roles=ORG_ROLES,
    # The phone is masked in the list only: the record page shows it to whoever may read the person.
    columns=[
        *("name", "position", "department.name"),
        field_column(Person, "phone", mask=masking.mask_phone, sort=None),
        "active",
    ],
    groups={"": ("name", "position", "department", "phone", "active")},
    search=("name", "position"),
    filters=("department", "active"),
    select_related=("department",),
    ordering=("department__name", "name"),
)


def _say_villages_changed(view, record, form):
    record.clean()
    # The villages are saved after the record (many-to-many): say the change in its history row.
    before = [v.name for v in record.villages.all()] if record.pk else []
    after = [v.name for v in form.cleaned_data.get("villages", [])]
    if before != after:
        record._change_reason = f"服务村(社区)：{'、'.join(before) or '无'} → {'、'.join(after) or '无'}"


ADVISOR_TERMS = ("name", "firm", "kind", "phone", "serves_township")
ADVISOR_CONTRACT = ("contract_start", "contract_end", "fee")
ADVISOR = LedgerSpec(
    LegalAdvisor,
    write_roles=ORG_ROLES,
    columns=[
        *("name", "firm", "kind", "serves_township"),
        Column("服务村(社区)", "villages"),
        *("contract_start", "contract_end"),
    ],
    groups={"": ("village",), "顾问": ADVISOR_TERMS, "聘用": ADVISOR_CONTRACT, "账号": ("user",)},
    search=("name", "firm"),
    filters=("kind", "serves_township"),
    prefetch_related=("villages",),
    listed_relations=(("服务村(社区)", "villages"),),
    extra={
        # The served villages (many-to-many) are edited beside the terms; the record page lists them.
        "form": {
            "fields": (*ADVISOR_TERMS, "villages", *ADVISOR_CONTRACT),
            "before_save": _say_villages_changed,
        }
    },
)
GROUP = LedgerSpec(
    LeadingGroup,
    write_roles=ORG_ROLES,
    columns=["year", "document_no", Column("成员数", lambda g: len(g.members.all()))],
    groups={"": ("village",), "文件": ("year", "document_no")},
    form=("文件",),
    prefetch_related=("members",),
    ordering=("-year",),
    related_template="org/_members.html",
)
PROFILE_FIGURES = (
    *("year", "area_km2", "population", "resident_population", "enterprises"),
    *("party_members", "staff_quota", "staff_actual"),
)
PROFILE = LedgerSpec(
    TownshipProfile,
    write_roles=ORG_ROLES,
    columns=list(PROFILE_FIGURES),
    groups={"": ("village",), "概况": (*PROFILE_FIGURES, "summary")},
    form=("概况",),
    ordering=("-year",),
)
SPECS = (DEPARTMENT, PERSON, ADVISOR, GROUP, PROFILE)
