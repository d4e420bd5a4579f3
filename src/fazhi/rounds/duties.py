"""Periodic duties: what must be filed every month, quarter or year, by whom, and where the filing
lives (an ordinary ledger record, so the ledgers and the figures stay the one truth).

A village with nothing to report still files (零上报): its record says "none" (`zero`), and it counts
as filed. Numbers are data with their source, like the deadlines' rules.
"""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q


@dataclass(frozen=True)
class Duty:
    code: str
    label: str
    period: str  # "month" | "quarter" | "year"
    per: str  # "village": each village/community files; "township": the township files once
    model: str  # app_label.Model of the filing record
    date_field: str
    office: str  # who answers for it at the township
    basis: str  # where the duty comes from
    zero: Q | None = None  # a filing that reports "none" (零上报)
    remind_before: int = 3  # working days before the end of the round
    nothing: tuple = ()  # (field, value) pairs of a "无" filing made from the round's page

    @property
    def model_class(self):
        return apps.get_model(self.model)


DUTIES = {
    d.code: d
    for d in (
        Duty(
            "screening",
            "矛盾纠纷排查",
            "month",
            "village",
            "disputes.ScreeningRound",
            "date",
            "司法所",
            "《人民调解法》第八条；矛盾纠纷排查化解工作“每月一排查”，无纠纷实行零上报",
            zero=Q(found=0),
            nothing=(
                ("found", 0),
                ("scope", "全村(社区)各村民小组"),
                ("notes", "本月未发现矛盾纠纷，零上报。"),
            ),
        ),
        Duty(
            "risk_review",
            "风险隐患研判",
            "quarter",
            "township",
            "litigation.RiskReview",
            "date",
            "平安办",
            "社会稳定风险隐患定期研判（每季度）",
        ),
        Duty(
            "law_report",
            "领导干部述法",
            "year",
            "township",
            "services.LawReport",
            "date",
            "党政办",
            "《党政主要负责人履行推进法治建设第一责任人职责规定》第九条：年终述职述法",
            remind_before=10,
        ),
    )
}


def period_of(duty: Duty, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the round of `duty` that contains `day`."""
    if duty.period == "month":
        start = day.replace(day=1)
        months = 1
    elif duty.period == "quarter":
        start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        months = 3
    else:
        start = dt.date(day.year, 1, 1)
        months = 12
    year, month = divmod(start.month - 1 + months, 12)
    end = dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)
    return start, end


def period_label(duty: Duty, start: dt.date) -> str:
    if duty.period == "month":
        return f"{start.year}年{start.month}月"
    if duty.period == "quarter":
        return f"{start.year}年第{(start.month - 1) // 3 + 1}季度"
    return f"{start.year}年度"
