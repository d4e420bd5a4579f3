"""Error pages: Chinese, inside the shell, saying why (the guard's words) and where to go."""

import pytest
from django.test import Client

from fazhi.core.roles import Role


def test_403_shows_the_guards_reason_in_the_shell(client_for):
    # The county supervisor reads but never writes: the form's guard refuses.
    response = client_for(Role.COUNTY).get("/disputes/dispute/new/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "无权访问" in page and "您没有在本乡镇修改此类记录的权限。" in page
    assert 'id="fz-sidebar"' in page and "返回工作台" in page
    assert "Forbidden" not in page


def test_404_is_chinese_with_the_menu(client_for):
    response = client_for(Role.JUDICIAL).get("/disputes/dispute/999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in page and 'id="fz-sidebar"' in page and "Not Found" not in page


def test_404_for_a_visitor_offers_login_and_portal(db):
    page = Client().get("/no-such-page/").content.decode()
    assert "页面不存在" in page and "/login/" in page and "/public/" in page


@pytest.mark.urls("tests.core.error_urls")
def test_500_is_chinese_and_logged(client_for):
    client = client_for(Role.JUDICIAL)
    client.raise_request_exception = False
    response = client.get("/boom/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "系统出错" in page and "Server Error" not in page and 'id="fz-sidebar"' in page


def test_csrf_failure_is_chinese(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[Role.JUDICIAL])
    response = client.post("/township/", {"township": world.township.pk})
    page = response.content.decode()
    assert response.status_code == 403
    assert "页面已过期" in page and "CSRF verification failed" not in page


def test_error_pages_have_no_inline_script(client_for):
    page = client_for(Role.JUDICIAL).get("/disputes/dispute/999999/").content.decode()
    assert "<script>" not in page and "onchange=" not in page.split('id="fz-sidebar"')[1]
