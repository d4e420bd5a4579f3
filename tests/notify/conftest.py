import datetime as dt

import pytest

from fazhi.core.roles import Role


@pytest.fixture
def petition_factory(world):
    from fazhi.petitions.models import Petition

    def make(village=None, received=dt.date(2026, 11, 20), created_by=None, **kwargs):
        values = dict(
            township=world.township,
            village=village,
            received=received,
            channel="visit",
            petitioner="张三丰",
            phone="13912345678",
            subject="反映排水不畅",
            content="诉求",
            created_by=created_by if created_by is not None else world.users[Role.OFFICE],
        )
        values.update(kwargs)
        petition = Petition(**values)
        petition.save()
        return petition

    return make
