"""What the report says, area by area: each area's points list the figures (by registry code, in
the order a sentence states them) and the narrative blocks (reports.narrative) it is written from.

A point's body is a list of
- tuples — one sentence: its first figure decides whether the sentence is stated (non-zero), the
  others follow it; a breakdown family (registry.BREAKDOWNS) becomes "其中A x、B y"; a string that
  is not a code is a word said before the next figure ("全年");
- callables — a narrative sentence from the records.
The words of every figure are its `Indicator.sentence`; nothing here repeats them.
"""

from dataclasses import dataclass, field

from fazhi.education.models import OutreachActivity
from fazhi.reports import narrative as n

# The themes real reports single out with their own reach ("民法典…发放宣传资料8000余份，受教育群众5500余人").
T = OutreachActivity.Theme
THEMES = (T.CIVIL_CODE, T.CONSTITUTION, T.SECURITY)


@dataclass
class Point:
    heading: str
    lead: str
    body: list = field(default_factory=list)


@dataclass
class Area:
    key: str
    heading: str
    points: list[Point]


AREAS = [
    Area(
        "study",
        "深入学习贯彻习近平法治思想，筑牢法治建设思想根基",
        [
            Point(
                "",
                "把学习贯彻习近平法治思想作为党委理论学习中心组和干部职工日常学习的重要内容，推动习近平法治思想在基层落地见效。",
                [
                    n.central_group_topics,
                    ("全年", "study.sessions", "study.central_group_sessions", "study.attendees"),
                    n.trainings,
                    ("study.trainings",),
                    ("exams.count", "exams.participants", "exams.participation_rate", "exams.pass_rate"),
                ],
            )
        ],
    ),
    Area(
        "organisation",
        "加强组织领导，压实法治建设责任",
        [
            Point(
                "健全工作机制",
                "镇党委、政府把法治政府建设摆在全局工作的重要位置，将法治政府建设纳入全镇年度目标考核，定期研究部署、督促检查。",
                [
                    (
                        "全镇",
                        "org.villages",
                        "org.communities",
                        "org.villages_all",
                        "org.population",
                        "org.enterprises",
                        "org.party_members",
                    ),
                    ("org.staff_quota", "org.staff_actual"),
                    n.leading_group,
                    n.advisor_firms,
                    (
                        "org.advisors",
                        "org.villages_with_advisor",
                        "org.villages_with_advisor.by_kind",
                        "org.advisor_coverage",
                    ),
                ],
            )
        ],
    ),
    Area(
        "decisions",
        "坚持依法科学民主决策，严格落实重大行政决策程序",
        [
            Point(
                "严格执行重大行政决策法定程序",
                "坚持重大行政决策目录管理，严格履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序。",
                [
                    ("decisions.catalogue.published",),
                    (
                        "decisions.major.total",
                        "decisions.major.adopted",
                        "decisions.major.published",
                        "decisions.major.evaluated",
                    ),
                    n.major_decisions,
                ],
            ),
            Point(
                "发挥合法性审查把关作用",
                "坚持未经合法性审查或者经审查不合法的，不提交审议，充分发挥司法所和法律顾问的审查把关作用。",
                [
                    ("全年", "reviews.total", "reviews.by_kind"),
                    ("reviews.concluded", "reviews.unlawful_or_changed", "reviews.on_time_rate"),
                    ("contracts.total", "contracts.reviewed"),
                ],
            ),
        ],
    ),
    Area(
        "documents",
        "加强行政规范性文件管理，维护政令统一",
        [
            Point(
                "",
                "严格执行行政规范性文件起草、征求意见、合法性审核、集体审议、统一编号、公开发布和备案程序，做到有件必审、有错必纠。",
                [
                    ("documents.normative.published", "documents.normative.filed"),
                    (
                        "documents.cleanup.total",
                        "documents.cleanup.remaining",
                        "documents.cleanup.repealed",
                        "documents.cleanup.expired",
                        "documents.cleanup.to_amend",
                    ),
                    n.cleaned_documents,
                ],
            )
        ],
    ),
    Area(
        "enforcement",
        "坚持严格规范公正文明执法，全面落实行政执法三项制度",
        [
            Point(
                "规范执法主体和事项",
                "动态调整行政执法事项清单，落实执法人员持证上岗和资格管理制度。",
                [
                    ("enforcement.items.total", "enforcement.items.by_category"),
                    (
                        "enforcement.officers.total",
                        "enforcement.officers.by_origin",
                        "enforcement.officers.certified",
                        "enforcement.officers.certified_rate",
                    ),
                    ("全年", "enforcement.officers.applying"),
                ],
            ),
            Point(
                "全面落实行政执法三项制度",
                "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，执法文书和音像记录随案归档。",
                [
                    (
                        "全年",
                        "enforcement.cases.total",
                        "enforcement.cases.closed",
                        "enforcement.cases.full_record_rate",
                    ),
                    (
                        "enforcement.cases.major",
                        "enforcement.cases.reviewed",
                        "enforcement.cases.legal_review_rate",
                    ),
                    ("enforcement.evaluations.total", "enforcement.evaluations.average"),
                ],
            ),
            Point(
                "开展重点领域联合执法",
                "围绕道路交通、安全生产、环境保护等重点领域，整合执法力量开展联合执法和隐患排查整治。",
                [
                    n.joint_operations,
                    (
                        "enforcement.joint_operations.total",
                        "enforcement.vehicles_checked",
                        "enforcement.people_cautioned",
                        "enforcement.violations",
                    ),
                    *[
                        (
                            f"enforcement.joint_operations.by_kind.{kind}",
                            f"enforcement.vehicles_checked.by_kind.{kind}",
                            f"enforcement.people_cautioned.by_kind.{kind}",
                            f"enforcement.violations.{kind}",
                        )
                        for kind in ("five", "three", "other")
                    ],
                    (
                        "enforcement.inspections.total",
                        "enforcement.inspections.by_kind",
                        "enforcement.hazards.found",
                        "enforcement.hazards.rectified",
                        "enforcement.hazards.rectified_rate",
                    ),
                ],
            ),
        ],
    ),
    Area(
        "services_reform",
        "深化“放管服”改革，提升政务服务效能",
        [
            Point(
                "",
                "深入推进“放管服”改革和“互联网+政务服务”，推行“综窗受理”“一网通办”，让群众办事“最多跑一次”。",
                [
                    ("services.items", "services.online_items", "services.online_rate"),
                    (
                        "services.service_rooms",
                        "services.demonstration_points",
                        "services.demonstration_points.by_kind",
                        "services.proxy_staff",
                    ),
                    ("disclosure.items", "disclosure.township_items"),
                    (
                        "disclosure.requests",
                        "disclosure.requests_replied",
                        "disclosure.requests_on_time_rate",
                    ),
                ],
            )
        ],
    ),
    Area(
        "oversight",
        "自觉接受各方面监督，规范权力运行",
        [
            Point(
                "",
                "主动接受人大监督、政协民主监督和审计监督，畅通群众监督渠道，对群众反映的问题件件有回音。",
                [
                    ("hotline.total", "hotline.reply_rate", "hotline.satisfaction_rate"),
                    n.measures(("监督",)),
                ],
            )
        ],
    ),
    Area(
        "disputes",
        "坚持和发展新时代“枫桥经验”，依法化解矛盾纠纷",
        [
            Point(
                "扎实开展矛盾纠纷排查化解",
                "落实矛盾纠纷定期排查制度，推动人民调解、行政调解、司法调解衔接联动，做到“小事不出组，大事不出村，疑难纠纷不出镇”。",
                [
                    ("全年", "screening.rounds"),
                    (
                        "disputes.received",
                        "disputes.mediated",
                        "disputes.resolved",
                        "disputes.by_level",
                        "disputes.resolution_rate",
                    ),
                    ("disputes.judicial_confirmations",),
                    ("services.governance_centres", "services.fengqiao_offices"),
                    ("mediators.committees", "mediators.total", "mediators.full_time"),
                    ("mediators.trainings",),
                ],
            ),
            Point(
                "依法规范办理信访事项",
                "全面落实诉访分离制度，依法分类处理信访诉求，引导群众通过法定途径表达诉求。",
                [
                    ("petitions.total", "petitions.by_channel"),
                    ("petitions.group_visits", "petitions.litigation_routed"),
                    ("petitions.closed", "petitions.on_time_rate", "petitions.closed_by_channel"),
                    ("petitions.backlog",),
                    # Its own sentence: a backlog case resolved this year was received in an earlier one.
                    ("petitions.backlog_resolved",),
                ],
            ),
        ],
    ),
    Area(
        "litigation",
        "依法应对行政复议和行政诉讼，防范化解重大风险",
        [
            Point(
                "",
                "及时与法律顾问研究行政争议案件，对重大项目开展社会稳定风险评估。",
                [
                    ("litigation.cases", "litigation.reconsiderations", "litigation.lawsuits"),
                    ("litigation.decided", "litigation.lost"),
                    ("risk.assessments",),
                    ("risk.areas", "risk.reviews"),
                ],
            )
        ],
    ),
    Area(
        "education",
        "深化法治宣传教育，提升全民法治素养",
        [
            Point(
                "",
                "落实“谁执法谁普法”责任制，围绕宪法、民法典等主题，利用重要时间节点开展集中宣传。",
                [
                    ("全年", "education.activities.total", "education.by_venue"),
                    ("education.by_campaign",),
                    ("education.themed_day_activities",),
                    ("services.law_venues.by_kind",),
                    (
                        "education.materials",
                        "education.materials.by_venue",
                        "education.banners",
                        "education.led_screens",
                        "education.broadcasts",
                    ),
                    ("education.people_reached", "education.consultations"),
                    *[
                        (
                            f"education.materials.by_theme.{theme}",
                            f"education.people_reached.by_theme.{theme}",
                        )
                        for theme in THEMES
                    ],
                    ("liaisons.total", "liaisons.villages_meeting_target", "liaisons.target_rate"),
                    ("education.model_villages",),
                    n.measures(("宣传", "普法", "教育")),
                ],
            )
        ],
    ),
    Area(
        "legal_services",
        "完善公共法律服务体系，推进基层依法治理",
        [
            Point(
                "",
                "完善镇村两级公共法律服务阵地，落实“一村(社区)一法律顾问”制度。",
                [
                    ("services.legal_points", "services.legal_points.by_kind"),
                    ("advisors.services", "advisors.by_kind"),
                    ("legal_aid.consultations", "legal_aid.people", "legal_aid.referred"),
                    ("village_rules.total", "village_rules.filed"),
                    n.measures(("依法行政", "基层治理")),
                ],
            )
        ],
    ),
]

# Part 二: the concrete acts of the party secretary and the head, none of them stated in part 一.
FIRST_RESPONSIBLE_LEAD = (
    "镇党委书记、镇长自觉履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、"
    "重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。"
)
FIRST_RESPONSIBLE = [
    ("带头谋划部署。", [("duties.records", "duties.meetings"), n.duty_meetings]),
    ("带头尊法学法。", [("坚持党委会会前学法制度，全年", "study.pre_meeting_sessions"), n.pre_meeting_laws]),
    ("带头述职述法。", [("duties.law_reports",), n.law_reporters]),
    (
        "带头出庭应诉。",
        [("litigation.head_appearances", "litigation.head_appearance_rate"), n.court_appearances],
    ),
]


def all_sentences():
    """Every figure sentence spec, part 一 then part 二 (the baseline reader walks them in order)."""
    for area in AREAS:
        for point in area.points:
            yield from (item for item in point.body if isinstance(item, tuple))
    for _, body in FIRST_RESPONSIBLE:
        yield from (item for item in body if isinstance(item, tuple))
