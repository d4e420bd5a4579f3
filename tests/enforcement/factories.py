"""Small builders for enforcement tests (on top of the `world` fixture)."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.core.views import attach
from fazhi.enforcement.models import Domain, EnforcementCase, EnforcementItem, EnforcementOfficer

TODAY = dt.date(2026, 11, 20)


def item(world, code="CF001", category=EnforcementItem.Category.PUNISHMENT, township=None, **kwargs):
    values = dict(
        name="对露天焚烧秸秆的行政处罚",
        domain=Domain.ENVIRONMENT,
        legal_basis="《大气污染防治法》第一百一十九条",
        assigned_by="江南省人民政府",
        published=True,
        published_on=dt.date(2025, 3, 1),
    )
    values.update(kwargs)
    return save_record(
        EnforcementItem(township=township or world.township, code=code, category=category, **values), None
    )


def officer(world, name="冯磊", valid_until=dt.date(2028, 6, 30), **kwargs):
    values = dict(
        certificate_no=f"江{abs(hash(name)) % 10**6:06d}",
        field=Domain.CITY,
        valid_from=dt.date(2022, 1, 1),
        valid_until=valid_until,
        training_hours=64,
    )
    values.update(kwargs)
    return save_record(EnforcementOfficer(township=world.township, name=name, **values), None)


def case(world, officers=None, **kwargs):
    values = dict(
        title="露天焚烧秸秆",
        party="张建华",
        party_id_number="11010519491231002X",
        party_phone="13912345678",
        village=world.villages[0],
        discovered_on=dt.date(2026, 9, 1),
        decision="责令改正，并处罚款500元。",
        item=kwargs.pop("item", None) or item(world, code=f"CF{EnforcementCase.objects.count() + 100}"),
    )
    values.update(kwargs)
    record = save_record(EnforcementCase(township=world.township, **values), world.users[Role.ENFORCEMENT])
    if officers is None:
        officers = [officer(world, "冯磊"), officer(world, "何平")]
    record.officers.set(officers)
    return record


def upload(record, user, step, kind):
    """Attach a file to a full-process step given by its state code ("filed") or name ("立案")."""
    from fazhi.enforcement.workflows import RECORD_STEPS

    step = dict(RECORD_STEPS).get(step, step)
    content, suffix = (
        ((b"%PDF-1.4 doc " + step.encode()), "pdf")
        if kind == "doc"
        else ((b"\xff\xd8\xff photo " + step.encode()), "jpg")
    )
    return attach(record, SimpleUploadedFile(f"{step}-{kind}.{suffix}", content), user, step=step, kind=kind)
