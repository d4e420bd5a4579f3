"""What a township's draft may not say, as data: each rule names the law it applies, with the article.

A clause rule fires on a sentence when one of its `triggers` matches and none of its `lawful` patterns
does. The lawful patterns are the look-alikes: a sentence that only restates what a law already
provides ("依法予以处罚", "依照《食品安全法》规定取得许可") creates nothing and is not a finding.
Document rules (form checks for 规范性文件, contract traps) look at the whole text.

Numbers the law leaves to the provinces (the 规范性文件 validity period, the contract amount that needs a
collective decision) are settings with a default, stated with their source, never silent constants.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings

KINDS = ("licence", "penalty", "coercion", "fee", "obligation", "competition", "citation", "form", "contract")

KIND_LABELS = {
    "licence": "设定行政许可",
    "penalty": "设定行政处罚",
    "coercion": "设定行政强制",
    "fee": "设定收费",
    "obligation": "增加义务、减损权利",
    "competition": "排除、限制竞争",
    "citation": "引用依据",
    "form": "文件形式",
    "contract": "合同条款",
}

LICENCE_LAW = "《中华人民共和国行政许可法》第十七条"
PENALTY_LAW = "《中华人民共和国行政处罚法》第十四条至第十六条"
COERCION_LAW = "《中华人民共和国行政强制法》第十条"
# 立法法 (2015 text) arts. 80-82: without a basis in a higher law, rules may not cut rights or add
# obligations; a township's normative document has even less room (2023 text: arts. 91-93).
OBLIGATION_LAW = "《中华人民共和国立法法》第八十条至第八十二条"
DOC_37 = "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"
FEE_LAW = f"{DOC_37}“严禁越权发文”"
COMPETITION_LAW = "公平竞争审查制度（《公平竞争审查条例》第八条至第十二条）"
CIVIL_CODE = "《中华人民共和国民法典》"

# Words that mark a clause as restating the law rather than creating something of its own.
RESTATES_LAW = (
    r"依照《[^》]+》|依据《[^》]+》|按照《[^》]+》|根据《[^》]+》|《[^》]+》(?:第[^条]{1,6}条)?规定"
    r"|依法(?:予以|给予|进行|作出|实施|查处|处理|处罚|追究|办理|取得|申请|收取|采取|核发)"
    r"|依法由|法律、?法规(?:另有)?规定|法律法规规定|由有关部门依法|移送.{0,12}(?:部门|机关)"
    r"|构成犯罪的|追究刑事责任"
)


@dataclass(frozen=True)
class ClauseRule:
    code: str
    kind: str
    rule: str  # what the clause may break, in the reviewer's words
    citation: str
    triggers: tuple[str, ...]
    lawful: tuple[str, ...] = ()
    restates_law_ok: bool = True  # "依法…"/"依照《…》" makes the clause lawful
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def pattern(self, which: str) -> re.Pattern | None:
        if which not in self._compiled:
            parts = list(getattr(self, which))
            if which == "lawful" and self.restates_law_ok:
                parts.append(RESTATES_LAW)
            self._compiled[which] = re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None
        return self._compiled[which]


LOCAL = r"(?:本镇|本乡|本县|本市|本地|当地|辖区内|本辖区|本村)"
FIRM = r"(?:企业|经营者|供应商|施工(?:单位|队伍|企业)|商户|公司|合作社|产品|商品|物资|建材|劳务)"

CLAUSE_RULES: tuple[ClauseRule, ...] = (
    ClauseRule(
        "licence.approval",
        "licence",
        "规范性文件不得设定行政许可，也不得增设许可条件",
        LICENCE_LAW,
        triggers=(
            r"(?:须|必须|应当|应|需|需要)(?:事先|先行|提前|预先|先)?(?:经|报|向).{0,20}(?:批准|审批|许可|同意|核准|审核同意|准许)",
            r"未经.{0,20}(?:批准|审批|许可|同意|核准)(?:的)?[，,]?.{0,8}(?:不得|一律不|禁止)",
            r"实行.{0,12}(?:审批|许可|准入|核准)(?:制|制度|管理)",
            r"(?:取得|领取|办理).{0,12}(?:许可证|准营证|准入证|经营证|登记证|准运证|通行证)(?:后)?(?:方可|才能|方能)",
            r"(?:方可|才能|方能).{0,6}(?:营业|经营|开工|施工|建设|举办|养殖|进场)",
        ),
        lawful=(r"(?:市场监管|自然资源|住房城乡建设|农业农村|生态环境)(?:等)?(?:部门|局)依法",),
    ),
    ClauseRule(
        "penalty.create",
        "penalty",
        "规范性文件不得设定行政处罚（罚款、没收、暂扣或吊销证照、通报批评等）",
        PENALTY_LAW,
        triggers=(
            r"(?:处以?|并处|予以|给予).{0,20}(?:罚款|罚金|没收|通报批评|警告处分)",
            r"罚款\s*[\d一二三四五六七八九十百千万]+\s*(?:元|万元)?",
            r"[\d一二三四五六七八九十百千万]+\s*(?:元|万元)(?:以上|以下)?(?:的)?罚款",
            r"(?:吊销|暂扣).{0,10}(?:许可证|执照|营业执照|证照|资格证)",
            r"没收.{0,10}(?:违法所得|非法财物|工具|物品|摊位|货物)",
            r"(?:公开)?通报批评|责令停(?:产)?停业",
        ),
    ),
    ClauseRule(
        "coercion.create",
        "coercion",
        "规范性文件不得设定行政强制措施（查封、扣押、冻结、强制清除等）",
        COERCION_LAW,
        triggers=(
            r"查封|扣押|冻结.{0,6}(?:存款|账户|资金|财产)",
            r"强制(?:拆除|清除|清理|带离|搬离|拖离|收回|关闭|执行)",
            r"(?:暂扣|扣留|收缴)(?:其)?.{0,6}(?:车辆|物品|工具|货物|设备|船只|摊位)",
            r"(?:停止|中断)?(?:停水停电|断水断电|停止供水|停止供电)",
            r"代为(?:清除|拆除|清理|履行)",
        ),
    ),
    ClauseRule(
        "fee.create",
        "fee",
        "规范性文件不得违法设立收费项目、要求缴纳押金保证金或摊派",
        FEE_LAW,
        triggers=(
            r"(?:收取|缴纳|交纳|上缴|预交|缴存).{0,16}(?:费|押金|保证金|款|资金)",
            r"(?:每|按).{0,10}(?:收取|缴纳|交纳)",
            r"(?:收取|缴纳|交纳)[\d一二三四五六七八九十百千万]+\s*(?:元|万元)",
            r"(?:摊派|集资|赞助费)",
        ),
        lawful=(
            r"(?:免费|免收|不收取|不得收取|不收费|不得向|严禁向|严禁收取|禁止收取|一律免)",
            r"(?:拒不|未按期|未|逾期不?)(?:缴纳|交纳)|(?:缴纳|交纳)(?:的)?税",
            r"(?:价格主管部门|发展改革部门|物价部门)(?:核定|批准)",
        ),
    ),
    ClauseRule(
        "obligation.rights",
        "obligation",
        "没有法律、法规依据，不得减损公民、法人和其他组织的权利或者增加其义务",
        OBLIGATION_LAW,
        triggers=(
            r"取消.{0,14}(?:资格|待遇|补贴|补助|低保|救助|福利|分红)",
            r"(?:暂停|停止|停发|扣发|扣减|扣除|核减).{0,10}(?:补贴|补助|低保|救助|待遇|工资|分红|福利|奖励|报酬)",
            r"(?:列入|纳入).{0,6}(?:黑名单|失信(?:人员|主体)?名单|不诚信名单)",
            r"(?:一律)?不(?:予|得)(?:办理|受理|享受|参加|申请|报考|评选|评为).{0,14}(?:户籍|入学|手续|补贴|资格|评优|先进|文明户|表彰|救助|低保|证明)",
            r"(?:必须|应当|须)(?:无偿|义务)",
            r"(?:必须|一律|须)(?:购买|缴纳|安装|参加|签订).{0,12}(?:保险|设备|培训|协议|承诺书)",
            r"子女.{0,8}(?:不得|不予)",
        ),
    ),
    ClauseRule(
        "competition.local",
        "competition",
        "不得排除、限制竞争：限定经营、购买特定经营者的商品和服务，排斥外地经营者，给予特定经营者优惠",
        COMPETITION_LAW,
        triggers=(
            rf"(?:优先|限定|指定|只能|仅限|必须|应当|须)(?:选用|采购|使用|购买|选择|聘用|委托)?.{{0,6}}{LOCAL}.{{0,8}}{FIRM}",
            rf"{LOCAL}.{{0,8}}{FIRM}.{{0,10}}(?:优先|加分|给予.{{0,8}}(?:奖励|补贴|优惠|返还))",
            rf"外地.{{0,6}}{FIRM}.{{0,16}}(?:不得|禁止|限制|须|应当|加收|另行|需)",
            r"(?:指定|限定).{0,20}(?:购买|使用|采购|选用|经营|提供|供应|供货|承接|承办)",
            r"(?:在本(?:镇|乡|县|市)|本地)(?:注册|设立|纳税).{0,14}(?:方可|才能|方能|的企业)",
            r"(?:税收|税款).{0,6}(?:返还|奖励|先征后返)|(?:独家|排他性?)经营|特许经营权",
        ),
        lawful=(
            r"公平竞争|公开招标|公开(?:择优|比选)|依法(?:招标|采购|确定)|平等对待|不得(?:限定|指定|排斥|限制)",
        ),
    ),
)

# Contracts: clauses that are traps even when a law is named (民法典 art. 497: a standard term that
# unreasonably exempts one side's liability or adds to the other's is void).
CONTRACT_CLAUSE_RULES: tuple[ClauseRule, ...] = (
    ClauseRule(
        "contract.one_sided",
        "contract",
        "违约责任单方设定或免除一方责任，条款可能显失公平或无效",
        f"{CIVIL_CODE}第四百九十六条、第四百九十七条",
        triggers=(
            r"甲方不承担(?:任何)?(?:违约)?责任",
            r"(?:甲方|我方)(?:有权)?(?:单方|随时)(?:解除|终止|变更)",
            r"乙方(?:自愿)?放弃.{0,10}(?:权利|请求|诉讼|主张)",
            r"一切(?:损失|责任|后果)(?:均)?由乙方(?:承担|负责)",
        ),
        restates_law_ok=False,
    ),
    ClauseRule(
        "contract.open_term",
        "contract",
        "合同期限不明确或无限期，应约定具体的履行期限",
        f"{CIVIL_CODE}第四百七十条（合同一般包括履行期限）",
        triggers=(r"长期有效|永久有效|无固定期限|期限不限|无限期|自动(?:顺延|续期|续签)",),
        restates_law_ok=False,
    ),
)

# Document-level rules (no clause of their own): their words and citations.
DOCUMENT_RULES = {
    "form.doc_no": (
        "文号缺失或格式不规范（应为“机关代字〔年份〕序号号”）",
        f"{DOC_37}（统一登记、统一编号）",
    ),
    "form.effective": ("未写明施行日期", f"{DOC_37}（明确施行日期）"),
    "form.validity": ("未写明有效期", f"{DOC_37}；有效期一般不超过{{years}}年（各省规定）"),
    "form.validity_long": ("有效期超过{years}年", f"{DOC_37}；有效期一般不超过{{years}}年（各省规定）"),
    "form.issuer": ("未写明制定机关（落款）", f"{DOC_37}（制定主体合法）"),
    "form.comment": (
        "未见公开征求意见的记录",
        f"{DOC_37}（广泛征求意见）；《优化营商环境条例》第六十二条",
    ),
    "contract.dispute": ("合同未约定争议解决方式（协商、仲裁或诉讼）", f"{CIVIL_CODE}第四百七十条"),
    "contract.term": ("合同未约定履行期限", f"{CIVIL_CODE}第四百七十条"),
    "contract.penalty_one_side": (
        "违约责任只约束乙方，甲方违约无对应责任",
        f"{CIVIL_CODE}第四百九十六条、第四百九十七条、第五百七十七条",
    ),
    "contract.collective": (
        "大额合同未见“三重一大”集体研究决定的记录",
        "“三重一大”事项集体决策制度（大额资金使用须经领导班子集体讨论决定）",
    ),
    "citation.repealed": ("引用的《{title}》已废止{successor}", "{issuer}《{title}》{dates}"),
    "citation.amended": ("引用的《{title}》（{edition}）已被修改{successor}", "{issuer}《{title}》{dates}"),
    "citation.unknown": ("引用的《{title}》未能在法规目录中核对，请核实名称和效力", "本机法规目录"),
}


def validity_years() -> int:
    """规范性文件 validity ceiling: "一般不超过5年" in most provinces (statutes.md §1.9, ⚠️, local)."""
    return getattr(settings, "FAZHI_DRAFT_VALIDITY_YEARS", 5)


def collective_amount() -> int:
    """Contract amount (yuan) from which 三重一大 requires a collective decision: set locally."""
    return getattr(settings, "FAZHI_DRAFT_COLLECTIVE_AMOUNT", 100_000)
