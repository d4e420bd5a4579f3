"""Password rules (GB/T 22239-2019 8.1.4.1 a: 口令复杂度 and 定期更换) as Django password validators,
and the forced change on first login and after a reset."""

import re

from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone

CLASSES = (
    ("小写字母", re.compile(r"[a-z]")),
    ("大写字母", re.compile(r"[A-Z]")),
    ("数字", re.compile(r"\d")),
    ("符号", re.compile(r"[^A-Za-z0-9]")),
)


class LengthValidator:
    """At least `min_length` characters (Django's own message is not translated in 5.2)."""

    def __init__(self, min_length=8):
        self.min_length = min_length

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(f"密码太短，至少需要{self.min_length}个字符。", code="password_too_short")

    def get_help_text(self):
        return f"至少{self.min_length}个字符。"


class CharacterClassesValidator:
    """At least `min_classes` of: lower case, upper case, digits, symbols."""

    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        held = sum(1 for _, pattern in CLASSES if pattern.search(password))
        if held < self.min_classes:
            raise ValidationError(
                f"密码须至少包含小写字母、大写字母、数字、符号中的{self.min_classes}类。",
                code="password_classes",
            )

    def get_help_text(self):
        return f"至少包含小写字母、大写字母、数字、符号中的{self.min_classes}类。"


def _township_words(user) -> set[str]:
    from fazhi.org.models import Region, RoleAssignment

    words = set()
    ids = RoleAssignment.objects.filter(user=user).values_list("organisation_id", flat=True)
    for name, code in Region.objects.filter(pk__in=list(ids)).values_list("name", "code"):
        words.add(name)
        words.add(re.sub(r"(镇|乡|街道|县|区|市)$", "", name))
        if code:
            words.add(code)
    return {w for w in words if len(w) >= 2}


class NotPersonalValidator:
    """Not containing the username, the person's name or the name/code of the user's township."""

    def validate(self, password, user=None):
        if user is None:
            return
        lowered = password.lower()
        username = (user.get_username() or "").lower()
        if len(username) >= 3 and username in lowered:
            raise ValidationError("密码不能包含用户名。", code="password_username")
        for word in _township_words(user) if user.pk else ():
            if word.lower() in lowered:
                raise ValidationError("密码不能包含所在乡镇的名称或代码。", code="password_township")
        for word in (user.first_name, user.last_name, user.get_full_name()):
            if word and len(word) >= 2 and word.lower() in lowered:
                raise ValidationError("密码不能包含本人姓名。", code="password_name")

    def get_help_text(self):
        return "不能包含用户名、本人姓名、所在乡镇名称。"


class HistoryValidator:
    """Not one of the last `count` passwords; remembers each new one (password_changed)."""

    def __init__(self, count=5):
        self.count = count

    def validate(self, password, user=None):
        if user is None or not user.pk:
            return
        from fazhi.security.models import PasswordHistory

        recent = PasswordHistory.objects.filter(user=user).values_list("password", flat=True)[: self.count]
        if any(check_password(password, old) for old in recent):
            raise ValidationError(f"不能使用最近{self.count}次用过的密码。", code="password_reused")

    def password_changed(self, password, user=None):
        if user is None or not user.pk:
            return
        from fazhi.security.models import PasswordHistory, PasswordState

        PasswordHistory.objects.create(user=user, password=user.password)
        keep = PasswordHistory.objects.filter(user=user).values_list("pk", flat=True)[: self.count]
        PasswordHistory.objects.filter(user=user).exclude(pk__in=list(keep)).delete()
        PasswordState.objects.update_or_create(user=user, defaults={"changed_at": timezone.now()})

    def get_help_text(self):
        return f"不能与最近{self.count}次的密码相同。"


def require_change(user) -> None:
    """The account must choose a new password at its next login (new account, reset by an admin)."""
    from fazhi.security.models import PasswordState

    PasswordState.objects.update_or_create(user=user, defaults={"must_change": True})


def must_change(user) -> bool:
    from fazhi.security.models import PasswordState

    return PasswordState.objects.filter(user=user, must_change=True).exists()


def changed(user) -> None:
    from fazhi.security.models import PasswordState

    PasswordState.objects.update_or_create(
        user=user, defaults={"must_change": False, "changed_at": timezone.now()}
    )
