"""Masking is one function (core.masking) for every read path outside the case file: the record page
for read-only roles, its history tab, titles and free text naming the parties, indicator drill-downs.
Drill-downs are scoped like the lists (village cadres: their village; advisors: their own work)."""

import datetime as dt

import pytest

from fazhi.core import masking
from fazhi.core.roles import Role


def test_mask_phone_hides_a_seven_digit_number():
    assert masking.mask_phone("8123456") == "81***56"
    assert masking.mask_phone("13912345678") == "139****5678"
    assert masking.mask_phone("0571-81234567") == "057*****4567"


def test_mask_text_masks_names_ids_and_phones():
    text = "刘桂芳（身份证110105194912310021，电话13912345678，座机0571-8123456）与欧阳娜娜"
    masked = masking.mask_text(text, ["刘桂芳", "欧阳娜娜"])
    assert "刘*芳" in masked and "欧**娜" in masked and "刘桂芳" not in masked
    assert "110105194912310021" not in masked and "13912345678" not in masked and "8123456" not in masked


@pytest.fixture
def dispute(world):
    from fazhi.disputes.actions import register_dispute
    from fazhi.disputes.models import Dispute

    record = Dispute(
        township=world.township,
        village=world.villages[0],
        received=dt.date(2026, 9, 1),
        type="neighbour",
        parties="刘桂芳、李四光",
        phone="13912345678",
        summary="刘桂芳称李四光堵塞排水沟，刘桂芳身份证110105194912310021",
    )
    register_dispute(record)
    record.phone = "13800001111"
    record.parties = "刘桂芳、李四光、王小明"
    record.save()
    return record


@pytest.mark.parametrize("role", [Role.COUNTY, Role.SECRETARY])
def test_read_only_roles_see_the_record_and_its_history_masked(world, client_for, dispute, role):
    page = client_for(role).get(f"/disputes/dispute/{dispute.pk}/").content.decode()
    for whole in ("13912345678", "13800001111", "110105194912310021", "刘桂芳", "李四光", "王小明"):
        assert whole not in page, whole
    assert "刘*芳" in page and "王*明" in page and "138****1111" in page


def test_the_case_file_stays_whole_for_its_writers(world, client_for, dispute):
    page = client_for(Role.JUDICIAL).get(f"/disputes/dispute/{dispute.pk}/").content.decode()
    assert "13912345678" in page and "13800001111" in page and "刘桂芳" in page


def test_party_named_in_violation_facts_is_masked_for_readers(world, client_for):
    """Found by the probe: a name copied into 违法事实 was shown whole to read-only roles."""
    from tests.enforcement.factories import case

    record = case(world, facts="经查，张建华于2026年8月在青山村私自焚烧秸秆，张建华电话13912345678。")
    page = client_for(Role.COUNTY).get(record.get_absolute_url()).content.decode()
    assert "私自焚烧秸秆" in page and "张*华于2026年8月" in page
    assert "张建华" not in page and "13912345678" not in page


@pytest.fixture
def petitions(world):
    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition

    made = []
    for village, name in ((world.villages[0], "刘桂芳"), (world.villages[1], "赵铁柱")):
        petition = Petition(
            township=world.township,
            village=village,
            received=dt.date.today(),
            channel="online",
            petitioner=name,
            phone="13912345678",
            subject=f"反映排水不畅（{name}）",
            content="诉求",
        )
        made.append(register_petition(petition))
    return made


def test_titles_masked_on_record_page_and_drill_down(world, client_for, petitions):
    secretary = client_for(Role.SECRETARY)
    page = secretary.get(f"/petitions/petition/{petitions[0].pk}/").content.decode()
    assert "刘桂芳" not in page and "（刘*芳）" in page
    drill = secretary.get("/indicators/petitions.total/").content.decode()
    assert "刘桂芳" not in drill and "赵铁柱" not in drill and "（刘*芳）" in drill


def test_village_cadre_drill_down_shows_only_their_village(world, client_for, petitions):
    from fazhi.org.models import RoleAssignment

    cadre = RoleAssignment.objects.get(user=world.users[Role.VILLAGE], role=Role.VILLAGE)
    own = petitions[0] if petitions[0].village_id == cadre.village_id else petitions[1]
    other = petitions[1] if own is petitions[0] else petitions[0]
    drill = client_for(Role.VILLAGE).get("/indicators/petitions.total/").content.decode()
    assert own.number in drill and other.number not in drill
    sheet = client_for(Role.VILLAGE).get("/indicators/petitions.total/?export=xlsx")
    assert other.number.encode() not in sheet.content


def test_advisor_drill_down_shows_only_their_own_work(world, client_for):
    from fazhi.org.models import LegalAdvisor
    from fazhi.services.models import AdvisorWork

    mine = LegalAdvisor.objects.get(user=world.users[Role.ADVISOR])
    other = LegalAdvisor.objects.create(
        township=world.township,
        name="钱律师",
        firm="甲所",
        contract_start=dt.date(2026, 1, 1),
        contract_end=dt.date(2027, 1, 1),
    )
    today = dt.date.today()
    AdvisorWork.objects.create(township=world.township, advisor=mine, date=today, subject="我的合同审查")
    AdvisorWork.objects.create(township=world.township, advisor=other, date=today, subject="别人的咨询")
    drill = client_for(Role.ADVISOR).get("/indicators/advisors.services/").content.decode()
    assert "别人的咨询" not in drill
    assert "别人的咨询" in client_for(Role.JUDICIAL).get("/indicators/advisors.services/").content.decode()


def test_disclosure_codes_are_40_bit_and_their_lookup_rate_limited(world):
    from django.test import Client

    from fazhi.services.actions import new_code

    code = new_code(dt.date(2026, 9, 25))
    assert code.startswith("GK20260925-") and len(code.split("-")[1]) == 8  # 32**8 = 2**40
    client = Client(REMOTE_ADDR="10.3.3.3")
    codes = [
        client.get("/public/services/request/track/", {"code": f"GK-{i}"}).status_code for i in range(22)
    ]
    assert codes[:20] == [200] * 20 and codes[-1] == 429


def test_legal_advisor_form_offers_and_saves_only_own_villages(world, client_for):
    """Found by the probe: the form offered 28 villages of other townships and saved them."""
    from fazhi.org.models import LegalAdvisor

    foreign = world.other_townships[0].children.first()
    office = client_for(Role.OFFICE)
    page = office.get("/org/legaladvisor/new/").content.decode()
    assert f'value="{foreign.pk}"' not in page and f'value="{world.villages[0].pk}"' in page
    response = office.post(
        "/org/legaladvisor/new/",
        {
            "name": "孙律师",
            "firm": "乙所",
            "kind": LegalAdvisor._meta.get_field("kind").default or "lawyer",
            "contract_start": "2026-01-01",
            "contract_end": "2026-12-31",
            "villages": [foreign.pk],
        },
    )
    assert not LegalAdvisor.objects.filter(township=world.township, villages=foreign).exists()
    assert response.status_code == 200  # the form again, with the error
