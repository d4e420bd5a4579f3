"""The acts on a disclosure request (政府信息公开申请), the only way one is registered or paused: from
the office's form, the API, the public form, the import and the demo alike."""

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.models import ExcludedPeriod
from fazhi.core.public import new_tracking_code
from fazhi.core.services import save_record
from fazhi.services.models import DisclosureRequest

DEADLINE = DisclosureRequest.deadlines[0]  # 20 working days, 20 more once extended, pauses applied


def new_code(received_on) -> str:
    # Random, not sequential: the public tracks a request by its code, so codes must not be guessable.
    while True:
        # 8 characters of 32: 40 bits, like the other public tracking codes (core.public).
        code = new_tracking_code(f"GK{received_on:%Y%m%d}-")
        if not DisclosureRequest.objects.filter(code=code).exists():
            return code


def receive_request(request: DisclosureRequest, user=None, expected_version=None) -> DisclosureRequest:
    """Register a new request: its tracking code and reply deadline are set here."""
    if request.replied_on and request.replied_on < request.received_on:
        raise ValidationError("答复日期不能早于收到申请日期。")
    with transaction.atomic():
        if not request.code:
            request.code = new_code(request.received_on)
        DEADLINE.refresh(request)
        return save_record(request, user, reason="登记依申请公开", event={"action": "receive_request"})


def change_request(request: DisclosureRequest, user=None, expected_version=None) -> DisclosureRequest:
    """Save the office's change; the stored reply deadline follows the request's dates."""
    with transaction.atomic():
        DEADLINE.refresh(request)
        return save_record(request, user, expected_version=expected_version)


def add_pause(request: DisclosureRequest, kind: str, start, end, user=None, note: str = "") -> ExcludedPeriod:
    """Record a 补正 (the period restarts from the completed request, art. 30) or a third party's
    opinion time (not counted, art. 32); the stored reply deadline moves with it."""
    period = ExcludedPeriod(
        township=request.township, record=request, kind=kind, start=start, end=end, note=note
    )
    period.full_clean()
    with transaction.atomic():
        period.save()
        request.__dict__.pop("_excluded_periods", None)  # read afresh, with the new period
        DEADLINE.refresh(request)
        event = {"action": "add_pause", "on": end, "note": str(period)}  # 补正 2026-09-28至2026-10-12
        save_record(request, user, reason=f"记录{period.get_kind_display()}期间", event=event)
    return period
