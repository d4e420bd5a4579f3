"""compose(township, year): the report's structure, written from the indicators registry and the
ReportItem register, in the style of the real samples (shared/samples/reports).

Figures are never typed: the text carries tokens {{fig:<code>}} bound to fazhi.indicators.registry.
A sentence is written only when its figures are registered and its leading figure is not zero; an
area with nothing to say gets a notice for the editor (never exported) instead of invented text.
"""

import re
from dataclasses import dataclass, field

from fazhi.indicators.registry import REGISTRY, Scope, compute_all
from fazhi.reports.models import ReportItem

TOKEN = re.compile(r"\{\{fig:([A-Za-z0-9_.\-]+)\}\}")
_PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)\}")
NOTICE_EMPTY = "本年度该领域台账暂无记录，请补充台账或删除本节。"


@dataclass
class Point:
    """A measure: a heading sentence, what was done, and sentences with figures ({code} placeholders)."""

    heading: str
    lead: str
    sentences: list[str] = field(default_factory=list)
    breakdowns: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (total code, prefix of parts, unit)


@dataclass
class Area:
    key: str
    heading: str
    points: list[Point]


AREAS = [
    Area(
        "organisation",
        "加强组织领导，压实法治建设责任",
        [
            Point(
                "健全工作机制",
                "镇党委、政府把法治政府建设摆在全局工作的重要位置，成立由镇党委书记任组长、镇长任常务副组长的法治政府建设领导小组，"
                "将法治政府建设纳入全镇年度目标考核，定期研究部署、督促检查。",
                [
                    "全镇辖{org.villages}个行政村、{org.communities}个社区。",
                    "镇政府和各村(社区)共聘请法律顾问{org.advisors}名。",
                    "村(社区)法律顾问覆盖率达{org.advisor_coverage}%。",
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
                    "全年纳入目录管理的重大行政决策{decisions.major.total}项，经集体讨论决定{decisions.major.adopted}项。"
                ],
            ),
            Point(
                "发挥合法性审查把关作用",
                "坚持未经合法性审查或者经审查不合法的，不提交审议，充分发挥司法所和法律顾问的审查把关作用。",
                [
                    "全年开展合法性审查{reviews.total}件，提出修改意见或认定不合法{reviews.unlawful_or_changed}件。",
                    "合法性审查按期办结率达{reviews.on_time_rate}%。",
                    "审查各类合同{contracts.reviewed}份。",
                ],
            ),
        ],
    ),
    Area(
        "documents",
        "加强行政规范性文件管理，维护政令统一",
        [
            Point(
                "规范文件制定和清理",
                "严格执行行政规范性文件起草、征求意见、合法性审核、集体审议、统一编号、公开发布和备案程序，做到有件必审、有错必纠。",
                [
                    "全年制定发布行政规范性文件{documents.normative.published}件。",
                    "清理行政规范性文件{documents.cleanup.total}件，其中继续有效{documents.cleanup.remaining}件，"
                    "废止{documents.cleanup.repealed}件，失效{documents.cleanup.expired}件，拟修改{documents.cleanup.to_amend}件。",
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
                    "梳理公布行政执法事项{enforcement.items.total}项。",
                    "全镇现有行政执法人员{enforcement.officers.total}名。",
                    "执法人员持证率达{enforcement.officers.certified_rate}%。",
                ],
                [("enforcement.items.total", "enforcement.items.by_category.", "项")],
            ),
            Point(
                "全面落实行政执法三项制度",
                "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，执法文书和音像记录随案归档。",
                ["全年办理行政执法案件{enforcement.cases.total}件，办结{enforcement.cases.closed}件。"],
            ),
            Point(
                "开展重点领域联合执法",
                "围绕道路交通、安全生产、环境保护等重点领域，整合执法力量开展联合执法和隐患排查整治。",
                [
                    "开展联合执法行动{enforcement.joint_operations.total}次。",
                    "检查车辆{enforcement.vehicles_checked}辆。",
                    "排查安全隐患{enforcement.hazards.found}处，已整改{enforcement.hazards.rectified}处。",
                ],
            ),
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
                    "全年开展矛盾纠纷排查{screening.rounds}次。",
                    "全年共受理矛盾纠纷{disputes.received}起，成功化解{disputes.resolved}起，化解率达{disputes.resolution_rate}%。",
                    "全镇现有人民调解员{mediators.total}名。",
                ],
            ),
            Point(
                "依法规范办理信访事项",
                "全面落实诉访分离制度，依法分类处理信访诉求，引导群众通过法定途径表达诉求。",
                [
                    "全年办理信访事项{petitions.total}件。",
                    "信访事项按期办结率达{petitions.on_time_rate}%。",
                    "办理政务服务便民热线工单{hotline.total}件。",
                ],
                [("petitions.total", "petitions.by_channel.", "件")],
            ),
        ],
    ),
    Area(
        "litigation",
        "依法应对行政复议和行政诉讼，防范化解重大风险",
        [
            Point(
                "做好行政争议化解",
                "及时与法律顾问研究行政争议案件，落实行政机关负责人出庭应诉制度，对重大项目开展社会稳定风险评估。",
                [
                    "全年涉及行政复议、行政诉讼案件{litigation.cases}件，败诉{litigation.lost}件。",
                    "行政机关负责人出庭应诉率达{litigation.head_appearance_rate}%。",
                    "开展社会稳定风险评估{risk.assessments}次。",
                ],
            )
        ],
    ),
    Area(
        "education",
        "深化法治宣传教育，提升全民法治素养",
        [
            Point(
                "抓住“关键少数”带头学法",
                "坚持党委理论学习中心组学法和党委会、政府常务会会前学法制度，领导干部带头尊法学法守法用法。",
                [
                    "全年组织领导干部学法{study.sessions}次，其中会前学法{study.pre_meeting_sessions}次。",
                    "法治理论考试合格率达{exams.pass_rate}%。",
                ],
            ),
            Point(
                "深入开展法治宣传“六进”活动",
                "落实“谁执法谁普法”责任制，围绕宪法、民法典等主题，利用重要时间节点开展集中宣传。",
                [
                    "全年开展法治宣传活动{education.activities.total}场次，发放宣传资料{education.materials}份，受教育群众{education.people_reached}人次。",
                    "培育“法律明白人”{liaisons.total}名。",
                ],
            ),
        ],
    ),
    Area(
        "services",
        "优化公共法律服务，推进政务公开",
        [
            Point(
                "提升法律服务和政务公开水平",
                "完善镇村两级公共法律服务阵地，落实“一村(社区)一法律顾问”制度，依法主动公开政府信息。",
                [
                    "法律顾问全年提供法律服务{advisors.services}次。",
                    "解答法律援助咨询{legal_aid.consultations}件。",
                    "主动公开政府信息{disclosure.items}条。",
                ],
            )
        ],
    ),
]

