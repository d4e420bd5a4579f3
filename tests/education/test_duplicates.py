"""The same 普法 activity saved twice (same date, title and village) is held back with a warning
naming the earlier one; a second submit with the confirmation ticked saves it."""

from fazhi.core.duplicates import CONFIRM, CONFIRM_LABEL
from fazhi.core.roles import Role
from fazhi.education.models import OutreachActivity as A
from tests.education.test_education import form_data


def test_same_activity_twice_warns_and_saves_on_confirmation(world, client_for):
    cadre = client_for(Role.VILLAGE)
    own = world.villages[0]
    assert cadre.post("/education/outreachactivity/quick/", form_data(own)).status_code == 302

    again = cadre.post("/education/outreachactivity/quick/", form_data(own))
    page = again.content.decode()
    assert again.status_code == 200 and A.objects.filter(title="禁毒宣传进院坝").count() == 1
    assert "可能重复：已有“2026-06-26 禁毒宣传进院坝”" in page and "活动日期、活动名称、" in page
    assert f'name="{CONFIRM}"' in page and CONFIRM_LABEL in page

    confirmed = cadre.post("/education/outreachactivity/quick/", {**form_data(own), CONFIRM: "on"})
    assert confirmed.status_code == 302 and A.objects.filter(title="禁毒宣传进院坝").count() == 2


def full(village, **kwargs):
    """The full form's data (it also asks for the form of the activity and the screens/broadcasts)."""
    return form_data(village, form=A.Form.CAMPAIGN, led_screens=0, broadcasts=0, **kwargs)


def test_other_date_title_or_village_is_no_duplicate(world, client_for):
    staff = client_for(Role.OFFICE)
    first, second = world.villages[0], world.villages[1]
    assert staff.post("/education/outreachactivity/new/", full(first)).status_code == 302
    for changed in (full(second), full(first, date="2026-06-27"), full(first, title="另一场")):
        assert staff.post("/education/outreachactivity/new/", changed).status_code == 302
    record = A.objects.get(village=first, title="禁毒宣传进院坝", date="2026-06-26")
    # Editing a record without touching its date, title or village is not asked about again.
    edit = staff.post(f"/education/outreachactivity/{record.pk}/edit/", {**full(first), "people_reached": 90})
    assert edit.status_code == 302, edit.content.decode().split("form-errors")[-1][:600]
    assert staff.post("/education/outreachactivity/new/", full(first)).status_code == 200
    # Moving another record onto the same date is.
    later = A.objects.get(village=first, date="2026-06-27")
    assert staff.post(f"/education/outreachactivity/{later.pk}/edit/", full(first)).status_code == 200
