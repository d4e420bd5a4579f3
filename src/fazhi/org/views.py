from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.tables import Column, field_column
from fazhi.core.views import LedgerDetailView, LedgerFormView, LedgerListView
from fazhi.org.members import ORG_ROLES
from fazhi.org.models import Department, LeadingGroup, LegalAdvisor, Person, Region, TownshipProfile

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


class RegionView(LoginRequiredMixin, TemplateView):
    """The township's place in the region tree, its villages/communities and departments."""

    template_name = "org/regions.html"

    def get_context_data(self, **kwargs):
        township = self.request.township
        if township is None:
            raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
        ancestors, node = [], township.parent
        while node is not None:
            ancestors.insert(0, node)
            node = node.parent
        villages = (
            Region.objects.filter(parent=township).prefetch_related("advisors").order_by("code", "name")
        )
        return super().get_context_data(
            title="组织机构",
            township=township,
            ancestors=ancestors,
            villages=villages,
            departments=Department.objects.filter(township=township),
            **kwargs,
        )


class PersonList(LedgerListView):
    model = Person
    write_roles = ORG_ROLES
    columns = [
        field_column(Person, "name"),
        field_column(Person, "position"),
        field_column(Person, "department.name", label="部门"),
        field_column(Person, "phone", mask=masking.mask_phone, sort=None),
        field_column(Person, "active"),
    ]
    search_fields = ("name", "position")
    filter_fields = ("department", "active")
    select_related = ("department",)
    ordering = ("department__name", "name")


class PersonDetail(LedgerDetailView):
    model = Person
    write_roles = ORG_ROLES
    fields = ("name", "position", "department", "phone", "active")


class PersonForm(LedgerFormView):
    model = Person
    write_roles = ORG_ROLES
    fields = ("name", "position", "department", "phone", "active")


class AdvisorList(LedgerListView):
    model = LegalAdvisor
    write_roles = ORG_ROLES
    columns = [
        field_column(LegalAdvisor, "name"),
        field_column(LegalAdvisor, "firm"),
        field_column(LegalAdvisor, "kind"),
        field_column(LegalAdvisor, "serves_township"),
        Column("服务村(社区)", "villages"),
        field_column(LegalAdvisor, "contract_start"),
        field_column(LegalAdvisor, "contract_end"),
    ]
    search_fields = ("name", "firm")
    filter_fields = ("kind", "serves_township")
    prefetch_related = ("villages",)


class AdvisorDetail(LedgerDetailView):
    model = LegalAdvisor
    write_roles = ORG_ROLES
    listed_relations = (("服务村(社区)", "villages"),)


class AdvisorForm(LedgerFormView):
    model = LegalAdvisor
    write_roles = ORG_ROLES
    fields = (
        "name",
        "firm",
        "kind",
        "phone",
        "serves_township",
        "villages",
        "contract_start",
        "contract_end",
        "fee",
    )

    def before_save(self, record, form):
        super().before_save(record, form)
        # The villages are saved after the record (many-to-many): say the change in its history row.
        before = [v.name for v in record.villages.all()] if record.pk else []
        after = [v.name for v in form.cleaned_data.get("villages", [])]
        if before != after:
            record._change_reason = f"服务村(社区)：{'、'.join(before) or '无'} → {'、'.join(after) or '无'}"


class GroupList(LedgerListView):
    model = LeadingGroup
    write_roles = ORG_ROLES
    columns = [
        field_column(LeadingGroup, "year"),
        field_column(LeadingGroup, "document_no"),
        Column("成员数", lambda g: len(g.members.all())),
    ]
    prefetch_related = ("members",)
    ordering = ("-year",)


class GroupDetail(LedgerDetailView):
    model = LeadingGroup
    write_roles = ORG_ROLES
    related_template = "org/_members.html"


class GroupForm(LedgerFormView):
    model = LeadingGroup
    write_roles = ORG_ROLES
    fields = ("year", "document_no")


PROFILE_FIELDS = (
    "year",
    "area_km2",
    "population",
    "resident_population",
    "enterprises",
    "party_members",
    "staff_quota",
    "staff_actual",
    "summary",
)


class ProfileList(LedgerListView):
    model = TownshipProfile
    write_roles = ORG_ROLES
    columns = [field_column(TownshipProfile, f) for f in PROFILE_FIELDS[:-1]]
    ordering = ("-year",)


class ProfileDetail(LedgerDetailView):
    model = TownshipProfile
    write_roles = ORG_ROLES


class ProfileForm(LedgerFormView):
    model = TownshipProfile
    write_roles = ORG_ROLES
    fields = PROFILE_FIELDS
