"""The registry of figures (指标): each is defined once — code, name, unit, the records it counts and
how — and the dashboard, the county comparison, the report and the API all read it here.

A figure is one of:
- `count`: how many records match;
- `total`: the sum of a field over the records;
- `rate`: numerator / denominator × 100, computed from two other figures (never typed);
- `distinct`: how many different values a field takes over the records (people, not visits);
and `breakdown(...)` registers one count (or total) per choice of a field, each with the choice's label.
Every figure's value links to the records behind it (`records(scope)`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum

REGISTRY: dict[str, "Indicator"] = {}


@dataclass(frozen=True)
class Scope:
    """What a figure is computed over: a township, optionally a year and a village."""

    township: object
    year: int | None = None
    village: object | None = None


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    kind: str = "count"  # count | total | rate | distinct
    model: type | None = None
    filter: Q = field(default_factory=Q)
    date_field: str | None = None  # the year filter applies to this field
    township_field: str = "township"
    sum_field: str | None = None  # for kind == "total"; the counted field for kind == "distinct"
    numerator: str | None = None  # codes, for kind == "rate"
    denominator: str | None = None
    queryset: Callable[[Scope], QuerySet] | None = None  # for record sets a filter can't express
    sentence: str = ""  # how the report says it, e.g. "共受理矛盾纠纷{value}起"
    section: str = ""  # report/dashboard grouping, e.g. "disputes"
    dashboard: bool = False
    setting: str | None = None  # for targets: the settings name it comes from
    part_of: str | None = None  # the breakdown family this figure is one part of

    def records(self, scope: Scope) -> QuerySet:
        if self.kind == "rate":
            return REGISTRY[self.denominator].records(scope)
        if self.queryset is not None:
            return self.queryset(scope)
        queryset = self.model.objects.filter(**{self.township_field: scope.township}).filter(self.filter)
        if scope.year and self.date_field:
            queryset = queryset.filter(**{f"{self.date_field}__year": scope.year})
        if scope.village is not None and any(f.name == "village" for f in self.model._meta.fields):
            queryset = queryset.filter(village=scope.village)
        return queryset

    def sides(self, scope: Scope) -> tuple[QuerySet, QuerySet]:
        """A rate's (denominator records, numerator records): its drill-down lists both."""
        return REGISTRY[self.denominator].records(scope), REGISTRY[self.numerator].records(scope)

    def value(self, scope: Scope):
        if self.kind == "rate":
            return percent(REGISTRY[self.numerator].value(scope), REGISTRY[self.denominator].value(scope))
        queryset = self.records(scope)
        if self.kind == "total":
            return queryset.aggregate(v=Sum(self.sum_field))["v"] or 0
        if self.kind == "distinct":
            return (
                queryset.filter(_present(self.model, self.sum_field))
                .order_by()
                .values(self.sum_field)
                .distinct()
                .count()
            )
        return queryset.count()

    def values_by_township(self, townships, year: int | None = None, cache=None) -> dict[int, object]:
        """The figure for many townships in one query per figure (county comparison, benchmarks).
        Pass the same `cache` dict for several figures, so a rate reuses its parts."""
        cache = {} if cache is None else cache
        if self.code not in cache:
            cache[self.code] = self._values_by_township(townships, year, cache)
        return cache[self.code]

    def _values_by_township(self, townships, year, cache) -> dict[int, object]:
        ids = [t.id for t in townships]
        if self.kind == "rate":
            num = REGISTRY[self.numerator].values_by_township(townships, year, cache)
            den = REGISTRY[self.denominator].values_by_township(townships, year, cache)
            return {i: percent(num.get(i, 0), den.get(i, 0)) for i in ids}
        if self.queryset is not None:
            return {t.id: self.value(Scope(t, year)) for t in townships}
        queryset = self.model.objects.filter(**{f"{self.township_field}__in": ids}).filter(self.filter)
        if year and self.date_field:
            queryset = queryset.filter(**{f"{self.date_field}__year": year})
        aggregate = {
            "total": lambda: Sum(self.sum_field),
            "distinct": lambda: Count(
                self.sum_field, distinct=True, filter=_present(self.model, self.sum_field)
            ),
        }.get(self.kind, lambda: Count("pk", distinct=True))()
        rows = queryset.order_by().values(self.township_field).annotate(v=aggregate)
        found = {row[self.township_field]: row["v"] or 0 for row in rows}
        return {i: found.get(i, 0) for i in ids}

    def render(self, value) -> str:
        return self.sentence.format(value=format_value(value), unit=self.unit) if self.sentence else ""


