"""Running numbers (core.numbering): a unique constraint per township and year, and a save that
retries with the next number when another clerk took it meanwhile. Every creator — the form, the
API, the import — goes through the ledger's action, so each record gets its number and due date."""

import datetime as dt
import io

import pytest
from django.db import IntegrityError, transaction
from openpyxl import Workbook

from fazhi.core.batch import batched
from fazhi.core.models import LedgerEvent
from fazhi.core.numbering import next_number, save_numbered
from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.core.workflow import Refused
from fazhi.disputes.models import Dispute
from fazhi.documents.models import NormativeDocument
from fazhi.enforcement.models import CaseEvaluation, EnforcementCase
from fazhi.litigation.models import LitigationCase
from fazhi.petitions import actions
from fazhi.petitions.actions import register_petition
from fazhi.petitions.models import Petition

pytestmark = pytest.mark.django_db


def petition(world, **kwargs) -> Petition:
    values = dict(
        township=world.township,
        received=dt.date(2026, 3, 2),
        channel="visit",
        petitioner="张三丰",
        subject="反映排水不畅",
        content="诉求",
    )
    return Petition(**(values | kwargs))


def taken(world, number: str) -> Petition:
    """A petition another clerk saved meanwhile, written straight to the table."""
    other = petition(world, number=number, petitioner="李四光")
    other.refresh_dues()
    return save_record(other, None)


# --- the constraint ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model, name, fields",
    [
        (Petition, "petition_number_unique", ["township", "number"]),
        (Dispute, "dispute_number_unique", ["township", "number"]),
        (EnforcementCase, "enforcement_case_number_unique", ["township", "number"]),
        (NormativeDocument, "normative_doc_no_unique", ["township", "doc_year", "number"]),
    ],
)
def test_each_running_number_has_its_unique_constraint(model, name, fields):
    constraints = {c.name: c for c in model._meta.constraints}
    assert name in constraints and list(constraints[name].fields) == fields
    assert constraints[name].condition is not None  # records not yet numbered are not constrained


def test_the_database_refuses_a_second_record_with_the_same_number(world):
    taken(world, "XF2026-0001")
    with pytest.raises(IntegrityError), transaction.atomic():
        taken(world, "XF2026-0001")
    # Another township may use the same number; records not yet numbered do not collide.
    save_record(petition(world, township=world.other_townships[0], number="XF2026-0001"), None)
    save_record(petition(world), None)
    save_record(petition(world), None)


# --- the retry --------------------------------------------------------------------------------------


def test_two_saves_that_compute_the_same_number_the_second_gets_the_next(world, monkeypatch):
    # Both clerks read the year's last number before either saves: both compute XF2026-0001.
    stale = next_number(Petition, world.township, "XF", 2026)
    first = register_petition(petition(world))
    assert first.number == stale == "XF2026-0001"
    calls = []

    def racing(model, township, prefix, year):
        calls.append(prefix)
        return stale if len(calls) == 1 else next_number(model, township, prefix, year)

    monkeypatch.setattr(actions, "next_number", racing)
    second = register_petition(petition(world, petitioner="王五"))
    assert len(calls) == 2  # refused once by the constraint, numbered again
    assert second.number == "XF2026-0002" and second.pk and second.version == 1
    assert Petition.objects.get(pk=second.pk).number == "XF2026-0002"
    assert second.history.count() == 1  # the refused attempt left nothing behind


def test_a_number_taken_during_a_batch_is_skipped_and_the_batch_goes_on(world):
    # An import counts numbers in memory (core.batch): a clerk's save in between is not in the count.
    with transaction.atomic(), batched():
        assert register_petition(petition(world)).number == "XF2026-0001"
        taken(world, "XF2026-0002")
        assert register_petition(petition(world, petitioner="王五")).number == "XF2026-0003"
        assert register_petition(petition(world, petitioner="赵六")).number == "XF2026-0004"
    assert Petition.objects.filter(township=world.township).count() == 4


def test_after_five_conflicts_the_save_is_refused_in_chinese_and_nothing_is_written(world):
    taken(world, "XF2026-0001")
    attempts = []

    def always_taken(record):
        attempts.append(1)
        record.number = "XF2026-0001"

    record = petition(world, petitioner="王五")
    with pytest.raises(Refused, match="连续5次重新编号仍有冲突"):
        save_numbered(record, always_taken, lambda r: save_record(r, None))
    assert len(attempts) == 5 and record.pk is None and record.number == ""
    assert not Petition.objects.filter(petitioner="王五").exists()


def test_a_number_typed_by_hand_is_not_replaced(world):
    taken(world, "XF2026-0007")
    with pytest.raises(Refused, match="XF2026-0007”已被使用"):
        register_petition(petition(world, number="XF2026-0007", petitioner="王五"))
    assert not Petition.objects.filter(petitioner="王五").exists()


def test_numbers_count_on_past_9999(world):
    taken(world, "XF2026-9999")
    taken(world, "XF2026-10000")
    assert next_number(Petition, world.township, "XF", 2026) == "XF2026-10001"


def test_filing_an_enforcement_case_retries_a_number_taken_meanwhile(world, monkeypatch):
    from fazhi.enforcement import services
    from fazhi.enforcement.workflows import workflow
    from tests.enforcement.factories import case

    user = world.users[Role.ENFORCEMENT]
    first, second = case(world), case(world, party="李建国")
    stale = services.next_number(world.township, 2026)
    workflow.apply(first, "file", user, {"date": dt.date(2026, 9, 2)})
    assert first.number == stale
    real, calls = services.next_number, []

    def racing(township, year):
        calls.append(year)
        return stale if len(calls) == 1 else real(township, year)

    monkeypatch.setattr(services, "next_number", racing)
    workflow.apply(second, "file", user, {"date": dt.date(2026, 9, 3)})
    second.refresh_from_db()
    assert len(calls) == 2 and second.state == "filed" and second.number.endswith("2号")


