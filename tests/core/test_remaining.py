"""Time left to a deadline is shown in its rule's unit: working days for a working-day rule (across the
National Day holiday the calendar count promises days the office does not work), calendar days
otherwise — on the board, its export, and the dashboards."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core.deadlines import CALENDAR_DAYS, WORKING_DAYS, remaining
from fazhi.core.roles import Role

TODAY = dt.date(2025, 9, 30)  # Tuesday before the 2025 National Day and Mid-Autumn holiday (10/1–10/8)


def test_remaining_counts_working_days_only_for_working_day_rules():
    due = dt.date(2025, 10, 13)
    # 10/9, 10/10, 10/11 (调休 Saturday), 10/13: four working days, thirteen calendar days.
    assert str(remaining(due, WORKING_DAYS, TODAY)) == "剩余4个工作日"
    assert str(remaining(due, CALENDAR_DAYS, TODAY)) == "剩余13天"
    assert str(remaining(TODAY, WORKING_DAYS, TODAY)) == "今日到期"
    late = remaining(dt.date(2025, 9, 26), WORKING_DAYS, TODAY)
    assert late.overdue and str(late) == "逾期4天"


@pytest.fixture
def deadlines(world, monkeypatch):
    from fazhi.org.models import LegalAdvisor, Person
    from fazhi.petitions.models import Petition
    from fazhi.reviews.services import request_review

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    subject = Person.objects.get(township=world.township, name="王丽")
    review = request_review(  # 7 working days → 2025-10-13
        subject,
        kind="decision",
        title="茶园改造方案",
        user=world.users[Role.OFFICE],
        requested_on=dt.date(2025, 9, 26),
    )
    review.advisor = LegalAdvisor.objects.get(user=world.users[Role.ADVISOR])
    review.save()
    Petition(  # 15 calendar days → 2025-10-14
        township=world.township,
        village=world.villages[0],
        received=dt.date(2025, 9, 29),
        channel="online",
        petitioner="张三",
        subject="节前反映的事项",
        content="诉求",
    ).save()
    return review


def test_board_and_dashboards_show_working_days_for_working_day_rules(deadlines, client_for):
    client = client_for(Role.JUDICIAL)
    page = client.get("/deadlines/?show=all").content.decode()
    review_row = next(row for row in page.split("<tr>") if "茶园改造方案" in row)
    petition_row = next(row for row in page.split("<tr>") if "节前反映的事项" in row)
    assert "剩余4个工作日" in review_row
    assert "剩余14天" in petition_row

    sheet = load_workbook(io.BytesIO(client.get("/deadlines/?show=all&export=xlsx").content)).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in sheet[1]]
    left = header.index("剩余")
    assert next(r for t, r in rows.items() if "茶园改造方案" in t)[left] == "剩余4个工作日"

    advisor = client_for(Role.ADVISOR).get("/").content.decode()
    assert "（剩余4个工作日）" in advisor
