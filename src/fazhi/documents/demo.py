"""Demo normative documents, one finished cleanup campaign and contracts for 青山镇 (plus a lighter set
for the other townships of the county)."""

import datetime as dt
from decimal import Decimal

from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.documents import services
from fazhi.documents.models import CleanupCampaign, CleanupItem, Contract, NormativeDocument
from fazhi.documents.workflows import cleanup_workflow, contract_workflow, document_workflow
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import complete_review, request_review, reviews_of

D = dt.date
Outcome = CleanupItem.Outcome
# Documents made before the system was used, all in the 2025 cleanup: (year, title, outcome)
OLD_DOCUMENTS = [
    (2019, "青山镇村级财务管理办法", Outcome.REPEAL),
    (2019, "青山镇农村建房管理暂行办法", Outcome.EXPIRE),
    (2020, "青山镇森林防火管理规定", Outcome.CONTINUE),
    (2020, "青山镇集镇环境卫生管理办法", Outcome.AMEND),
    (2020, "青山镇殡葬管理实施细则", Outcome.CONTINUE),
    (2021, "青山镇农村公路养护管理办法", Outcome.CONTINUE),
    (2021, "青山镇扶贫资金管理办法", Outcome.REPEAL),
    (2021, "青山镇河道管理办法", Outcome.CONTINUE),
    (2022, "青山镇城乡居民医疗救助实施细则", Outcome.REPEAL),
    (2022, "青山镇农贸市场管理办法", Outcome.CONTINUE),
    (2022, "青山镇村级公益事业一事一议实施办法", Outcome.CONTINUE),
    (2023, "青山镇农村集体资产管理办法", Outcome.CONTINUE),
    (2023, "青山镇新冠肺炎疫情防控补助办法", Outcome.REPEAL),
    (2024, "青山镇茶叶品牌保护办法", Outcome.CONTINUE),
    (2024, "青山镇村规民约备案审查办法", Outcome.CONTINUE),
]
REASONS = {
    Outcome.REPEAL: "上位法已修改，不再适用",
    Outcome.EXPIRE: "调整对象已消失",
    Outcome.AMEND: "部分条款与新修订的上位法不一致",
}
# New documents walked through the workflow: (title, market related, how far, start)
NEW_DOCUMENTS = [
    ("青山镇民宿经营管理办法", True, "filed", D(2025, 3, 3)),
    ("青山镇农村人居环境长效管护办法", False, "published", D(2026, 6, 1)),
    ("青山镇集体经营性建设用地入市管理办法", True, "consulting", None),
    ("青山镇志愿服务激励办法", False, "drafting", D(2026, 10, 20)),
]
CONTRACT_TITLES = [
    ("青山村道路硬化工程施工合同", "construction", "江源县路桥建设有限公司"),
    ("镇政府办公设备采购合同", "procurement", "云州华信科技有限公司"),
    ("茶园村集体山林承包合同", "land", "陈国强"),
    ("集镇保洁服务外包合同", "service", "江源县洁美环境服务有限公司"),
    ("石桥村文化礼堂建设工程合同", "construction", "云州建工集团有限公司"),
    ("农贸市场摊位租赁合同", "lease", "刘桂芳"),
    ("乡村旅游项目招商引资协议", "investment", "云州青山文旅发展有限公司"),
    ("柳塘村土地经营权流转合同", "land", "江源县绿源农业专业合作社"),
    ("镇法律顾问服务合同", "service", "云州明正律师事务所"),
    ("龙泉村饮水工程维修合同", "construction", "江源县水利工程有限公司"),
]


def build(ctx):
    if NormativeDocument.objects.filter(township=ctx.township).exists():
        return
    office, judicial = ctx.users[Role.OFFICE], ctx.users[Role.JUDICIAL]
    rng = ctx.rng("documents")
    old = []
    for i, (year, title, _) in enumerate(OLD_DOCUMENTS):
        old.append(_old_document(ctx.township, title, D(year, 3 + i % 8, 10 + i), i % 3 + 1, office))
    _cleanup(ctx.township, old, office)
    for title, market, target, start in NEW_DOCUMENTS:
        _new_document(
            ctx, title, market, target, start or ctx.today - dt.timedelta(days=10), office, judicial
        )
    _contracts(ctx, rng, office, judicial)
    for other in ctx.other_townships:
        other.doc_prefix = other.doc_prefix or f"{other.name[:1]}府发"
        other.save(update_fields=["doc_prefix"])
        docs = [
            _old_document(other, f"{other.name}{name}", D(2021 + k, 5, 12), k + 1, None)
            for k, name in enumerate(["村级财务管理办法", "河道管理办法", "集镇环境卫生管理办法"])
        ]
        _cleanup(other, docs, None, outcomes=[Outcome.CONTINUE, Outcome.REPEAL, Outcome.CONTINUE])


