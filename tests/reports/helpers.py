"""Stand-in indicators for the ledger figures (the ledger apps register the real ones): counts over
ReportItem, so a test controls the numbers without depending on another app's models."""

from django.db.models import Q

from fazhi.indicators.registry import Indicator, percent  # noqa: F401
from fazhi.reports.models import ReportItem


def fake_figures(monkeypatch, registry, codes_filters):
    for code, flt in codes_filters.items():
        real = registry.get(code)  # keep the figure's own wording: the report has no other
        monkeypatch.setitem(
            registry,
            code,
            Indicator(
                code,
                code,
                "件",
                "count",
                ReportItem,
                filter=flt,
                date_field=None,
                sentence=real.sentence if real else code + "{value}件",
                part_of=real.part_of if real else None,
            ),
        )


def dispute_figures(monkeypatch):
    from fazhi.indicators.registry import REGISTRY

    fake_figures(
        monkeypatch,
        REGISTRY,
        {
            "disputes.received": Q(),
            "disputes.resolved": Q(kind=ReportItem.Kind.PROBLEM),
        },
    )
    monkeypatch.setitem(
        REGISTRY,
        "disputes.resolution_rate",
        Indicator(
            "disputes.resolution_rate",
            "化解率",
            "%",
            "rate",
            numerator="disputes.resolved",
            denominator="disputes.received",
            sentence=REGISTRY["disputes.resolution_rate"].sentence,
        ),
    )
