"""Writes of this app that are more than "save a form"."""

from django.db import transaction

from fazhi.core.deadlines import Due
from fazhi.core.public import new_tracking_code
from fazhi.core.services import save_record
from fazhi.services.models import DisclosureRequest
from fazhi.services.rules import DISCLOSURE_EXTENSION, DISCLOSURE_REPLY


def reply_due(request: DisclosureRequest) -> tuple:
    """(rule, Due) of a disclosure request: 20 working days from receipt, plus 20 more once extended."""
    first = DISCLOSURE_REPLY.due(request.received_on)
    if request.state == DisclosureRequest.State.EXTENDED or request.extension_reason:
        return DISCLOSURE_EXTENSION, DISCLOSURE_EXTENSION.due(first.date)
    return DISCLOSURE_REPLY, first


def set_due(request: DisclosureRequest) -> Due:
    rule, due = reply_due(request)
    request.due_on = due.date
    return due


def new_code(received_on) -> str:
    # Random, not sequential: the public tracks a request by its code, so codes must not be guessable.
    while True:
        # 8 characters of 32: 40 bits, like the other public tracking codes (core.public).
        code = new_tracking_code(f"GK{received_on:%Y%m%d}-")
        if not DisclosureRequest.objects.filter(code=code).exists():
            return code


def receive_request(request: DisclosureRequest, user=None) -> DisclosureRequest:
    """Register a new request (from staff or from the public form): code and reply deadline are set here."""
    with transaction.atomic():
        if not request.code:
            request.code = new_code(request.received_on)
        set_due(request)
        return save_record(request, user, reason="登记依申请公开")
