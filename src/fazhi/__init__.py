"""fazhi — 法治政府建设台账与年度报告平台."""

# Order matters: it is the order of the navigation and of the demo builders.
LEDGER_APPS = [
    "org",
    "reviews",
    "decisions",
    "documents",
    "enforcement",
    "disputes",
    "petitions",
    "litigation",
    "education",
    "services",
    "reports",
    "assessment",
    "supervision",
    "portal",
]
