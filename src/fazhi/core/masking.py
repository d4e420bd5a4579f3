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
    digits = re.sub(r"\D", "", value or "")
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