def _old_document(township, title, published, number, user):
    doc = NormativeDocument(
        township=township,
        title=title,
        sponsor="党政办",
        state=NormativeDocument.State.FILED,
        published_on=published,
        valid_from=published,
        filed_on=published + dt.timedelta(days=9),
        filing_authority="江源县人民政府",
        meeting="镇党政联席会议",
        meeting_date=published - dt.timedelta(days=5),
    )
    services.assign_number(doc, published, number)
    doc.valid_until = services.default_valid_until(doc)
    return save_record(doc, user, reason="历史文件补录")


def _cleanup(township, documents, user, outcomes=None):
    campaign = save_record(
        CleanupCampaign(
            township=township,
            title="2025年度行政规范性文件集中清理",
            basis="江源县依法治县办关于开展行政规范性文件清理工作的通知",
            started_on=D(2025, 6, 2),
        ),
        user,
    )
    services.add_documents_in_force(campaign, user)
    outcomes = outcomes or [o for _, _, o in OLD_DOCUMENTS]
    for item, outcome in zip(campaign.items.order_by("id"), outcomes, strict=True):
        services.set_outcome(item, outcome, REASONS.get(outcome, ""), user)
    cleanup_workflow.apply(campaign, "conclude", user, {"user": user, "on": D(2025, 8, 15)})
    cleanup_workflow.apply(campaign, "publish", user, {"on": D(2025, 8, 25)})


def _new_document(ctx, title, market, target, start, office, judicial):
    doc = NormativeDocument(
        township=ctx.township,
        title=title,
        sponsor="党政办",
        market_related=market,
        summary=f"为规范{title[3:-2]}工作，结合本镇实际，制定本办法。共五章二十条。",
        comment_start=start,
        comment_end=start + dt.timedelta(days=31 if market else 14),
    )
    save_record(doc, office, reason="起草")
    if target == "drafting":
        return doc
    document_workflow.apply(doc, "consult", office)
    if target == "consulting":
        return doc
    requested = doc.comment_end + dt.timedelta(days=2)
    request_review(
        doc,
        kind=LegalityReview.Kind.DOCUMENT,
        title=title,
        user=office,
        requested_on=requested,
        submitted_by="党政办",
    )
    document_workflow.apply(doc, "send_review", office, {"user": office})
    review = reviews_of(doc).get()
    complete_review(
        review,
        judicial,
        conclusion=LegalityReview.Conclusion.LAWFUL_AFTER_CHANGES,
        on=requested + dt.timedelta(days=8),
        changes="删除增设行政许可的条款。",
    )
    document_workflow.apply(doc, "submit", office)
    doc.meeting, doc.meeting_date = "镇党政联席会议", requested + dt.timedelta(days=15)
    doc.valid_from = doc.meeting_date + dt.timedelta(days=10)
    doc.comment_handling = "共收到意见6条，采纳4条。"
    document_workflow.apply(doc, "publish", office, {"on": doc.meeting_date + dt.timedelta(days=3)})
    if target == "filed":
        doc.filed_on, doc.filing_authority = doc.published_on + dt.timedelta(days=10), "江源县人民政府"
        document_workflow.apply(doc, "file", office)
    return doc


def _contracts(ctx, rng, office, judicial):
    served = {v.name: v for v in ctx.villages}
    start, span = D(2025, 1, 6), (ctx.today - D(2025, 1, 6)).days
    total = 30
    for i in range(total):
        title, kind, party = CONTRACT_TITLES[i % len(CONTRACT_TITLES)]
        village = served.get(title[:3]) if title[:3] in served else None
        registered = start + dt.timedelta(days=span * i // total)
        contract = Contract(
            township=ctx.township,
            village=village,
            title=f"{title}（{registered.year}-{i + 1:02d}）",
            kind=kind,
            counterparty=party,
            amount=Decimal(rng.randrange(20, 3000) * 1000),
            registered_on=registered,
            end_on=registered + dt.timedelta(days=365),
        )
        save_record(contract, office, reason="登记合同")
        if i >= total - 2:
            continue  # the newest are still being drafted
        request_review(
            contract,
            kind=LegalityReview.Kind.CONTRACT,
            title=f"{contract.title}（{party}）",
            user=office,
            requested_on=registered,
            submitted_by=village.name if village else "党政办",
        )
        contract_workflow.apply(contract, "send_review", office, {"user": office})
        if i >= total - 5:
            continue  # under review now
        review = reviews_of(contract).get()
        conclusion = (
            LegalityReview.Conclusion.LAWFUL_AFTER_CHANGES if i % 4 == 0 else LegalityReview.Conclusion.LAWFUL
        )
        complete_review(
            review,
            judicial,
            conclusion=conclusion,
            on=registered + dt.timedelta(days=rng.choice([4, 6, 8, 9, 13])),
            changes="完善违约责任和争议解决条款。" if i % 4 == 0 else "",
        )
        contract_workflow.apply(contract, "sign", office, {"on": review.concluded_on + dt.timedelta(days=3)})
        contract_workflow.apply(contract, "perform", office)
        if registered.year == 2025 and i % 3:
            contract.performance = "已按约定履行完毕，款项已结清。"
            contract_workflow.apply(contract, "complete", office)
