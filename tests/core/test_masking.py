from hypothesis import given
from hypothesis import strategies as st

from fazhi.core import masking


def test_id_number_checksum():
    assert masking.is_valid_id_number("11010519491231002X")
    assert masking.is_valid_id_number("110105194912310021") is False
    assert masking.is_valid_id_number("440524188001010014")
    assert not masking.is_valid_id_number("12345")


@given(st.from_regex(r"\d{17}", fullmatch=True))
def test_checksum_makes_any_number_valid(first17):
    assert masking.is_valid_id_number(first17 + masking.id_checksum(first17))


def test_masks():
    assert masking.mask_name("张三") == "张*"
    assert masking.mask_name("王小明") == "王*明"
    assert masking.mask_name("欧阳娜娜") == "欧**娜"
    assert masking.mask_name("青山茶业有限公司") == "青山茶业有限公司"
    assert masking.mask_names("张三、李四四") == "张*、李*四"
    assert masking.mask_id_number("11010519491231002X") == "1101**********002X"
    assert masking.mask_phone("13912345678") == "139****5678"


@given(st.text(min_size=1, max_size=12))
def test_masked_name_never_reveals_the_middle(name):
    masked = masking.mask_name(name)
    assert len(masked) == len(name.strip()) or masked == name.strip()
