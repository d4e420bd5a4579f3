"""Yearly targets of legal education and study. They vary by province, so they are settings, never constants.

`settings.FAZHI_EDUCATION_TARGETS` may override any default, for every year (`{"pre_meeting": 24}`) or for
one year (`{2026: {"pre_meeting": 12}}`); the year-specific value wins.
"""

from django.conf import settings

# name -> (default, label, source). Sources: statutes.md §1.14.
DEFAULTS = {
    "liaisons_per_village": (
        3,
        "每个行政村法律明白人(名)",
        "乡村“法律明白人”培养工作规范(试行)（中宣部、司法部等，2021）：到2025年每个行政村不少于3名",
    ),
    "pre_meeting": (12, "会前学法(次/年)", "无全国统一数字，各地自定（如某省意见要求不少于24次/年）"),
    "central_group": (
        4,
        "党委理论学习中心组学法(次/年)",
        "无全国统一数字，各地自定（如某市要求不少于4次/年）",
    ),
    "training": (2, "专题法治培训(次/年)", "无全国统一数字，各地自定（如某省意见要求专题学法不少于2次/年）"),
}


def target(name: str, year: int | None = None) -> int:
    configured = getattr(settings, "FAZHI_EDUCATION_TARGETS", {}) or {}
    if year is not None and name in configured.get(year, {}):
        return int(configured[year][name])
    return int(configured.get(name, DEFAULTS[name][0]))


def describe(name: str, year: int | None = None) -> str:
    _, label, source = DEFAULTS[name]
    return f"{label}：{target(name, year)}（{source}；可在设置中调整）"
