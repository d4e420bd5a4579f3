"""Demo legality reviews of "other legal matters" (招商引资, 信访答复, 村规民约…). Reviews of decisions,
documents and contracts are created by those ledgers' demo builders through request_review."""

import datetime as dt

from fazhi.core.roles import Role
from fazhi.core.services import save_record
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import advisor_for, complete_review
from fazhi.reviews.workflows import workflow

C = LegalityReview.Conclusion
MATTERS = [
    ("青山镇茶旅融合项目招商引资协议", "党政办", C.LAWFUL_AFTER_CHANGES),
    ("关于王某某宅基地确权信访事项的答复意见", "信访办", C.LAWFUL),
    ("石桥村村规民约（修订稿）", "石桥村", C.LAWFUL_AFTER_CHANGES),
    ("青山镇农贸市场摊位租赁招标文件", "便民服务中心", C.LAWFUL),
    ("关于张某某土地承包经营纠纷信访事项的处理意见", "信访办", C.LAWFUL),
    ("柳塘村集体经济组织章程", "柳塘村", C.LAWFUL),
    ("青山镇光伏发电项目投资框架协议", "党政办", C.UNLAWFUL),
    ("青山镇政府信息公开申请答复书（2025第7号）", "党政办", C.LAWFUL),
    ("枫林村村规民约", "枫林村", C.LAWFUL),
    ("青山镇文旅综合体项目招商引资补充协议", "党政办", C.LAWFUL_AFTER_CHANGES),
    ("关于李某某拆迁补偿信访事项的复查意见", "信访办", None),
    ("龙泉村村规民约（修订稿）", "龙泉村", None),
]


def build(ctx):
    if LegalityReview.objects.filter(township=ctx.township, kind=LegalityReview.Kind.OTHER).exists():
        return
    rng = ctx.rng("reviews")
    judicial = ctx.users[Role.JUDICIAL]
    villages = {v.name: v for v in ctx.villages}
    start = dt.date(2025, 1, 10)
    span = (ctx.today - start).days
    for i, (title, office, conclusion) in enumerate(MATTERS):
        requested = (
            ctx.today - dt.timedelta(days=rng.randint(1, 4))
            if conclusion is None
            else (start + dt.timedelta(days=span * i // len(MATTERS) + rng.randint(0, 20)))
        )
        review = LegalityReview(
            township=ctx.township,
            village=villages.get(office),
            kind=LegalityReview.Kind.OTHER,
            subject_title=title,
            submitted_by=office,
            requested_on=requested,
            summary=f"{office}送审：{title}",
        )
        review.due_on = review.compute_due().date
        save_record(review, judicial, reason="送审")
        if conclusion is not None:
            took = rng.choice([3, 5, 6, 8, 9, 12])  # most within the window, a few late
            complete_review(review, judicial, conclusion=conclusion, on=requested + dt.timedelta(days=took))
        elif review.village is not None:
            review.advisor = advisor_for(ctx.township, review.village, requested)
            workflow.apply(review, "assign", judicial)
    for other in ctx.other_townships:
        user = None
        for i in range(rng.randint(2, 5)):
            review = LegalityReview(
                township=other,
                kind=LegalityReview.Kind.OTHER,
                subject_title=f"{other.name}招商引资协议（{i + 1}）",
                submitted_by="党政办",
                requested_on=dt.date(2025, 3 + i, 10),
            )
            review.due_on = review.compute_due().date
            save_record(review, user, reason="送审")
            complete_review(
                review,
                user,
                conclusion=C.LAWFUL,
                on=review.requested_on + dt.timedelta(days=rng.randint(4, 12)),
            )
