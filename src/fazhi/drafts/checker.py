"""The draft checker: a 规范性文件 or a contract in, sentence-level findings out.

Each finding names the clause (its text and where it stands in the draft), the rule it may break and
that rule's article (`drafts.rules`). Citations are looked up in the statute catalogue
(`drafts.catalogue`). Nothing leaves the machine: segmentation is jieba in process.
"""

import datetime as dt
import re
from dataclasses import asdict, dataclass

from fazhi.drafts import catalogue, rules
from fazhi.search.segment import boundaries

DOCUMENT = "document"
CONTRACT = "contract"

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_CITATION = re.compile(r"《([^《》]{2,60})》(?:[（(](\d{4}年(?:修正|修订|修改)?)[）)])?")
_DOC_NO_LIKE = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(\d{2,4})\s*[〕\]］)）】]\s*(\d{1,4})\s*号"
)
_DOC_NO = re.compile(r"[\u4e00-\u9fff]{2,12}〔\d{4}〕[1-9]\d{0,3}号")
_EFFECTIVE = re.compile(
    r"自.{0,20}(?:之日|起)(?:起)?(?:施行|实施|执行|生效)|(?:施行|实施)日期|自\d{4}年\d{1,2}月\d{1,2}日起"
)
_VALIDITY = re.compile(r"有效期(?:为|至)?\s*([一二三四五六七八九十两\d]{1,3})\s*年")
_VALIDITY_UNTIL = re.compile(r"有效期(?:至|到)\s*(\d{4})年")
_ISSUER = re.compile(
    r"(?:人民政府|人民代表大会|党委|办公室|委员会|管理局)(?:\s*(?:\d{4}年\d{1,2}月\d{1,2}日)?)\s*$"
)
_COMMENT = re.compile(r"(?:公开)?征求(?:了)?(?:社会公众|公众|社会各界|群众)?(?:的)?意见")
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str  # the clause, as written
    rule: str
    citation: str
    code: str = ""
    start: int | None = None  # offsets of the clause in the checked text; None for the whole document
    end: int | None = None
    sentence: int | None = None  # 1-based number of the sentence

    def public(self) -> dict:
        """The CLI's JSON shape: exactly kind, text, rule, citation."""
        return {"kind": self.kind, "text": self.text, "rule": self.rule, "citation": self.citation}

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def position(self) -> str:
        return f"第{self.sentence}句（第{self.start + 1}–{self.end}字）" if self.sentence else "全文"


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) with surrounding spaces trimmed; empty pieces skipped."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(text + "\n"):
        piece = text[start : match.end()]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            found.append((start + lead, start + lead + len(stripped), stripped))
        start = match.end()
    return found


def kind_of(text: str) -> str:
    head = text[:200]
    if ("甲方" in text and "乙方" in text) or re.search(r"(?:合同|协议书?)\s*$", head.split("\n")[0].strip()):
        return CONTRACT
    return DOCUMENT


def _fires(rule: rules.ClauseRule, sentence: str, edges: set[int]) -> bool:
    lawful = rule.pattern("lawful")
    if lawful is not None and lawful.search(sentence):
        return False
    return any(m.start() in edges for m in rule.pattern("triggers").finditer(sentence))


def check_clause(sentence: str, kind: str = DOCUMENT) -> list[Finding]:
    """Findings of one sentence (its citations included); offsets are relative to the sentence."""
    edges = boundaries(sentence)
    found = []
    clause_rules = rules.CLAUSE_RULES if kind == DOCUMENT else rules.CONTRACT_CLAUSE_RULES
    for rule in clause_rules:
        if _fires(rule, sentence, edges):
            found.append(Finding(rule.kind, sentence, rule.rule, rule.citation, rule.code))
    found.extend(check_citations(sentence))
    return found


def check_citations(sentence: str) -> list[Finding]:
    found, seen = [], set()
    for match in _CITATION.finditer(sentence):
        title, edition = match.group(1).strip(), match.group(2) or ""
        if (title, edition) in seen or not re.search(r"(?:法|条例|法典)$", title):
            continue
        seen.add((title, edition))
        statute = catalogue.lookup(title, edition)
        if statute is None:
            rule, citation = rules.DOCUMENT_RULES["citation.unknown"]
            found.append(
                Finding("citation", sentence, rule.format(title=title), citation, "citation.unknown")
            )
            continue
        if statute.status == "现行有效" or (statute.edition and statute.edition != edition):
            continue
        code = "citation.repealed" if statute.status == "已废止" else "citation.amended"
        successor = catalogue.current_successor(statute)
        if statute.status == "已修改":
            successor = catalogue.lookup(statute.successor) or successor
        then = f"，应改引《{successor.title}》" if successor else ""
        rule, citation = rules.DOCUMENT_RULES[code]
        found.append(
            Finding(
                "citation",
                sentence,
                rule.format(title=statute.title, edition=edition, successor=then),
                citation.format(issuer=statute.issuer, title=statute.title, dates=statute.dates()),
                code,
            )
        )
    return found


