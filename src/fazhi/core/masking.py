"""Masking of personal data (parties' names, ID numbers, phones): the one place it is done.

Lists, exports, public pages and the API call these; only the case file itself shows the full value.
"""

import re

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
ID_PATTERN = re.compile(r"^\d{17}[\dX]$")
PHONE_PATTERN = re.compile(r"^(?:\+?86)?1\d{10}$")


def id_checksum(first17: str) -> str:
    """GB 11643-1999 check character (ISO 7064 MOD 11-2)."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def is_valid_id_number(value: str) -> bool:
    value = (value or "").strip().upper()
    return bool(ID_PATTERN.match(value)) and id_checksum(value[:17]) == value[17]


def mask_name(name: str) -> str:
    """张三 → 张*；王小明 → 王*明；欧阳娜娜 → 欧**娜. Organisation names (公司, 合作社…) are kept."""
    name = (name or "").strip()
    if not name or any(word in name for word in ("公司", "合作社", "厂", "店", "中心", "委员会", "政府")):
        return name
    if len(name) <= 2:
        return name[0] + "*" * (len(name) - 1)
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_names(names: str) -> str:
    """A list of parties separated by 、，, or spaces."""
    return re.sub(r"[^、，,;；\s]+", lambda m: mask_name(m.group(0)), names or "")


def mask_id_number(value: str) -> str:
    value = (value or "").strip()
    if len(value) < 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    """13812345678 → 138****5678; a 7- or 8-digit landline keeps two digits each side: 81***56."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) < 7:
        return "*" * len(digits)
    if len(digits) < 11:
        return digits[:2] + "*" * (len(digits) - 4) + digits[-2:]
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


# Numbers inside free text: ID numbers (18 characters) and phones (mobiles, landlines with area code).
ID_IN_TEXT = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")
PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:1\d{10}|0\d{2,3}-?\d{7,8})(?!\d)")
NAME_MASKS = {mask_name, mask_names}

# Model → {field: mask} of every ledger's personal fields, declared once by the ledger's record page
# (LedgerDetailView.masked) and read by every other path: history, titles, indicator pages.
PERSONAL: dict[type, dict] = {}


def register(model, masked: dict) -> None:
    if masked:
        PERSONAL.setdefault(model, {}).update(masked)


def party_names(record) -> list[str]:
    """The names of the people a record is about, longest first (so 欧阳娜娜 goes before 欧阳)."""
    names = set()
    for field, mask in PERSONAL.get(type(record), {}).items():
        if mask in NAME_MASKS:
            value = getattr(record, field, "") or ""
            names.update(n for n in re.split(r"[、，,;；\s]+", str(value)) if len(n) >= 2)
    return sorted((n for n in names if mask_name(n) != n), key=len, reverse=True)


def mask_text(text, names=()) -> str:
    """Free text with the given names, ID numbers and phone numbers in it masked."""
    if not text:
        return text
    text = str(text)
    for name in names:
        text = text.replace(name, mask_name(name))
    text = ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)), text)
    return PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)


def mask_field(record, field: str, value, names=None):
    """The one masking rule of a record's field, for every read path that is outside the case file:
    the field's own mask when it is personal, else free text with the record's party names masked."""
    if value is None or value == "":
        return value
    masks = PERSONAL.get(type(record), {})
    if field in masks:
        return masks[field](str(value))
    if isinstance(value, str):
        return mask_text(value, party_names(record) if names is None else names)
    return value


def masked_title(record) -> str:
    """str(record) as shown outside the case file: `…（刘桂芳）` → `…（刘*芳）`."""
    return mask_text(str(record), party_names(record))
