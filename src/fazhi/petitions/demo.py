"""Demo petitions and 12345 tickets for 青山镇: about 100 petitions a year across the five channels,
most closed on time, a few late, one extended, three backlog cases (two resolved), and the
litigation-type items routed to legal procedure."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from simple_history.utils import bulk_create_with_history

from fazhi.core.demo import DemoContext
from fazhi.core.roles import Role
from fazhi.core.views import attach
from fazhi.petitions import rules
from fazhi.petitions.models import REPLY_STEP, HotlineTicket, Petition

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "建国秀英桂兰明华玉梅国强志强春生海燕小红德胜永福金凤长林红霞文斌丽娟"
SUBJECTS = [
    ("反映村道硬化后排水不畅", "suggestion"),
    ("建议增设村级公交站点", "suggestion"),
    ("反映村干部优亲厚友评定低保", "accusation"),
    ("反映企业夜间施工噪声扰民", "claim"),
    ("要求解决宅基地审批问题", "claim"),
    ("反映征地补偿款未足额发放", "claim"),
    ("要求落实退役军人优抚待遇", "claim"),
    ("反映养殖场污染水源", "claim"),
    ("要求支付拖欠的工程款", "claim"),
    ("反映惠农补贴发放不公", "accusation"),
    ("要求调处山林权属争议", "claim"),
    ("建议整治集镇占道经营", "suggestion"),
]
LITIGATION_SUBJECTS = ["不服法院民事判决要求改判", "对劳动仲裁裁决不服要求重新处理", "要求撤销不动产登记"]
CHANNELS = [("online", 62), ("letter", 6), ("phone", 4), ("fax", 1), ("visit", 27)]


def _name(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))


def build(ctx: DemoContext) -> None:
    if Petition.objects.filter(township=ctx.township).exists():
        return
    rng = ctx.rng("petitions")
    user = ctx.users[Role.PETITION]
    petitions = []
    for year, total in ((2025, 104), (2026, 93)):
        first, last = dt.date(year, 1, 1), (dt.date(year, 12, 31) if year < ctx.today.year else ctx.today)
        for _ in range(total):
            received = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
            petitions.append(_petition(ctx, rng, received))
    petitions.sort(key=lambda p: p.received)
    counters: dict[int, int] = {}
    for petition in petitions:
        counters[petition.received.year] = counters.get(petition.received.year, 0) + 1
        petition.number = f"XF{petition.received.year}-{counters[petition.received.year]:04d}"
    _special_cases(ctx, petitions)
    for petition in petitions:
        petition.refresh_dues()
    bulk_create_with_history(petitions, Petition, default_user=user, default_change_reason="演示数据")
    _reply_documents(ctx, user)
    _hotline(ctx, rng, user)
    for other in ctx.other_townships:
        _light(ctx, rng, other)


def _petition(ctx, rng, received, township=None):
    township = township or ctx.township
    channel = rng.choices([c for c, _ in CHANNELS], weights=[w for _, w in CHANNELS])[0]
    subject, kind = rng.choice(SUBJECTS)
    petition = Petition(
        township=township,
        received=received,
        channel=channel,
        origin=rng.choices(["direct", "transferred", "assigned"], weights=[70, 20, 10])[0],
        petitioner=_name(rng),
        phone=f"13{rng.randrange(10**9):09d}",
        subject=subject,
        kind=kind,
        content=f"{subject}，请求政府依法处理。",
        village=rng.choice(list(township.children.all()) if township != ctx.township else ctx.villages),
    )
    if channel == "visit" and rng.random() < 0.1:
        petition.group_visit, petition.visitors, petition.representatives = (
            True,
            rng.randint(6, 20),
            rng.randint(2, 5),
        )
    age = (ctx.today - received).days
    petition.notice_sent = received + dt.timedelta(days=rng.randint(1, 10))
    if rng.random() < 0.05:
        petition.litigation, petition.subject = True, rng.choice(LITIGATION_SUBJECTS)
        petition.state, petition.legal_route = Petition.State.LEGAL, "litigation"
        return petition
    if rng.random() < 0.03:
        petition.state = Petition.State.NOT_ACCEPTED
        return petition
    if age < 6:
        petition.notice_sent = None  # still within the notice period
        return petition
    petition.state, petition.accepted_on = Petition.State.ACCEPTED, petition.notice_sent
    handled = rng.randint(8, 50) if rng.random() < 0.94 else rng.randint(61, 75)  # a few closed late
    closed_on = petition.accepted_on + dt.timedelta(days=handled)
    if closed_on < ctx.today:
        petition.state, petition.closed_on, petition.replied_on = Petition.State.CLOSED, closed_on, closed_on
        petition.outcome = rng.choices(["support", "explain", "reject"], weights=[35, 55, 10])[0]
    return petition


def _special_cases(ctx, petitions):
    """One extension, three backlog cases (two resolved), two open petitions past their deadline."""
    people = ctx.people
    open_2026 = [p for p in petitions if p.state == Petition.State.ACCEPTED]
    closed_2025 = [p for p in petitions if p.state == Petition.State.CLOSED and p.received.year == 2025]
    extended = open_2026[0]
    extended.accepted_on = ctx.today - dt.timedelta(days=70)
    extended.received = extended.notice_sent = extended.accepted_on - dt.timedelta(days=3)
    extended.extended_on = extended.accepted_on + dt.timedelta(days=50)
    extended.extension_reason = "涉及多部门核查土地确权资料，需延长办理期限"
    extended.extension_approver = people["李文华"]
    for petition in [p for p in petitions if p.state == Petition.State.ACCEPTED and p is not extended][:2]:
        petition.accepted_on = ctx.today - dt.timedelta(days=66)  # overdue: still open after 60 days
        petition.received = min(petition.received, petition.accepted_on - dt.timedelta(days=5))
        petition.notice_sent = petition.accepted_on
    for petition, leader, resolved in (
        (closed_2025[3], "张卫东", dt.date(2026, 4, 16)),
        (closed_2025[9], "钱晓燕", dt.date(2026, 8, 28)),
        (closed_2025[15], "周建国", None),
    ):
        petition.backlog, petition.backlog_leader = True, people[leader]
        petition.backlog_plan = "包保领导每月接访一次，会同司法所、自然资源所逐项核实诉求，依法依规分类处置。"
        petition.backlog_resolved_on = resolved
        petition.review_requested_on = petition.replied_on + dt.timedelta(days=20)
        petition.review_replied_on = petition.review_requested_on + dt.timedelta(days=28)


def _reply_documents(ctx, user):
    """Every closed petition has its written reply attached, as the close guard requires of users."""
    closed = Petition.objects.filter(township=ctx.township, state=Petition.State.CLOSED)
    for petition in closed:
        text = (
            f"{ctx.township.government_name}\n信访事项处理意见书\n编号：{petition.number}\n"
            f"信访事由：{petition.subject}\n处理意见：{petition.get_outcome_display()}\n"
            f"如不服本处理意见，可自收到之日起{rules.REVIEW_REQUEST.effective_count}日内请求复查（{rules.REVIEW_REQUEST.article}）。\n"
            f"{petition.replied_on:%Y年%m月%d日}\n"
        )
        upload = SimpleUploadedFile(
            f"{petition.number}处理意见书.txt", text.encode(), content_type="text/plain"
        )
        attach(petition, upload, user, step=REPLY_STEP, kind="doc")


def _hotline(ctx, rng, user):
    tickets = []
    for year, total in ((2025, 156), (2026, 138)):
        first, last = dt.date(year, 1, 1), (dt.date(year, 12, 31) if year < ctx.today.year else ctx.today)
        for seq in range(1, total + 1):
            received = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
            ticket = HotlineTicket(
                township=ctx.township,
                ticket_no=f"12345-{year}{seq:05d}",
                received=received,
                due=received + dt.timedelta(days=5),
                category=rng.choices(
                    ["consult", "help", "complaint", "report", "suggestion"], weights=[35, 20, 30, 5, 10]
                )[0],
                caller=_name(rng),
                phone=f"13{rng.randrange(10**9):09d}",
                village=rng.choice(ctx.villages),
                content=rng.choice(
                    [
                        "路灯不亮",
                        "自来水停水",
                        "医保缴费咨询",
                        "流浪犬扰民",
                        "农村建房审批咨询",
                        "垃圾清运不及时",
                    ]
                ),
                handler=rng.choice(["便民服务中心", "综合行政执法大队", "党政办", "社会事务办"]),
            )
            if (ctx.today - received).days > 3:
                ticket.state, ticket.replied_on = (
                    HotlineTicket.State.REPLIED,
                    received + dt.timedelta(days=rng.randint(1, 6)),
                )
                ticket.reply = "已联系来电人并现场处理，问题已解决。"
                ticket.satisfaction = rng.choices(
                    ["satisfied", "basic", "unsatisfied", ""], weights=[78, 12, 4, 6]
                )[0]
            tickets.append(ticket)
    bulk_create_with_history(tickets, HotlineTicket, default_user=user)


def _light(ctx, rng, other):
    petitions = []
    for year in (2025, 2026):
        last = dt.date(year, 12, 31) if year < ctx.today.year else ctx.today
        for seq in range(1, rng.randint(30, 70)):
            received = dt.date(year, 1, 1) + dt.timedelta(
                days=rng.randrange((last - dt.date(year, 1, 1)).days + 1)
            )
            petition = _petition(ctx, rng, received, township=other)
            petition.number = f"XF{year}-{seq:04d}"
            petition.refresh_dues()
            petitions.append(petition)
    bulk_create_with_history(petitions, Petition)
