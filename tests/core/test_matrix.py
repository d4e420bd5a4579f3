"""The permission matrix every declared ledger inherits (core.ledger.specs()).

For each ledger: anonymous → login; another township → 404 on detail, edit, transition, attachment
and API, and none of ours in its export; the county reads and writes nothing (403); a township role
without rights → 403; a village cadre sees their own village only (pages, attachments, API); API
DELETE → 405; the API refuses what the form refuses; masked fields are masked in list, export and
API; the list costs the same queries with more records. Parameters: ledgers × checks (see
`test_matrix_size`). The records are made once for the module (tests/ledger_records.py) inside a
transaction rolled back at its end; each test runs in its own savepoint.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from fazhi.core.ledger import specs
from fazhi.core.roles import MANAGERS, Role
from fazhi.core.views import attach
from tests.ledger_records import ID_NUMBER, NAME, PHONE, make

SPECS = specs()
IDS = [s.model._meta.label for s in SPECS]
CHECKS = 9  # the test functions below parametrised over SPECS
pytestmark = pytest.mark.django_db


def masked_fields(spec) -> set[str]:
    names = set(getattr(spec.views["detail"], "masked", {}) or {})
    names |= {c.attr for c in spec.views["list"].columns if c.mask and isinstance(c.attr, str)}
    if spec.viewset is not None:
        names |= set(getattr(spec.viewset.serializer_class, "masks", {}))
    return {n for n in names if "." not in n}


class Data:
    """The module's shared records: per ledger, one in village 0 (the cadre's), one in village 1 and
    one in another township; and the accounts that act on them."""


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    from fazhi.org import demo
    from fazhi.org.models import RoleAssignment

    with django_db_blocker.unblock(), transaction.atomic():
        world = demo.build()
        d = Data()
        d.world = world
        d.outsider = get_user_model().objects.create_user("matrix_outsider", password="x-12345678")
        foreign = world.other_townships[0]
        RoleAssignment.objects.create(user=d.outsider, role=Role.JUDICIAL, organisation=foreign)
        d.records, d.errors = {}, {}
        for spec in SPECS:
            masked = masked_fields(spec)
            try:
                with transaction.atomic():
                    d.records[spec.model] = (
                        make(spec.model, world.township, world.villages[0], masked=masked),
                        make(spec.model, world.township, world.villages[1], masked=masked),
                        make(spec.model, foreign, foreign.children.first(), masked=masked),
                    )
            except Exception as exc:  # reported by each test of that ledger
                d.errors[spec.model] = repr(exc)
        yield d
        transaction.set_rollback(True)


def records(data, spec):
    if spec.model in data.errors:
        pytest.fail(f"cannot make a {spec.model._meta.label}: {data.errors[spec.model]}")
    return data.records[spec.model]


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def urls(spec, record) -> dict:
    base = f"/{spec.model._meta.app_label}/{spec.name}/"
    out = {"list": base, "detail": f"{base}{record.pk}/"}
    if spec.views.get("form"):
        out["edit"], out["new"] = f"{base}{record.pk}/edit/", f"{base}new/"
    if spec.views.get("transition") and spec.workflow:
        out["transition"] = f"{base}{record.pk}/do/{spec.workflow.transitions[0].name}/"
    if spec.views.get("upload"):
        out["attach"] = f"{base}{record.pk}/attach/"
    if spec.api:
        out["api"], out["api_list"] = f"/api/{spec.api}/{record.pk}/", f"/api/{spec.api}/"
    return out


def file_of(record, user):
    return attach(record, SimpleUploadedFile("证据.pdf", b"%PDF-1.4 matrix"), user)


def state_of(spec, record):
    if not spec.workflow:
        return None
    return getattr(type(record).objects.get(pk=record.pk), spec.workflow.field)


def writable_api(spec) -> bool:
    return "patch" in spec.viewset.http_method_names and hasattr(spec.viewset, "partial_update")


def no_rights_role(spec):
    for role in (Role.OFFICE, Role.PETITION, Role.ENFORCEMENT, Role.MEDIATOR, Role.SECRETARY, Role.HEAD):
        if role not in spec.write_roles and role not in MANAGERS:
            return role
    raise AssertionError(spec)


def test_matrix_size():
    print(f"permission matrix: {len(SPECS)} ledgers × {CHECKS} checks = {len(SPECS) * CHECKS} parameters")
    assert len(SPECS) >= 50


def test_every_ledger_is_declared_once_in_its_spec():
    """Every ledger model has a spec, and every page of it is the spec's (generated or registered)."""
    from django.apps import apps

    from fazhi.core.models import Ledger

    ledgers = {m._meta.label for m in apps.get_models() if issubclass(m, Ledger)}
    assert ledgers == set(IDS)
    for spec in SPECS:
        pages = {kind: view for kind, view in spec.views.items() if view is not None}
        assert {"list", "detail"} <= set(pages), spec.model._meta.label
        assert all(getattr(view, "spec", None) is spec for view in pages.values()), spec.model._meta.label


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_anonymous_is_sent_to_login(data, spec, client):
    own = records(data, spec)[0]
    for name, url in urls(spec, own).items():
        response = client.get(url)
        if name.startswith("api"):
            assert response.status_code in (401, 403), url
        elif name in ("list", "detail", "edit", "new"):
            assert response.status_code == 302 and "/login/" in response["Location"], url


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_other_township_gets_404(data, spec):
    own = records(data, spec)[0]
    outsider = login(data.outsider)
    before = state_of(spec, own)
    for name, url in urls(spec, own).items():
        if name in ("list", "new", "api_list"):
            continue
        post = name in ("transition", "attach")
        response = outsider.post(url) if post else outsider.get(url)
        assert response.status_code == 404, (url, response.status_code)
        if name == "api" and writable_api(spec):
            patch = outsider.patch(url, {"version": own.version}, content_type="application/json")
            assert patch.status_code == 404
    attachment = file_of(own, data.world.users[Role.JUDICIAL])
    assert outsider.get(f"/files/{attachment.pk}/").status_code == 404
    sheet = load_workbook(io.BytesIO(outsider.get(f"{urls(spec, own)['list']}?export=xlsx").content)).active
    theirs = spec.model.objects.visible_to(data.outsider, data.world.other_townships[0]).count()
    assert sheet.max_row <= theirs + 1  # the header and the outsider's own records only
    page = outsider.get(urls(spec, own)["list"]).content.decode()
    assert f'href="{urls(spec, own)["detail"]}"' not in page
    assert state_of(spec, own) == before


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_county_reads_and_writes_nothing(data, spec):
    own = records(data, spec)[0]
    county = login(data.world.users[Role.COUNTY])
    found = urls(spec, own)
    assert county.get(found["list"]).status_code == 200
    assert county.get(found["detail"]).status_code == 200
    before = state_of(spec, own)
    for name in ("edit", "new", "attach"):
        if name in found:
            response = county.post(found[name]) if name == "attach" else county.get(found[name])
            assert response.status_code == 403, found[name]
    if "transition" in found:
        county.post(found["transition"])
        assert state_of(spec, own) == before
    if "api" in found:
        assert county.get(found["api"]).status_code == 200
    if "api" in found and writable_api(spec):
        patch = county.patch(found["api"], {"version": own.version}, content_type="application/json")
        assert patch.status_code == 403


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_role_without_rights_gets_403(data, spec):
    own = records(data, spec)[0]
    user = login(data.world.users[no_rights_role(spec)])
    found = urls(spec, own)
    for name in ("edit", "new", "attach"):
        if name in found:
            response = user.post(found[name]) if name == "attach" else user.get(found[name])
            assert response.status_code == 403, found[name]
    if "api" in found and writable_api(spec) and user.get(found["api"]).status_code == 200:
        patch = user.patch(found["api"], {"version": own.version}, content_type="application/json")
        assert patch.status_code == 403


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_village_cadre_sees_own_village_only(data, spec):
    own, elsewhere, _ = records(data, spec)
    cadre = login(data.world.users[Role.VILLAGE])
    manager = data.world.users[Role.JUDICIAL]
    assert cadre.get(urls(spec, own)["detail"]).status_code == 200
    assert cadre.get(urls(spec, elsewhere)["detail"]).status_code == 404
    assert cadre.get(f"/files/{file_of(own, manager).pk}/").status_code == 200
    assert cadre.get(f"/files/{file_of(elsewhere, manager).pk}/").status_code == 404
    if spec.api:
        assert cadre.get(urls(spec, elsewhere)["api"]).status_code == 404
        listed = {r["id"] for r in cadre.get(f"/api/{spec.api}/?page_size=1000").json()["results"]}
        assert elsewhere.pk not in listed


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_api_delete_is_refused(data, spec):
    own = records(data, spec)[0]
    if not spec.api:
        pytest.skip("no API")
    response = login(data.world.users[Role.JUDICIAL]).delete(urls(spec, own)["api"])
    assert response.status_code == 405
    assert type(own).objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_api_refuses_what_the_form_refuses(data, spec):
    own = records(data, spec)[0]
    if not (
        spec.api
        and spec.views.get("form")
        and writable_api(spec)
        and "post" in spec.viewset.http_method_names
    ):
        pytest.skip("no API or no form")
    manager = login(data.world.users[Role.JUDICIAL])
    township = {"township": data.world.township.pk}
    page = manager.post(urls(spec, own)["new"], {})
    api = manager.post(f"/api/{spec.api}/", township, content_type="application/json")
    form_errors = set(page.context["form"].errors) if page.context and "form" in page.context else set()
    # A field with a default is filled by the API when left out; the empty form sends it blank.
    form_errors = {n for n in form_errors if not spec.model._meta.get_field(n).has_default()}
    writable = {n for n, f in spec.viewset.serializer_class().fields.items() if not f.read_only}
    if form_errors & writable:
        assert api.status_code == 400, api.content
        assert form_errors & writable <= set(api.json()), (form_errors & writable, api.json())
    before = type(own).objects.count()
    assert type(own).objects.count() == before


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_masked_in_list_export_and_api(data, spec):
    own = records(data, spec)[0]
    masked = masked_fields(spec)
    if not masked:
        pytest.skip("no personal data declared")
    raw = {getattr(own, n) for n in masked if getattr(own, n, None) in (NAME, PHONE, ID_NUMBER)}
    reader = login(data.world.users[Role.JUDICIAL])
    found = urls(spec, own)
    shown = reader.get(found["list"]).content.decode()
    cells = [
        str(c)
        for row in load_workbook(io.BytesIO(reader.get(f"{found['list']}?export=xlsx").content)).active.values
        for c in row
        if c
    ]
    api = reader.get(found["api"]).content.decode() if "api" in found else ""
    for value in raw:
        assert value not in shown, value
        assert not any(value in c for c in cells), value
        assert value not in api, value


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_list_queries_do_not_grow_with_records(data, spec):
    own = records(data, spec)[0]
    reader = login(data.world.users[Role.JUDICIAL])
    url = urls(spec, own)["list"]
    reader.get(url)
    with CaptureQueriesContext(connection) as few:
        assert reader.get(url).status_code == 200
    for _ in range(3):
        make(spec.model, data.world.township, data.world.villages[0], masked=masked_fields(spec))
    with CaptureQueriesContext(connection) as more:
        assert reader.get(url).status_code == 200
    assert len(more) <= len(few), [q["sql"] for q in more.captured_queries]
