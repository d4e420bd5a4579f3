import pytest
from django.test import Client

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.core.roles import Role


@pytest.fixture
def sysadmin(world):
    """青山镇's system administrator (乡镇系统管理员): the demo has no such account."""
    from django.contrib.auth import get_user_model

    from fazhi.org.models import RoleAssignment

    user = get_user_model().objects.create_user("qs_sysadmin", password=DEMO_PASSWORD, first_name="何敏")
    RoleAssignment.objects.create(user=user, role=Role.ADMIN, organisation=world.township)
    return user


@pytest.fixture
def township_admin(sysadmin):
    client = Client()
    client.force_login(sysadmin)
    return client
