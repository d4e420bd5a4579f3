"""The statute catalogue: laws and regulations a draft may cite, with their status and successor.

Shipped as `drafts/data/statutes.csv` (UTF-8, one row per law, or per superseded edition); an office
keeps its own copy up to date by pointing `FAZHI_STATUTE_CATALOGUE` at it (or placing `statutes.csv`
in the var directory). Columns: title, edition, issuer, status (现行有效/已修改/已废止), promulgated,
effective, last_amended, repealed, successor, note.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

SHIPPED = Path(__file__).parent / "data" / "statutes.csv"
STATUSES = ("现行有效", "已修改", "已废止")
PREFIX = "中华人民共和国"


@dataclass(frozen=True)
class Statute:
    title: str
    edition: str
    issuer: str
    status: str
    promulgated: str
    effective: str
    last_amended: str
    repealed: str
    successor: str
    note: str

    def dates(self) -> str:
        parts = [f"{self.promulgated}公布" if self.promulgated else ""]
        if self.last_amended:
            parts.append(f"{self.last_amended}最近修改")
        if self.repealed:
            parts.append(f"{self.repealed}{'废止' if self.status == '已废止' else '失去效力'}")
        return "（" + "，".join(p for p in parts if p) + "）" if any(parts) else ""


def normalise(title: str) -> str:
    title = re.sub(r"\s+", "", title).replace("(", "（").replace(")", "）")
    return title.removeprefix(PREFIX)


def catalogue_path() -> Path:
    configured = getattr(settings, "FAZHI_STATUTE_CATALOGUE", None)
    if configured:
        return Path(configured)
    local = Path(settings.VAR_DIR) / "statutes.csv"
    return local if local.is_file() else SHIPPED


def read_catalogue(path: Path) -> dict[tuple[str, str], Statute]:
    """Rows by (normalised title, edition). A malformed file is refused whole, row by row."""
    entries, errors = {}, []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if not row.get("title"):
                errors.append(f"第{number}行：缺少名称")
                continue
            if row.get("status") not in STATUSES:
                errors.append(f"第{number}行：效力状态应为{'、'.join(STATUSES)}之一")
                continue
            statute = Statute(**{f: row.get(f, "") for f in Statute.__dataclass_fields__})
            entries[(normalise(statute.title), statute.edition)] = statute
    if errors:
        raise ValueError(f"法规目录 {path} 有误：" + "；".join(errors))
    return entries


@cache
def _load(path: str, mtime: float) -> dict[tuple[str, str], Statute]:
    return read_catalogue(Path(path))


def entries() -> dict[tuple[str, str], Statute]:
    path = catalogue_path()
    return _load(str(path), path.stat().st_mtime)  # an edited file is read again


def lookup(title: str, edition: str = "") -> Statute | None:
    table = entries()
    key = normalise(title)
    return table.get((key, edition)) or (table.get((key, "")) if edition else None)


def current_successor(statute: Statute) -> Statute | None:
    """The law in force that replaced `statute`, following a chain (经济合同法 → 合同法 → 民法典)."""
    seen, current = set(), statute
    while current.successor and current.successor not in seen:
        seen.add(current.successor)
        nxt = lookup(current.successor)
        if nxt is None:
            return None
        if nxt.status == "现行有效":
            return nxt
        current = nxt
    return None
