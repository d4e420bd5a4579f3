import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from fazhi.core import board
from fazhi.core.models import Attachment, BoardEntry
from fazhi.core.workflow import Refused
from fazhi.org.models import RoleAssignment
from fazhi.supervision import services
from fazhi.supervision.models import Assignment


@pytest.fixture
def other_judicial(world, django_user_model):
    user = django_user_model.objects.create_user("lv_judicial", password="x")
    RoleAssignment.objects.create(user=user, role="judicial", organisation=world.other_townships[0])
    return user


@pytest.fixture
def task(world):
    notice = SimpleUploadedFile("督办通知.pdf", b"%PDF-1.4 notice", content_type="application/pdf")
    return services.send(
        world.county,
        world.users["county"],
        title="整改督察发现的规范性文件未备案问题",
        basis="江源县依法治县办督察通报〔2025〕3号",
        requirement="逐件补报备案并说明原因",
        days=5,
        townships=[world.township, world.other_townships[0]],
        files=[notice],
        issued_on=dt.date(2025, 3, 3),
    )


def test_send_validates_and_reaches_every_township(world, task):
    assert task.due_on == dt.date(2025, 3, 10)  # 5 working days from Monday 3 March
    assert task.assignments.count() == 2
    assert Attachment.objects.filter(step="督办通知").count() == 2
    with pytest.raises(Refused, match="请至少选择一个乡镇"):
        services.send(
            world.county, world.users["county"], title="x", basis="", requirement="y", days=3, townships=[]
        )
    with pytest.raises(Refused, match="只有县级"):
        services.send(
            world.county,
            world.users["judicial"],
            title="x",
            basis="",
            requirement="y",
            days=3,
            townships=[world.township],
        )


def test_one_answers_in_time_one_goes_overdue_on_both_boards(
    world, task, other_judicial, client_for, monkeypatch
):
    board.rebuild()
    in_time = task.assignments.get(township=world.township)
    late = task.assignments.get(township=world.other_townships[0])
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2025, 3, 7))
    services.answer(in_time, world.users["judicial"], "已补报备案3件", expected_version=in_time.version)
    monkeypatch.undo()
    services.decide(in_time, world.users["county"], True, "", expected_version=in_time.version)
    in_time.refresh_from_db()
    assert in_time.state == Assignment.State.ACCEPTED and not in_time.late(dt.date(2025, 3, 20))
    assert late.late(dt.date(2025, 3, 20))
    # the township's own board: the open one only
    entries = BoardEntry.objects.filter(title__startswith="督办：")
    assert list(entries.values_list("township_id", "due_on")) == [(late.township_id, dt.date(2025, 3, 10))]
    # the township's board page shows it overdue; the county's board counts it for that township
    lv = Client()
    lv.force_login(other_judicial)
    page = lv.get(reverse("deadline_board")).content.decode()
    assert "督办：整改督察发现的规范性文件未备案问题" in page
    county = client_for("county")
    page = county.get(reverse("indicators:county_board")).content.decode()
    summary = page.split('id="county-board-items"')[0]
    assert "督办：整改督察发现的规范性文件未备案问题" in page.split('id="county-board-items"')[1]
    row = summary.split(f"?township={late.township_id}")[1].split("</tr>")[0]
    assert 'text-bg-danger">1<' in row
    entry = BoardEntry.objects.get(title__startswith="督办：")
    opened = county.get(reverse("indicators:county_board_open", args=[entry.pk]))
    assert opened.status_code == 302 and opened.url == late.get_absolute_url()
    assert county.session["fazhi_township"] == late.township_id
    assert (
        client_for("judicial").get(reverse("indicators:county_board_open", args=[entry.pk])).status_code
        == 404
    )
    listing = county.get(reverse("supervision:task_list")).content.decode()
    assert listing.count("逾期") >= 1


def test_return_reopens_with_a_comment(world, task):
    mine = task.assignments.get(township=world.township)
    with pytest.raises(Refused, match="只有已答复"):
        services.decide(mine, world.users["county"], True, "")
    services.answer(mine, world.users["judicial"], "已整改")
    with pytest.raises(Refused, match="退回重办须填写意见"):
        services.decide(mine, world.users["county"], False, "")
    services.decide(mine, world.users["county"], False, "未附备案回执")
    mine.refresh_from_db()
    assert mine.state == Assignment.State.RETURNED and mine.comment == "未附备案回执"
    assert BoardEntry.objects.filter(object_id=mine.pk, title__startswith="督办：").exists()
    services.answer(mine, world.users["judicial"], "已附回执")
    reasons = list(mine.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons[-3:] == ["乡镇答复", "退回重办：未附备案回执", "乡镇答复"]


def test_townships_never_see_another_townships_tasks(world, task, client_for, other_judicial):
    theirs = task.assignments.get(township=world.other_townships[0])
    mine = task.assignments.get(township=world.township)
    township = client_for("judicial")
    assert township.get(reverse("supervision:assignment_detail", args=[theirs.pk])).status_code == 404
    assert township.get(reverse("supervision:assignment_detail", args=[mine.pk])).status_code == 200
    listing = township.get(reverse("supervision:task_list")).content.decode()
    assert world.other_townships[0].name not in listing
    response = township.post(
        reverse("supervision:assignment_detail", args=[theirs.pk]), {"action": "answer", "note": "x"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == Assignment.State.SENT
    # a township cannot decide on its own answer
    services.answer(mine, world.users["judicial"], "已整改")
    with pytest.raises(Refused, match="只有县级"):
        services.decide(mine, world.users["judicial"], True, "")


def test_county_sends_from_the_page(world, client_for):
    county = client_for("county")
    response = county.post(
        reverse("supervision:task_list"),
        {
            "kind": "petition",
            "title": "交办信访件",
            "basis": "县信访局交办单",
            "requirement": "15日内答复",
            "days": "10",
            "townships": [world.township.pk],
        },
    )
    assert response.status_code == 302
    assert Assignment.objects.get().task.title == "交办信访件"
    bad = county.post(reverse("supervision:task_list"), {"kind": "other", "title": "", "days": "0"})
    assert bad.status_code == 200 and "请按提示修改" in bad.content.decode()


def test_townships_and_the_county_are_notified(world, task):
    from fazhi.notify.models import Notification

    sent = Notification.objects.filter(kind="supervision", user=world.users["judicial"])
    assert sent.count() == 1 and "请于2025年03月10日前办结" in sent.get().text
    mine = task.assignments.get(township=world.township)
    services.answer(mine, world.users["judicial"], "已整改")
    assert Notification.objects.filter(user=world.users["county"], kind="supervision").count() == 1
    services.decide(mine, world.users["county"], False, "未附备案回执")
    returned = Notification.objects.get(user=world.users["judicial"], kind="returned")
    assert "未附备案回执" in returned.text and returned.url == mine.get_absolute_url()