# --- every creator goes through the action ----------------------------------------------------------


def form_post(client_for, role, url, data):
    response = client_for(role).post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def api_post(client_for, role, url, data):
    response = client_for(role).post(url, data, content_type="application/json")
    assert response.status_code == 201, response.content.decode()


def import_rows(world, role, label, cells: dict):
    """One row through the import (upload → check → commit), headed by the ledger's own labels."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.imports import services

    workbook = Workbook()
    workbook.active.append(list(cells))
    workbook.active.append(list(cells.values()))
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("台账.xlsx", buffer.getvalue())
    batch = services.start(upload, world.township, world.users[role], label)
    batch = services.check(batch)
    assert batch.state == batch.State.CHECKED, batch.parts[0]["errors"]
    services.commit(batch, world.users[role])
    assert batch.state == batch.State.DONE, batch.message


PETITION = dict(
    received="2026-09-16", channel="visit", origin="direct", petitioner="李四", subject="征地补偿"
)
PETITION_SHEET = {
    "收到日期": "2026-09-16",
    "信访形式": "走访（来访）",
    "信访人": "李四",
    "信访事由": "征地补偿",
}
DISPUTE = dict(received="2026-09-16", type="family", parties="甲某、乙某", summary="家庭琐事", kind="people")
DISPUTE_SHEET = {
    "受理日期": "2026-09-16",
    "纠纷类型": "婚姻家庭",
    "当事人": "甲某、乙某",
    "纠纷简要情况": "家庭琐事",
}


@pytest.mark.parametrize("how", ["form", "api", "import"])
def test_a_petition_gets_its_number_and_deadlines_however_it_is_created(world, client_for, how):
    data = {**PETITION, "content": "诉求"}
    if how == "form":
        form_post(client_for, Role.PETITION, "/petitions/petition/new/", {**data, "kind": "claim"})
    elif how == "api":
        api_post(client_for, Role.PETITION, "/api/petitions/", data)
    else:
        import_rows(
            world, Role.PETITION, "petitions.petition", {**PETITION_SHEET, "主要诉求及事实理由": "诉求"}
        )
    record = Petition.objects.get(petitioner="李四")
    assert record.number == "XF2026-0001"
    # 15 days from 16 September end on 1 October, a holiday: the first working day after it.
    assert record.notice_due == dt.date(2026, 10, 8)
    assert LedgerEvent.objects.filter(object_id=record.pk, action="register_petition").exists()


@pytest.mark.parametrize("how", ["form", "api", "import"])
def test_a_dispute_gets_its_number_however_it_is_created(world, client_for, how):
    if how == "form":
        form_post(client_for, Role.MEDIATOR, "/disputes/dispute/new/", {**DISPUTE, "source": "village"})
    elif how == "api":
        api_post(client_for, Role.MEDIATOR, "/api/disputes/", DISPUTE)
    else:
        import_rows(world, Role.MEDIATOR, "disputes.dispute", DISPUTE_SHEET)
    assert Dispute.objects.get(summary="家庭琐事").number == "JF2026-0001"


LITIGATION = dict(
    case_no="（2026）江0121行初9号",
    kind="litigation",
    stage="first",
    organ="江源县人民法院",
    applicant="王某某",
    subject="限期拆除决定",
    copy_received="2026-09-28",
    outcome="revoked",
)
LITIGATION_SHEET = {
    "案号": LITIGATION["case_no"],
    "类型": "行政诉讼（本镇为被告）",
    "复议机关/受理法院": "江源县人民法院",
    "申请人/原告": "王某某",
    "被申请/被诉行政行为": "限期拆除决定",
    "收到申请书/起诉状副本日期": "2026-09-28",
    "结果": "撤销",
}


@pytest.mark.parametrize("how", ["form", "api", "import"])
def test_a_lost_case_is_marked_lost_however_it_is_created(world, client_for, how):
    if how == "form":
        form_post(client_for, Role.OFFICE, "/litigation/litigationcase/new/", LITIGATION)
    elif how == "api":
        api_post(client_for, Role.OFFICE, "/api/litigation-cases/", LITIGATION)
    else:
        import_rows(world, Role.OFFICE, "litigation.litigationcase", LITIGATION_SHEET)
    record = LitigationCase.objects.get(case_no=LITIGATION["case_no"])
    assert record.lost is True
    # 15 days for the defence (行政诉讼法 art. 67), from the copy received.
    assert record.answer_due.date > dt.date(2026, 9, 28)


def test_an_evaluation_adds_up_its_total_through_its_action(world):
    from fazhi.enforcement.actions import evaluate_case
    from tests.enforcement.factories import case

    scores = {name: points - 1 for name, _, points in CaseEvaluation.CHECKLIST}
    evaluation = evaluate_case(
        CaseEvaluation(
            township=world.township,
            case=case(world),
            evaluated_on=dt.date(2026, 9, 2),
            evaluator="评查组",
            **scores,
        )
    )
    assert (evaluation.total, evaluation.max_total) == (100 - len(scores), 100)
    evaluation.score_facts = 0
    evaluate_case(evaluation)
    assert CaseEvaluation.objects.get(pk=evaluation.pk).total == 100 - len(scores) - 19