def _years(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    return None


def _document_finding(code: str, text: str = "（全文）", **values) -> Finding:
    rule, citation = rules.DOCUMENT_RULES[code]
    kind = code.split(".")[0]
    return Finding(kind, text, rule.format(**values), citation.format(**values), code)


def form_checks(text: str, *, issued: dt.date | None = None, comments: bool | None = None) -> list[Finding]:
    """Checks of a 规范性文件 as a whole: 文号, effective date, validity, issuer, public comment.

    `comments` is what the ledger knows (public comments recorded); None means ask the text.
    """
    found = []
    head = "\n".join(text.splitlines()[:8])
    like = _DOC_NO_LIKE.search(head)
    if like is None or not _DOC_NO.search(head):
        found.append(_document_finding("form.doc_no", like.group(0) if like else "（全文）"))
    if not _EFFECTIVE.search(text):
        found.append(_document_finding("form.effective"))
    years = validity_years(text, issued)
    limit = rules.validity_years()
    if years is None:
        found.append(_document_finding("form.validity", years=limit))
    elif years > limit:
        clause = _VALIDITY.search(text) or _VALIDITY_UNTIL.search(text)
        found.append(_document_finding("form.validity_long", clause.group(0), years=limit))
    tail = [line.strip() for line in text.splitlines() if line.strip()][-4:]
    if not any(_ISSUER.search(line) for line in tail):
        found.append(_document_finding("form.issuer"))
    if comments is False or (comments is None and not _COMMENT.search(text)):
        found.append(_document_finding("form.comment"))
    return found


def validity_years(text: str, issued: dt.date | None = None) -> int | None:
    if match := _VALIDITY.search(text):
        return _years(match.group(1))
    if match := _VALIDITY_UNTIL.search(text):
        year = (issued or dt.date.today()).year
        if years := re.search(r"(\d{4})年\d{1,2}月\d{1,2}日起(?:施行|实施)", text):
            year = int(years.group(1))
        return int(match.group(1)) - year
    return None


_AMOUNT = re.compile(r"([\d,.]+)\s*(万)?元")
_COLLECTIVE = re.compile(
    r"三重一大|集体(?:研究|讨论|决定|决策)|党委(?:会议?|研究)|班子会|镇长办公会|党政联席会"
)
_PENALTY = re.compile(r"违约金|赔偿|违约责任|承担.{0,6}责任")


def contract_checks(text: str, clauses: list[tuple[int, int, str]]) -> list[Finding]:
    found = []
    if not (re.search(r"争议|纠纷", text) and re.search(r"仲裁|诉讼|人民法院|协商解决|调解", text)):
        found.append(_document_finding("contract.dispute"))
    # an open-ended term is already a clause finding (contract.open_term)
    if not re.search(r"期限|有效期|长期|永久|至\d{4}年|\d{4}年\d{1,2}月\d{1,2}日(?:起)?至|履行期", text):
        found.append(_document_finding("contract.term"))
    penalty_a = [s for _, _, s in clauses if _PENALTY.search(s) and re.search(r"甲方(?:逾期|违约|未|不)", s)]
    penalty_b = [s for _, _, s in clauses if _PENALTY.search(s) and re.search(r"乙方(?:逾期|违约|未|不)", s)]
    if penalty_b and not penalty_a and not re.search(r"(?:任何一方|双方|一方)(?:违约|未)", text):
        found.append(_document_finding("contract.penalty_one_side", penalty_b[0]))
    amounts = []
    for number, wan in _AMOUNT.findall(text):
        try:
            amounts.append(float(number.replace(",", "")) * (10000 if wan else 1))
        except ValueError:
            continue
    if amounts and max(amounts) >= rules.collective_amount() and not _COLLECTIVE.search(text):
        found.append(_document_finding("contract.collective"))
    return found


def check_text(
    text: str, kind: str | None = None, *, issued=None, comments: bool | None = None
) -> list[Finding]:
    """Every finding of a draft: the clauses in order, then the document's own checks."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    kind = kind or kind_of(text)
    clauses = sentences(text)
    found = []
    for number, (start, end, sentence) in enumerate(clauses, start=1):
        for finding in check_clause(sentence, kind):
            found.append(Finding(**{**finding.as_dict(), "start": start, "end": end, "sentence": number}))
    if kind == DOCUMENT:
        found.extend(form_checks(text, issued=issued, comments=comments))
    else:
        found.extend(contract_checks(text, clauses))
    return found


def read_file(path) -> str:
    """The text of a .txt/.docx/.pdf draft (the report reader's extraction, which handles all three)."""
    from fazhi.reports.extract import extract_text

    return extract_text(path)
