"""The service and accountability ledgers with nothing beyond the generic pages, each declared once."""

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.tables import field_column
from fazhi.services import models as m

OFFICE = (Role.OFFICE,)
LEADERS = (Role.SECRETARY, Role.HEAD, Role.OFFICE)
LEGAL_AID_ROLES = (Role.ADVISOR, Role.MEDIATOR)

POINT = LedgerSpec(
    m.ServicePoint,
    write_roles=OFFICE,
    columns=["name", "kind", "village.name", "staff", "proxy_team", "demonstration"],
    groups={"": ("name", "kind", "village", "staff", "proxy_team", "demonstration", "opened_on", "hours")},
    search=("name",),
    filters=("kind", "village"),
    select_related=("village",),
    ordering=("kind", "name"),
)
ITEM = LedgerSpec(
    m.ServiceItem,
    write_roles=OFFICE,
    columns=["name", "domain", "place", "online", "proxy", "active"],
    groups={"": ("name", "domain", "place", "online", "proxy", "active")},
    search=("name", "domain"),
    filters=("place", "online", "proxy", "active"),
    ordering=("domain", "name"),
)
LEGAL_AID = LedgerSpec(
    m.LegalAidConsultation,
    write_roles=LEGAL_AID_ROLES,
    columns=["applicant", "date", "phone", "matter", "village.name", "referred"],
    groups={"": ("date", "applicant", "phone", "village", "matter", "question", "answer", "referred")},
    masks={"applicant": masking.mask_name, "phone": masking.mask_phone},
    search=("question",),
    filters=("matter", "village", "referred"),
    year_field="date",
    select_related=("village",),
    ordering=("-date", "-id"),
    api="legal-aid-consultations",
)
DISCLOSURE_ITEM = LedgerSpec(
    m.DisclosureItem,
    write_roles=OFFICE,
    columns=["title", "published_on", "channel", "category"],
    groups={"": ("title", "published_on", "channel", "category", "url", "content")},
    search=("title", "content"),
    filters=("channel", "category"),
    year_field="published_on",
    ordering=("-published_on", "-id"),
    api="disclosure-items",
)
DUTY = LedgerSpec(
    m.DutyRecord,
    write_roles=LEADERS,
    columns=["subject", "date", field_column(m.DutyRecord, "person.name", label="责任人"), "kind"],
    groups={"": ("person", "date", "kind", "subject", "summary")},
    search=("subject", "summary"),
    filters=("person", "kind"),
    year_field="date",
    select_related=("person",),
    ordering=("-date", "-id"),
    api="duty-records",
)
LAW_REPORT = LedgerSpec(
    m.LawReport,
    write_roles=LEADERS,
    columns=[field_column(m.LawReport, "person.name", label="述法人"), "year", "date", "rating"],
    groups={"": ("person", "year", "date", "content", "rating")},
    filters=("person", "rating"),
    select_related=("person",),
    ordering=("-year", "person__name"),
)
SPECS = (POINT, ITEM, LEGAL_AID, DISCLOSURE_ITEM, DUTY, LAW_REPORT)
