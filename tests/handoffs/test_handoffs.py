"""Hand-offs: a dispute that becomes a petition, a petition that is litigation (诉访分离) — one action
links both records, keeps both histories, and the public tracking code follows."""

import datetime as dt

import pytest
from django.test import Client

from fazhi.core.roles import Role
from fazhi.core.workflow import Refused
from fazhi.disputes.actions import register_dispute
from fazhi.disputes.models import Dispute
from fazhi.handoffs import services
from fazhi.handoffs.models import Handoff
from fazhi.petitions.actions import register_petition
from fazhi.petitions.models import Petition

pytestmark = pytest.mark.django_db


def dispute(world, **kwargs):
    from fazhi.disputes.models import MediationCommittee, Mediator

    committee = MediationCommittee.objects.create(
        township=world.township, name="调委会", term_start=dt.date(2025, 1, 1)
    )
    mediator = Mediator.objects.create(township=world.township, committee=committee, name="刘德明")
    record = Dispute(
        township=world.township,
        village=world.villages[0],
        received=dt.date(2026, 11, 2),
        type="land",
        parties="张三丰、李四光",
        phone="13912345678",
        summary="承包地边界争议，多次调解不成",
        mediator=mediator,
        state="mediating",
        tracking_code="TJABCDEFGH",
        **kwargs,
    )
    return register_dispute(record)


def test_dispute_becomes_a_petition_in_one_action(world, client_for):
    source = dispute(world)
    response = client_for(Role.MEDIATOR).post(
        f"/handoffs/dispute/{source.pk}/", {"note": "当事人要求信访部门处理"}
    )
    assert response.status_code == 302
    source.refresh_from_db()
    petition = Petition.objects.get(tracking_code="TJABCDEFGH")
    assert response["Location"] == petition.get_absolute_url()
    assert source.state == "failed" and source.outcome == "petition"
    assert petition.petitioner == "张三丰、李四光" and source.number in petition.subject
    assert "转信访渠道：当事人要求信访部门处理" in source.history.latest().history_change_reason
    assert source.number in petition.history.latest().history_change_reason
    assert Handoff.objects.get().target == petition
    # the 信访办 hears of it
    from fazhi.notify.models import Notification

    assert Notification.objects.filter(
        user=world.users[Role.PETITION], url=petition.get_absolute_url()
    ).exists()
    # the public tracking code follows: the same code finds the petition, and the dispute says where it went
    public = Client()
    page = public.get("/public/petitions/track/?code=TJABCDEFGH").content.decode()
    assert petition.number in page and "张*丰" in page and "张三丰" not in page
    page = public.get("/public/disputes/track/?code=TJABCDEFGH").content.decode()
    assert f"已转为信访事项（编号{petition.number}）" in page


def test_refused_hand_off_changes_nothing(world, client_for):
    source = dispute(world)
    Dispute.objects.filter(pk=source.pk).update(state="registered")
    source.refresh_from_db()
    with pytest.raises(Refused):
        services.dispute_to_petition(source, world.users[Role.MEDIATOR], "转信访")
    assert not Petition.objects.exists() and not Handoff.objects.exists()
    assert Dispute.objects.get(pk=source.pk).outcome == ""
    page = (
        client_for(Role.ENFORCEMENT).post(f"/handoffs/dispute/{source.pk}/", {"note": "x"}).content.decode()
    )
    assert "alert-danger" in page and not Petition.objects.exists()
    page = client_for(Role.MEDIATOR).post(f"/handoffs/dispute/{source.pk}/", {"note": ""}).content.decode()
    assert "请填写转信访的理由" in page


def test_petition_routed_to_litigation_opens_a_linked_case(world, client_for):
    from fazhi.litigation.models import LitigationCase

    petition = Petition(
        township=world.township,
        received=dt.date(2026, 11, 20),
        channel="visit",
        petitioner="王五",
        subject="不服镇政府拆除决定",
        content="要求撤销",
        tracking_code="XFZZZZZZZZ",
    )
    register_petition(petition)
    client = client_for(Role.PETITION)
    page = client.post(f"/handoffs/petition/{petition.pk}/", {"route": "reconsideration", "organ": ""})
    assert "请填写复议机关" in page.content.decode()
    response = client.post(
        f"/handoffs/petition/{petition.pk}/",
        {"route": "reconsideration", "organ": "江源县人民政府", "note": "属行政复议范围"},
    )
    case = LitigationCase.objects.get()
    assert response["Location"] == case.get_absolute_url()
    petition.refresh_from_db()
    assert petition.state == "legal" and petition.litigation and petition.legal_route == "reconsideration"
    assert case.applicant == "王五" and case.kind == "reconsideration" and petition.number in case.case_no
    page = Client().get("/public/petitions/track/?code=XFZZZZZZZZ").content.decode()
    assert "已导入法律程序：行政复议" in page


def test_detail_pages_offer_the_hand_off(world, client_for):
    source = dispute(world)
    page = client_for(Role.MEDIATOR).get(source.get_absolute_url()).content.decode()
    assert f"/handoffs/dispute/{source.pk}/" in page
