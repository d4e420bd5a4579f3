"""The petition page shows every field of its named groups (an index slice once dropped one)."""

import datetime as dt

from fazhi.core.roles import Role
from fazhi.petitions.actions import register_petition
from fazhi.petitions.ledgers import SPEC
from fazhi.petitions.models import Petition


def test_review_request_date_is_on_the_petition_page(world, client_for):
    petition = register_petition(
        Petition(
            township=world.township,
            received=dt.date(2026, 3, 2),
            channel="online",
            petitioner="张三丰",
            subject="反映排水不畅",
            content="诉求",
            replied_on=dt.date(2026, 4, 1),
            review_requested_on=dt.date(2026, 4, 20),
        )
    )
    page = client_for(Role.PETITION).get(f"/petitions/petition/{petition.pk}/").content.decode()
    assert "信访人申请复查日期" in page and "2026-04-20" in page
    assert set(SPEC.fields_of("复查复核")) <= set(SPEC.view("detail").fields)
