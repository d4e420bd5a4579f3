"""The joint operations' API writes and reads the violations by type through `set_violations`."""

from fazhi.core.roles import Role
from fazhi.enforcement.models import JointOperation, Violation

URL = "/api/enforcement/joint-operations/"
NEW = {
    "kind": "five",
    "title": "道路交通安全五联动",
    "date": "2026-10-12",
    "units": "派出所、交警中队、运管站",
    "vehicles_checked": 86,
    "people_cautioned": 40,
}


def rows(operation_id):
    return {row.kind: row.count for row in Violation.objects.filter(operation_id=operation_id)}


def test_post_lines_creates_rows_and_get_shows_them(world, client_for):
    brigade = client_for(Role.ENFORCEMENT)
    response = brigade.post(
        URL, {**NEW, "violations": "超载 4\n未戴头盔14起"}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert rows(pk) == {"overload": 4, "no_helmet": 14}
    shown = brigade.get(f"{URL}{pk}/").json()["violations"]
    assert shown == [
        {"kind": "overload", "label": "超载", "count": 4},
        {"kind": "no_helmet", "label": "未戴头盔", "count": 14},
    ]
    assert JointOperation.objects.get(pk=pk).violations == 18


def test_patch_with_a_dict_replaces_the_rows(world, client_for):
    brigade = client_for(Role.ENFORCEMENT)
    created = brigade.post(URL, {**NEW, "violations": "超载 4"}, content_type="application/json").json()
    response = brigade.patch(
        f"{URL}{created['id']}/",
        {"violations": {"未系安全带": 3, "speeding": 2}, "version": created["version"]},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert rows(created["id"]) == {"no_seatbelt": 3, "speeding": 2}
    assert [r["label"] for r in response.json()["violations"]] == ["未系安全带", "超速"]
    # A PATCH that leaves the violations out keeps them.
    fresh = brigade.get(f"{URL}{created['id']}/").json()
    assert (
        brigade.patch(
            f"{URL}{created['id']}/",
            {"location": "G318线", "version": fresh["version"]},
            content_type="application/json",
        ).status_code
        == 200
    )
    assert rows(created["id"]) == {"no_seatbelt": 3, "speeding": 2}


def test_a_bad_line_is_refused_in_chinese(world, client_for):
    brigade = client_for(Role.ENFORCEMENT)
    response = brigade.post(URL, {**NEW, "violations": "超载 4\n闯红灯 2"}, content_type="application/json")
    assert response.status_code == 400
    assert "第2项“闯红灯 2”无法识别" in response.json()["violations"][0]
    assert not JointOperation.objects.filter(title=NEW["title"]).exists()
    bad_dict = brigade.post(URL, {**NEW, "violations": {"overload": "许多"}}, content_type="application/json")
    assert bad_dict.status_code == 400
    assert "无法识别" in bad_dict.json()["violations"][0]
    assert brigade.post(URL, {**NEW, "violations": 5}, content_type="application/json").status_code == 400
