"""Rates the assessment scores on, built from figures the ledgers already define."""

from fazhi.indicators.registry import rate

rate(
    "contracts.review_coverage",
    "合同合法性审查覆盖率",
    "contracts.reviewed",
    "contracts.total",
    sentence="合同合法性审查覆盖率{value}%",
    section="reviews",
)
rate(
    "documents.normative.filing_rate",
    "规范性文件报送备案率",
    "documents.normative.filed",
    "documents.normative.published",
    sentence="规范性文件报送备案率{value}%",
    section="documents",
)
rate(
    "village_rules.filing_rate",
    "村规民约备案率",
    "village_rules.filed",
    "village_rules.total",
    sentence="村规民约备案率{value}%",
    section="services",
)