def _present(model, field_name: str) -> Q:
    """A value to count: neither NULL nor, for text, empty (a blank name is not a person)."""
    present = Q(**{f"{field_name}__isnull": False})
    if "__" not in field_name and model._meta.get_field(field_name).get_internal_type() in (
        "CharField",
        "TextField",
    ):
        present &= ~Q(**{field_name: ""})
    return present


def percent(numerator, denominator) -> Decimal | None:
    """A rate in percent with one decimal; None when there is nothing to divide by."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def format_value(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def register(indicator: Indicator) -> Indicator:
    if indicator.code in REGISTRY and REGISTRY[indicator.code] != indicator:
        raise ValueError(f"indicator {indicator.code} registered twice")
    REGISTRY[indicator.code] = indicator
    return indicator


def count(code, name, unit, model, **kwargs) -> Indicator:
    return register(Indicator(code, name, unit, "count", model, **kwargs))


def total(code, name, unit, model, sum_field, **kwargs) -> Indicator:
    return register(Indicator(code, name, unit, "total", model, sum_field=sum_field, **kwargs))


def dated(field: str, **where) -> dict:
    """The options of a figure over the records whose date `field` is set (and that match `where`), each
    in the year of that date."""
    return {"filter": Q(**where, **{f"{field}__isnull": False}), "date_field": field}


def rate(code, name, numerator, denominator, **kwargs) -> Indicator:
    return register(
        Indicator(code, name, "%", "rate", numerator=numerator, denominator=denominator, **kwargs)
    )


def distinct(code, name, unit, model, field, **kwargs) -> Indicator:
    """How many different `field` values the records hold, e.g. people among consultations."""
    return register(Indicator(code, name, unit, "distinct", model, sum_field=field, **kwargs))


BREAKDOWNS: dict[str, list[str]] = {}  # family code -> its parts' codes, in the choices' order


def breakdown(
    code, name, unit, model, field, sentence="", sum_field=None, choices=None, prefix=None, **kwargs
):
    """One figure per choice of `field` (`<prefix or code>.<choice>`), each a count of the records with
    that choice (or the sum of `sum_field`). `name` and `sentence` may hold {label}, the choice's
    label; `sentence` may also be {choice: sentence} where the choices are worded differently."""
    base = kwargs.pop("filter", Q())
    choices = choices or model._meta.get_field(field).choices
    kind = "total" if sum_field else "count"
    parts = []
    for value, label in choices:
        parts.append(
            register(
                Indicator(
                    f"{prefix or code}.{value}",
                    name.replace("{label}", label) if "{label}" in name else f"{name}（{label}）",
                    unit,
                    kind,
                    model,
                    filter=base & Q(**{field: value}),
                    sum_field=sum_field,
                    sentence=(sentence.get(value, "") if isinstance(sentence, dict) else sentence).replace(
                        "{label}", label
                    ),
                    part_of=code,
                    **kwargs,
                )
            ).code
        )
    BREAKDOWNS[code] = parts
    return parts


def get(code: str) -> Indicator:
    return REGISTRY[code]


def compute_all(scope: Scope, codes=None) -> list[dict]:
    """[{code, name, unit, value}] for every (or the given) figure, in registry order."""
    selected = [REGISTRY[c] for c in codes] if codes else list(REGISTRY.values())
    cache: dict[str, object] = {}

    def value_of(ind: Indicator):
        if ind.code not in cache:
            if ind.kind == "rate":
                cache[ind.code] = percent(
                    value_of(REGISTRY[ind.numerator]), value_of(REGISTRY[ind.denominator])
                )
            else:
                cache[ind.code] = ind.value(scope)
        return cache[ind.code]

    return [{"code": i.code, "name": i.name, "unit": i.unit, "value": value_of(i)} for i in selected]
