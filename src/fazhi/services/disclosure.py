"""政府信息公开申请 (依申请公开) declared once: pages, API, export and import come from this spec."""

from django.db import transaction

from fazhi.core import masking
from fazhi.core.ledger import LedgerSpec
from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.core.tables import Column
from fazhi.services.actions import receive_request, reply_due, set_due
from fazhi.services.models import DisclosureRequest
from fazhi.services.workflows import DISCLOSURE


def change_request(request, user, expected_version=None):
    with transaction.atomic():
        set_due(request)
        return save_record(request, user, expected_version=expected_version)


def _on_time(request):
    return {None: "", True: "是", False: "否"}[request.on_time]


def _due(request):
    rule, due = reply_due(request)
    return {"rule": rule, "due": due, "pauses": request.excluded_periods.all()}


SPEC = LedgerSpec(
    DisclosureRequest,
    write_roles=(Role.OFFICE,),
    columns=[
        *("code", "applicant", "received_on", "channel", "due_on", "state", "reply", "replied_on"),
        Column("按期答复", _on_time),
    ],
    groups={
        "编号": ("code",),
        "申请": ("applicant", "contact", "channel", "received_on", "content"),
        "期限": ("state", "due_on", "extension_reason"),
        "答复": ("reply", "reply_text", "replied_on"),
    },
    form=("申请", "答复"),
    masks={"applicant": masking.mask_names, "contact": masking.mask_phone},
    filters=("state", "channel", "reply"),
    search=("code", "content"),
    year_field="received_on",
    ordering=("-received_on", "-id"),
    workflow=DISCLOSURE,
    create=lambda request, user, expected_version=None: receive_request(request, user),
    change=change_request,
    related_template="services/_reply_due.html",
    detail_context=_due,
    api="disclosure-requests",
    api_read_only=("code", "state", "due_on", "extension_reason"),
)
