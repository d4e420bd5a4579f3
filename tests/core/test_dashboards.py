"""工作台 per role: the village cadre's shows their village only and the ledgers they enter; the
leader's what waits for their signature; the advisor's the reviews assigned to them."""

import datetime as dt

import pytest

from fazhi.core.roles import Role


@pytest.fixture
def town(world):
    from fazhi.reviews import demo

    demo.build(world)
    return world


def test_dashboards_per_role(town, client_for):
    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition

    own, other = town.villages[0], town.villages[1]
    for village, subject in ((own, "本村排水"), (other, "邻村噪音")):
        register_petition(
            Petition(
                township=town.township,
                village=village,
                received=dt.date.today(),
                channel="online",
                petitioner="张三",
                subject=subject,
                content="诉求",
            )
        )
    page = client_for(Role.VILLAGE).get("/").content.decode()
    assert own.name in page and 'id="village-enter"' in page and "fz-bigbutton" in page
    assert "/disputes/dispute/new/" in page and "/disputes/screeninground/new/" in page
    assert "本村排水" in page and "邻村噪音" not in page
    assert "指标" not in page.split('id="village-enter"')[1]

    leader = client_for(Role.HEAD).get("/").content.decode()
    assert 'id="dashboard-awaiting"' in leader and "待您签批" in leader

    from fazhi.org.models import LegalAdvisor
    from fazhi.reviews.models import LegalityReview

    assigned = LegalityReview.objects.filter(state__in=LegalityReview.OPEN)[:2].values_list("pk", flat=True)
    LegalityReview.objects.filter(pk__in=list(assigned)).update(
        advisor=LegalAdvisor.objects.get(user=town.users[Role.ADVISOR])
    )
    advisor = client_for(Role.ADVISOR).get("/").content.decode()
    assert "分派给我的审查" in advisor

    mine = LegalityReview.objects.filter(
        advisor__user=town.users[Role.ADVISOR], state__in=LegalityReview.OPEN
    )
    others = LegalityReview.objects.exclude(advisor__user=town.users[Role.ADVISOR]).filter(
        state__in=LegalityReview.OPEN
    )
    assert mine.exists() and all(r.subject_title in advisor for r in mine[:5])
    assert not any(
        f">{r.subject_title}<" in advisor for r in others if not mine.filter(subject_title=r.subject_title)
    )
