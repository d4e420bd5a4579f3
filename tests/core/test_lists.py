"""The generic ledger list (core.views.LedgerListView), through the people list: filter, search, sort, page."""

import re

from fazhi.core.roles import Role
from fazhi.org.models import Department, Person


def selects(html: str) -> dict[str, str]:
    return dict(re.findall(r'<select name="(\w+)".*?>(.*?)</select>', html, re.S))


def names(html: str) -> list[str]:
    return re.findall(r'<td><a href="/org/person/\d+/">(.*?)</a>', html)


def test_filters_keep_their_choice_and_escape_labels(world, client_for):
    office = client_for(Role.OFFICE)
    judicial = Department.objects.get(township=world.township, name="司法所")
    Department.objects.create(township=world.township, name="<b>临时</b>专班", kind=Department.Kind.OFFICE)
    html = office.get(f"/org/person/?department={judicial.pk}&active=true").content.decode()

    controls = selects(html)
    assert set(controls) == {"department", "active"}
    assert f'<option value="{judicial.pk}" selected>司法所</option>' in controls["department"]
    assert controls["department"].count(" selected") == 1
    assert '<option value="true" selected>' in controls["active"]
    assert "&lt;b&gt;临时&lt;/b&gt;专班" in controls["department"] and "<b>临时" not in html
    assert 'class="form-select form-select-sm"' in html

    shown = names(html)
    expected = Person.objects.filter(township=world.township, department=judicial, active=True)
    assert sorted(shown) == sorted(p.name for p in expected) and shown


def test_other_townships_departments_are_not_offered(world, client_for):
    other = world.other_townships[0]
    Department.objects.create(township=other, name="外镇专班", kind=Department.Kind.OFFICE)
    html = client_for(Role.OFFICE).get("/org/person/").content.decode()
    assert "外镇专班" not in selects(html)["department"]


def test_search_sort_and_pages(world, client_for):
    office = client_for(Role.OFFICE)
    people = Person.objects.filter(township=world.township)
    first = people.order_by("name").first()
    assert names(office.get(f"/org/person/?q={first.name}").content.decode())[0] == first.name

    office_dept = Department.objects.get(township=world.township, name="党政办")
    for i in range(30 - people.count()):
        Person.objects.create(township=world.township, department=office_dept, name=f"工作人员{i:02d}")
    total = people.count()
    html = office.get("/org/person/?sort=-name").content.decode()
    page_one = names(html)
    assert len(page_one) == 25 and page_one == sorted(page_one, reverse=True)
    assert f"共 {total} 条，第 1/2 页" in html
    page_two = names(office.get("/org/person/?sort=-name&page=2").content.decode())
    assert len(page_one) + len(page_two) == total and not set(page_one) & set(page_two)


def test_rows_escape_cells_and_link_each_record(world, client_for):
    person = Person.objects.create(
        township=world.township, name='<img src=x onerror="1">', position="<i>副</i>"
    )
    html = client_for(Role.OFFICE).get("/org/person/?q=img").content.decode()
    row = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    assert row.count("<tr>") == 1
    assert f'<td><a href="/org/person/{person.pk}/">&lt;img src=x onerror=&quot;1&quot;&gt;</a></td>' in row
    assert "&lt;i&gt;副&lt;/i&gt;" in row and "<img" not in row and "<i>" not in row
    empty = client_for(Role.OFFICE).get("/org/person/?q=无此人").content.decode()
    assert "暂无记录" in empty
