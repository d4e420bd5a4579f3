"""How an automatic item turns a figure into a score. Each rule says in words how it computed."""

from decimal import ROUND_HALF_UP, Decimal

from fazhi.indicators.registry import format_value

TWO = Decimal("0.01")


def _q(value) -> Decimal:
    return Decimal(value).quantize(TWO, ROUND_HALF_UP)


def score(rule: str, weight: Decimal, value, target, per_case=None) -> tuple[Decimal, str]:
    """(score, explanation) of `value` against `target` under `rule`, out of `weight`."""
    weight = Decimal(weight)
    shown = format_value(value)
    if value is None:
        # A rate with nothing to divide by: the township had no such matter to handle.
        return _q(weight), "本年度无应办事项（比率无分母），视为达标，得满分"
    value = Decimal(value)
    target = Decimal(target) if target is not None else None
    if rule == "threshold":
        met = value >= target
        verdict = "达到" if met else "未达到"
        return _q(
            weight if met else 0
        ), f"指标值{shown}，{verdict}目标值{format_value(target)}，得{'满分' if met else '0分'}"
    if rule == "proportional":
        if not target:
            return _q(weight), "目标值为0，得满分"
        share = min(value / target, Decimal(1))
        return _q(weight * share), f"指标值{shown}÷目标值{format_value(target)}，按{_q(share * 100)}%计分"
    if rule == "zero":
        met = value == 0
        return _q(weight if met else 0), f"指标值{shown}，{'未发生，得满分' if met else '发生即不得分'}"
    if rule == "deduction":
        per_case = Decimal(per_case or 0)
        got = max(weight - per_case * value, Decimal(0))
        return _q(got), f"发生{shown}件，每件扣{format_value(per_case)}分，扣完为止"
    raise ValueError(f"unknown rule {rule!r}")
