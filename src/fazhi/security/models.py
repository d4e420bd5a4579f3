"""Security audit events (append-only) and the state that lockout and password rules keep."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone

from fazhi.core.fields import meta, optional_link, user_link


class EventQuerySet(models.QuerySet):
    def delete(self):
        raise PermissionDenied("安全审计记录只能追加，不能删除（过期记录由 purge_security_events 清理）。")

    def update(self, **kwargs):
        raise PermissionDenied("安全审计记录只能追加，不能修改。")

    def purge_before(self, cutoff):
        """The one way rows leave the table: older than the retention period (see the purge command)."""
        return models.QuerySet.delete(self.filter(at__lt=cutoff))


class SecurityEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", "登录成功"
        LOGIN_FAILED = "login_failed", "登录失败"
        LOCKOUT = "lockout", "账号/地址锁定"
        UNLOCK = "unlock", "解除锁定"
        LOGOUT = "logout", "退出登录"
        TIMEOUT = "timeout", "会话超时"
        TOKEN_ISSUED = "token_issued", "签发接口令牌"
        TOKEN_FAILED = "token_failed", "接口令牌无效"
        PASSWORD_CHANGED = "password_changed", "修改密码"
        PASSWORD_RESET = "password_reset", "重置密码"
        ROLE_CHANGED = "role_changed", "角色变更"
        EXPORT = "export", "导出含个人信息的清单"
        REPORT_DOWNLOAD = "report_download", "下载报告"
        DOWNLOAD = "download", "下载附件"
        BACKUP = "backup", "备份"
        RESTORE = "restore", "恢复"
        OTP_ENROLLED = "otp_enrolled", "启用双因素认证"
        OTP_FAILED = "otp_failed", "动态口令错误"
        OTP_RESET = "otp_reset", "重置双因素认证"

    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    kind = models.CharField("事件", max_length=20, choices=Kind.choices, db_index=True)
    user = user_link("用户", blank=True, related_name=None)
    username = models.CharField("用户名", max_length=150, blank=True, db_index=True)
    address = models.CharField("来源地址", max_length=64, blank=True)
    township = optional_link("org.Region", "乡镇", related_name="+")
    target = models.CharField("对象", max_length=200, blank=True)  # which list, report, account
    rows = models.PositiveIntegerField("行数", null=True, blank=True)
    detail = models.CharField("说明", max_length=300, blank=True)

    objects = EventQuerySet.as_manager()

    Meta = meta("安全审计事件", "-at", "-id")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("安全审计记录只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("安全审计记录只能追加，不能删除。")


class AccessLock(models.Model):
    """Failure count of one account or one client address; `locked_at` set once the limit is passed."""

    key = models.CharField(max_length=200, unique=True)  # "user:<name>" or "addr:<ip>"
    failures = models.PositiveIntegerField(default=0)
    first_failure_at = models.DateTimeField(null=True)
    locked_at = models.DateTimeField(null=True)

    Meta = meta("登录锁定")

    def __str__(self):
        return self.key


class PasswordState(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_state"
    )
    must_change = models.BooleanField("须修改密码", default=False)
    changed_at = models.DateTimeField("最近修改", null=True)

    def __str__(self):
        return f"{self.user_id}: {'须修改' if self.must_change else '正常'}"


class PasswordHistory(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    password = models.CharField(max_length=128)  # the hash, as in auth_user
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.user_id} {self.at:%Y-%m-%d}"
