"""The default township scheme, adapted from 《市县法治政府建设示范指标体系》(2021年版).

That 体系 is written for cities and counties (9 一级 / 32 二级 / 100 三级 indicators, statutes.md
§1.12); only what a township does is kept, and the mechanisms its ledgers hold are added. Each item
cites the 一级 indicator of the 体系 it comes from; the 三级 numbers of the published text were not
checked one by one, except 第24项 (public comment on 规范性文件, statutes.md §1.9).

The rows live in data/default_scheme.json, one line each (data, not code: a table of 54 rows written as
Python tuples repeated the same twelve-line shape 54 times). A row is (number, title, weight, basis,
method, indicator, rule, target, per_case, requirement).
Only leaves (三级) carry a method; parents' weights are the sums of their children's.
"""

import json
from pathlib import Path

SOURCE = "《市县法治政府建设示范指标体系》（2021年版）"
NAME = "乡镇（街道）法治政府建设年度考核"
DATA_FILE = Path(__file__).with_name("data") / "default_scheme.json"


def _load() -> list[tuple]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return [tuple(row) for row in data["items"]]


ITEMS = _load()