FIRST_RESPONSIBLE = Point(
    "",
    "镇党委书记、镇长自觉履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。",
    [
        "一是全年记录第一责任人履职事项{duties.records}项。",
        "二是坚持会前学法制度，全年开展会前学法{study.pre_meeting_sessions}次。",
        "三是行政机关负责人出庭应诉率达{litigation.head_appearance_rate}%。",
    ],
)

CN_ORDINAL = "一二三四五六七八九十"
PART_LABELS = {"online": "网上投诉", "letter": "来信", "phone": "电话", "fax": "传真", "visit": "来访"}


def part_label(code: str) -> str:
    """How a part of a breakdown is named in prose: a known word, else the indicator's own name."""
    tail = code.rsplit(".", 1)[-1]
    return PART_LABELS.get(tail) or REGISTRY[code].name.split("-")[-1].replace("事项", "").replace("信访", "")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def _tokenise(sentence: str) -> str:
    return _PLACEHOLDER.sub(lambda m: "{{fig:%s}}" % m[1], sentence)


class Composer:
    def __init__(self, township, year: int):
        self.township, self.year = township, year
        self.blocks: list[dict] = []
        # Only the figures the text can use (computing the whole registry would be wasted queries).
        wanted = {
            c for area in AREAS for p in area.points for s in p.sentences for c in _PLACEHOLDER.findall(s)
        }
        wanted |= {c for s in FIRST_RESPONSIBLE.sentences for c in _PLACEHOLDER.findall(s)}
        prefixes = tuple(
            prefix for area in AREAS for p in area.points for _, prefix, _ in p.breakdowns if prefix
        )
        codes = [c for c in REGISTRY if c in wanted or c.startswith(prefixes)]
        codes = list(
            dict.fromkeys(
                codes + [d for c in codes for d in (REGISTRY[c].numerator, REGISTRY[c].denominator) if d]
            )
        )
        self.values = {f["code"]: f["value"] for f in compute_all(Scope(township, year), codes)}

    def add(self, kind: str, text: str, level: int = 0):
        self.blocks.append({"id": f"b{len(self.blocks) + 1}", "kind": kind, "level": level, "text": text})

    def sentence_ok(self, sentence: str) -> bool:
        codes = _PLACEHOLDER.findall(sentence)
        if not codes or any(c not in self.values or self.values[c] is None for c in codes):
            return False
        return bool(self.values[codes[0]])  # the leading figure decides; "败诉0件" after it is a fact

    def breakdown(self, total_code: str, prefix: str, unit: str) -> str:
        """ "其中A x件、B y件" — only when the registered parts add up to the total exactly, so the
        report never states parts that contradict their whole."""
        if not prefix or not self.values.get(total_code):
            return ""
        parts = [(c, v) for c, v in self.values.items() if c.startswith(prefix) and v]
        if not parts or sum(v for _, v in parts) != self.values[total_code]:
            return ""
        items = "、".join(f"{part_label(c)}{{{{fig:{c}}}}}{unit}" for c, _ in parts)
        return f"其中{items}。"

    def point_text(self, point: Point) -> str | None:
        found = []
        for sentence in point.sentences:
            if self.sentence_ok(sentence):
                text = _tokenise(sentence)
                for total_code, prefix, unit in point.breakdowns:
                    if "{" + total_code + "}" in sentence and (
                        extra := self.breakdown(total_code, prefix, unit)
                    ):
                        text = text.rstrip("。") + "，" + extra
                found.append(text)
        return "".join(found) or None

    def compose(self) -> tuple[str, list[dict]]:
        year, name = self.year, self.township.name
        title = f"{self.township.government_name}关于{year}年度法治政府建设情况的报告"
        opening = (
            f"{year}年，{name}在县委、县政府的坚强领导和县委全面依法治县委员会办公室的指导下，坚持以习近平新时代中国特色社会主义思想为指导，"
            "深入学习贯彻习近平法治思想，依法全面履行政府职能，推进严格规范公正文明执法，依法化解社会矛盾纠纷，"
            f"为全镇经济社会发展提供了有力法治保障。现将{year}年度法治政府建设情况报告如下："
        )
        self.add("paragraph", opening)

        self.add("heading", f"{year}年推进法治政府建设的主要举措和成效", 1)
        for area in AREAS:
            self.add("heading", area.heading, 2)
            written = [(p, t) for p in area.points if (t := self.point_text(p))]
            if not written:
                self.add("notice", NOTICE_EMPTY)
                continue
            if len(written) == 1:
                point, text = written[0]
                self.add("paragraph", point.lead + text)
            else:
                for point, text in written:
                    self.add("heading", point.heading, 3)
                    self.add("paragraph", point.lead + text)

        self.add(
            "heading", f"{year}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况", 1
        )
        duties = [_tokenise(s) for s in FIRST_RESPONSIBLE.sentences if self.sentence_ok(s)]
        if duties:
            # Renumber 一是/二是 over the sentences that remain.
            duties = [CN_ORDINAL[i] + "是" + d[2:] for i, d in enumerate(duties)]
            self.add("paragraph", FIRST_RESPONSIBLE.lead + "".join(duties))
        else:
            self.add(
                "notice",
                "本年度第一责任人履职记录、会前学法、出庭应诉等台账暂无记录，请补充台账或据实撰写本部分。",
            )

        items = ReportItem.objects.filter(township=self.township, year=year).order_by("order", "id")
        self._items(
            f"{year}年推进法治政府建设存在的不足和原因",
            [i for i in items if i.kind == ReportItem.Kind.PROBLEM],
            "“问题与安排登记”中尚未登记本年度存在的问题，请补充登记后重新生成或据实撰写本部分。",
        )
        self._items(
            f"{year + 1}年推进法治政府建设的主要安排",
            [i for i in items if i.kind == ReportItem.Kind.PLAN],
            "“问题与安排登记”中尚未登记下一年度的工作安排，请补充登记后重新生成或据实撰写本部分。",
        )
        other = [i for i in items if i.kind == ReportItem.Kind.OTHER]
        if other:
            self._items("其他需要报告的情况", other, "")
        return title, self.blocks

    def _items(self, heading: str, items, notice: str):
        self.add("heading", heading, 1)
        if not items:
            self.add("notice", notice)
        for item in items:
            self.add("heading", item.title.strip().rstrip("。"), 2)
            if item.text.strip():
                self.add("paragraph", item.text.strip())


def compose(township, year: int) -> tuple[str, list[dict]]:
    """(title, blocks) of a fresh report; see Composer."""
    return Composer(township, year).compose()
