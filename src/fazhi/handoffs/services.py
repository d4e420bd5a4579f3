"""Hand-offs between ledgers, each one action: the source record goes through its own workflow
(refused → nothing changes), the target record is created through the same service as any other,
both histories say where the matter went, and the public tracking code follows it.

This module may use two ledger apps because it is not one (ledger apps do not import each other).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.handoffs.models import Handoff


def _link(kind, source, target, note, user) -> Handoff:
    return Handoff.objects.create(
        township_id=source.township_id,
        kind=kind,
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        note=note[:200],
        by=user,
    )


def _tell_office(target, office: str, text: str) -> None:
    from django.contrib.auth import get_user_model

    from fazhi.notify.services import head_of, notify, office_heads

    head = head_of(office_heads({target.township_id}), target.township_id, office)
    if head:
        notify(
            get_user_model().objects.get(pk=head),
            "public",
            target,
            text,
            key=f"handoff:{target._meta.label_lower}:{target.pk}",
        )


def dispute_to_petition(dispute, user, note: str):
    """调解不成，转信访渠道: the dispute fails (its workflow's guards and roles apply) and a petition is
    registered with the dispute's parties, claim and tracking code."""
    from fazhi.disputes.workflows import WORKFLOW as disputes
    from fazhi.petitions.actions import register_petition

    Petition = apps.get_model("petitions", "Petition")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请填写转信访的理由。")
    with transaction.atomic():
        dispute.outcome = dispute.Outcome.PETITION
        disputes.apply(dispute, "fail", user, {"note": f"转信访渠道：{note}"})
        petition = Petition(
            township_id=dispute.township_id,
            village_id=dispute.village_id,
            received=timezone.localdate(),
            channel=Petition.Channel.VISIT,
            origin=Petition.Origin.DIRECT,
            petitioner=dispute.parties[:100],
            phone=dispute.phone,
            subject=f"{dispute.get_type_display()}（矛盾纠纷{dispute.number}转入）"[:120],
            content=dispute.summary,
            tracking_code=dispute.tracking_code,
        )
        register_petition(petition, user, reason=f"由矛盾纠纷 {dispute.number} 调解不成转入：{note}")
        _link(Handoff.Kind.DISPUTE_TO_PETITION, dispute, petition, note, user)
    _tell_office(
        petition, "信访办", f"矛盾纠纷 {dispute.number} 调解不成，已转为信访事项 {petition.number}。"
    )
    return petition


def petition_to_litigation(petition, user, route: str, organ: str, note: str):
    """诉访分离: the petition is routed to its legal procedure (its workflow's guards apply) and, for
    a reconsideration or a suit against the township, a 行政复议/诉讼 case is opened and linked."""
    from fazhi.litigation.actions import file_case
    from fazhi.petitions.workflows import WORKFLOW as petitions

    Case = apps.get_model("litigation", "LitigationCase")
    kinds = {"reconsideration": Case.Kind.RECONSIDERATION, "litigation": Case.Kind.LITIGATION}
    if route not in kinds:
        raise ValidationError("只有导入行政复议或行政诉讼的信访事项转入复议应诉台账。")
    if not (organ or "").strip():
        raise ValidationError("请填写复议机关或受理法院。")
    with transaction.atomic():
        petition.litigation = True
        petition.legal_route = route
        petitions.apply(petition, "route-legal", user, {"legal_route": route, "note": note})
        case = Case(
            township_id=petition.township_id,
            village_id=petition.village_id,
            case_no=f"待编号（信访{petition.number}导入）"[:60],
            kind=kinds[route],
            organ=organ.strip()[:80],
            applicant=petition.petitioner[:120],
            subject=petition.subject[:200],
            copy_received=timezone.localdate(),
        )
        file_case(
            case, user, reason=f"由信访事项 {petition.number} 导入法律程序（诉访分离）：{note}".strip("：")
        )
        _link(Handoff.Kind.PETITION_TO_LITIGATION, petition, case, note or route, user)
    _tell_office(
        case,
        "党政办(应诉)",
        f"信访事项 {petition.number} 已导入{case.get_kind_display()}，请在期限内答复/答辩。",
    )
    return case


def public_note(record) -> dict:
    """core.public hook: what the public tracking page adds about a matter that moved on."""
    moved = Handoff.objects.filter(
        source_type=ContentType.objects.get_for_model(record), source_id=record.pk
    ).first()
    if moved is None:
        return {}
    target = moved.target
    if moved.kind == Handoff.Kind.DISPUTE_TO_PETITION:
        return {"后续办理": f"已转为信访事项（编号{target.number}），可凭同一查询码在“信访进度查询”中查看。"}
    return {"后续办理": f"已导入法律程序：{target.get_kind_display()}（{target.organ}）。"}
