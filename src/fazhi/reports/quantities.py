"""Figures written in a report's text: Chinese numerals, units and the quantity pattern (pure Python)."""

from __future__ import annotations

import re

_CN_DIGITS = dict(zip("零〇○一二两三四五六七八九", (0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_MAGNITUDES = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERAL = "零〇○一二两三四五六七八九十百千"


def cn_to_int(text: str) -> int | None:
    """Chinese numeral to int: "十二" -> 12, "一百零五" -> 105, "二〇二四" -> 2024."""
    if not text or len(text) > 12:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        # Digit-by-digit spelling, as used for years in dates (二〇二四).
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_MAGNITUDES:
            total += (1 if digit is None else digit) * _CN_MAGNITUDES[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


# Longest first so "件次" wins over "件" and "万元" over "万".
UNITS = sorted(
    "平方米 公里 件次 场次 人次 起次 户次 家次 批次 车次 万元 小时 课时 学时 起 件 次 场 份 人 名 项 条 个 处 家 户 辆 "
    "册 幅 本 期 篇 元 村 天 日 宗 例 批 轮 所 台 张 亩 位 堂 %".split(),
    key=len,
    reverse=True,
)
# Chinese-numeral figures are only trusted with plain count units; elsewhere
# (一次办, 三项制度, 四个意识) they are set phrases, not statistics.
_CN_COUNT_UNITS = set(
    "次 场 场次 名 人 人次 件 件次 起 起次 户次 家次 份 期 个 项 家 户 天 小时 课时 学时 批 轮".split()
)
_CN_SET_PHRASE_AFTER = re.compile(r"意识|自信|维护|确立|务必|代表|亲自|同|全面|坚持|制度|清单|覆盖|办")

_QUANTITY = re.compile(
    r"(?P<pre>大约|约|近|逾|超过)?"
    rf"(?P<num>\d+(?:\.\d+)?|[{_CN_NUMERAL}]+)"
    r"\s*(?P<mult>万|亿)?\s*(?P<approx>余|多)?\s*"
    r"(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + r")?"
    r"(?P<post>以上|左右)?"
)


def _number_value(num: str) -> float | int | None:
    if num[0].isdigit():
        if len(num) > 15:  # phone numbers, garbage; also keeps int() in range
            return None
        value = float(num)
    else:
        value = cn_to_int(num)
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _quantity_from_match(m: re.Match) -> dict | None:
    value = _number_value(m["num"])
    unit = m["unit"] or ""
    if value is None or (not unit and not m["mult"]):
        return None
    if m["mult"] == "万" and unit == "元":
        unit = "万元"  # money is conventionally stated in 万元; keep it so
    elif m["mult"]:
        value = value * (10000 if m["mult"] == "万" else 100000000)
        value = int(value) if float(value).is_integer() else round(value, 4)
    approx = bool(m["pre"] or m["approx"] or m["post"])
    return {"value": value, "unit": unit, "approx": approx}
