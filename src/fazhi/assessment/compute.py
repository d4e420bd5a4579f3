"""Figures for every township of a county in one query per figure.

`Indicator.values_by_township` groups a filter-defined figure in one query; a figure defined by a
queryset function is computed township by township there. Here such a figure becomes one aggregate
with a filtered count per township (`COUNT(*) FILTER (WHERE pk IN <that township's records>)`), so
its cost in queries does not grow with the number of townships, whatever the queryset does
(annotations, distinct, subqueries). Queryset functions that run queries of their own or evaluate
records in Python cannot be folded in; `batchable` tells them apart and the scheme check refuses
them for automatic items.
"""

from django.db.models import Count, Q

from fazhi.indicators.registry import REGISTRY, Scope, percent

# Figures whose queryset function runs its own queries or evaluates records in Python.
NOT_BATCHABLE = {"enforcement.cases.full_record", "org.population"}


def batchable(code: str) -> bool:
    indicator = REGISTRY.get(code)
    if indicator is None:
        return False
    if indicator.kind == "rate":
        return batchable(indicator.numerator) and batchable(indicator.denominator)
    return code not in NOT_BATCHABLE


def county_values(codes, townships, year, cache=None) -> dict[str, dict[int, object]]:
    """{code: {township id: value}} for the given figures."""
    cache = {} if cache is None else cache
    return {code: _values(REGISTRY[code], townships, year, cache) for code in codes}


def _values(indicator, townships, year, cache):
    if indicator.code in cache:
        return cache[indicator.code]
    ids = [t.id for t in townships]
    if indicator.kind == "rate":
        num = _values(REGISTRY[indicator.numerator], townships, year, cache)
        den = _values(REGISTRY[indicator.denominator], townships, year, cache)
        result = {i: percent(num.get(i, 0), den.get(i, 0)) for i in ids}
    elif indicator.queryset is None or not townships:
        result = indicator.values_by_township(townships, year, cache)
    else:
        parts = {t.id: indicator.queryset(Scope(t, year)).order_by().values("pk") for t in townships}
        model = next(iter(parts.values())).model
        found = model._default_manager.aggregate(
            **{f"t{i}": Count("pk", filter=Q(pk__in=part)) for i, part in parts.items()}
        )
        result = {i: found[f"t{i}"] for i in ids}
    cache[indicator.code] = result
    return result
