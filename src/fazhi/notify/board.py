"""The deadline board seen by one user: "mine", "my office" or "all"; a village cadre sees only
their village's items and the names on them masked, like every list."""

from django.db.models import Q

from fazhi.core import masking
from fazhi.core.access import access_for

WHO = {"mine": "我负责的", "office": "本部门的", "all": "全部"}


def offices_of(user, township) -> set[str]:
    """The offices a user works in: their department (org.Person) and any office they head."""
    from fazhi.notify.models import Office
    from fazhi.org.models import Person

    names = set(
        Person.objects.filter(user=user, township=township, department__isnull=False).values_list(
            "department__name", flat=True
        )
    )
    return names | set(Office.objects.filter(township=township, head=user).values_list("name", flat=True))


def board_scope(entries, user, township, who: str):
    """Narrow a township's board entries to what `user` asked for and may see; returns (entries, who)."""
    villages = access_for(user).village_only(township.id)
    if villages is not None:
        entries = entries.filter(village_id__in=villages)
    who = who if who in WHO else "all"
    if who == "mine":
        entries = entries.filter(responsible=user)
    elif who == "office":
        entries = entries.filter(Q(office__in=offices_of(user, township)) | Q(responsible=user))
    return entries, who


def responsible_name(entry, masked: bool) -> str:
    if entry.responsible_id is None:
        return "未指派"
    name = entry.responsible.get_full_name() or entry.responsible.username
    return masking.mask_name(name) if masked else name
