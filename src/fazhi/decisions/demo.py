"""Demo catalogues and major decisions for 青山镇 (2025 in full, 2026 to date) and a lighter set elsewhere."""

import datetime as dt

from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.decisions.models import DecisionCatalogue, DecisionStep, MajorDecision
from fazhi.decisions.services import mark_step
from fazhi.decisions.workflows import catalogue_workflow, workflow
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import complete_review, request_review

D = dt.date
Cat = MajorDecision.Category
# (title, category, sponsor, how far it got, procedures not applicable)
DECISIONS = {
    2025: [
        ("青山镇农村生活污水治理三年行动方案", Cat.PLAN, "农业农村办", "evaluated", ()),
        ("青山镇集镇农贸市场提升改造项目", Cat.PROJECT, "党政办", "implementing", ("experts",)),
        ("青山镇茶产业发展扶持办法", Cat.POLICY, "经济发展办", "implementing", ()),
        ("青山镇农村宅基地审批管理实施细则", Cat.RESOURCE, "自然资源所", "published", ("risk",)),
    ],
    2026: [
        ("青山镇乡村旅游发展规划（2026—2030年）", Cat.PLAN, "文旅办", "adopted", ()),
        ("青山镇老旧小区改造实施方案", Cat.PROJECT, "城建办", "reviewing", ()),
        ("青山镇困难群众临时救助实施办法", Cat.POLICY, "社会事务办", "drafting", ("experts",)),
    ],
}
ORDER = ["drafting", "reviewing", "discussion", "adopted", "published", "implementing", "evaluated"]


def build(ctx):
    if DecisionCatalogue.objects.filter(township=ctx.township).exists():
        return
    office, judicial = ctx.users[Role.OFFICE], ctx.users[Role.JUDICIAL]
    for year, items in DECISIONS.items():
        catalogue = _catalogue(ctx.township, year, office)
        for i, (title, category, sponsor, target, skipped) in enumerate(items):
            start = D(year, 3 + 2 * i, 6)
            if year == 2026 and target == "drafting":
                start = ctx.today - dt.timedelta(days=12)  # its comment window is open now
            _decision(ctx, catalogue, title, category, sponsor, target, skipped, start, office, judicial)
    for other in ctx.other_townships:
        catalogue = _catalogue(other, 2025, None)
        _decision(
            ctx,
            catalogue,
            f"{other.name}人居环境整治实施方案",
            Cat.PLAN,
            "党政办",
            "published",
            ("experts",),
            D(2025, 4, 7),
            None,
            None,
        )


def _catalogue(township, year, user):
    catalogue = DecisionCatalogue(
        township=township, year=year, party_approved_on=D(year, 2, 10), published_on=D(year, 2, 14)
    )
    save_record(catalogue, user, reason="编制目录")
    return catalogue_workflow.apply(catalogue, "publish", user)


def _decision(ctx, catalogue, title, category, sponsor, target, skipped, start, office, judicial):
    decision = MajorDecision(
        township=catalogue.township,
        catalogue=catalogue,
        title=title,
        category=category,
        sponsor=sponsor,
        summary=f"为推动{title.removeprefix(catalogue.township.name)}，{sponsor}牵头起草决策草案，明确目标任务、实施步骤和保障措施。",
        comment_start=start,
        comment_end=start + dt.timedelta(days=30),
        offline_comments=3,
    )
    save_record(decision, office, reason="登记决策事项")
    reached = ORDER.index(target)
    for code in ("participation", "experts", "risk"):
        if target == "drafting" and code != "experts":
            break
        if code in skipped:
            mark_step(
                decision,
                code,
                DecisionStep.Status.NOT_APPLICABLE,
                office,
                note="事项技术性不强，经分管领导同意不开展。",
            )
        else:
            note = {
                "participation": "通过政府网站和村务公开栏征求意见。",
                "experts": "邀请3名专家论证。",
                "risk": "社会稳定风险评估为低风险。",
            }[code]
            mark_step(
                decision,
                code,
                DecisionStep.Status.DONE,
                office,
                note=note,
                done_on=start + dt.timedelta(days=32),
            )
    if reached < 1:
        return decision
    decision.comment_handling = "共收到意见若干条，采纳大部分意见，未采纳意见已说明理由。"
    requested = start + dt.timedelta(days=35)
    request_review(
        decision,
        kind=LegalityReview.Kind.DECISION,
        title=title,
        user=office,
        requested_on=requested,
        submitted_by=sponsor,
    )
    workflow.apply(decision, "send_review", office, {"user": office})
    if reached < 2:
        return decision
    review = LegalityReview.objects.get(
        object_id=decision.pk, content_type__model="majordecision", state__in=LegalityReview.OPEN
    )
    complete_review(
        review,
        judicial,
        conclusion=LegalityReview.Conclusion.LAWFUL_AFTER_CHANGES
        if len(title) % 2
        else LegalityReview.Conclusion.LAWFUL,
        on=requested + dt.timedelta(days=9),
    )
    workflow.apply(decision, "submit", office)
    decision.meeting, decision.meeting_date = "镇党政联席会议", requested + dt.timedelta(days=20)
    decision.attendees = "周建国、李文华、张卫东、钱晓燕等班子成员9人，司法所、承办单位负责人列席"
    decision.dissent = "" if len(title) % 3 else "1名班子成员对资金安排提出不同意见，已记录在案。"
    decision.decision_text = (
        f"会议原则通过《{title.removeprefix(catalogue.township.name)}》，由{sponsor}负责组织实施。"
    )
    decision.party_reported_on = decision.meeting_date - dt.timedelta(days=3)
    workflow.apply(decision, "adopt", office)
    for name, field, days in (
        ("publish", "published_on", 5),
        ("implement", None, 10),
        ("evaluate", "evaluated_on", 300),
    ):
        if reached <= ORDER.index(workflow.get(name).source[0]):
            break
        if field:
            setattr(decision, field, decision.meeting_date + dt.timedelta(days=days))
        if name == "publish":
            decision.publication_channel = "镇政府门户网站、政务公开栏"
        if name == "evaluate":
            decision.evaluation = "委托第三方开展决策后评估，决策目标基本实现，群众满意度较高。"
        workflow.apply(decision, name, office)
    return decision
