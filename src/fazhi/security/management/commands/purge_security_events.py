from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.security.models import SecurityEvent

# 网络安全法 第二十一条（三）: network logs are kept for no less than six months.
MINIMUM_DAYS = 180


class Command(BaseCommand):
    help = "清理超过保存期限的安全审计记录（保存期不少于180天，网络安全法第二十一条）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="保存天数（默认 FAZHI_AUDIT_RETENTION_DAYS）"
        )

    def handle(self, days=None, **options):
        days = settings.FAZHI_AUDIT_RETENTION_DAYS if days is None else days
        if days < MINIMUM_DAYS:
            raise CommandError(
                f"安全审计记录至少保存{MINIMUM_DAYS}天（网络安全法第二十一条），不能设为{days}天。"
            )
        deleted, _ = SecurityEvent.objects.purge_before(timezone.now() - timedelta(days=days))
        self.stdout.write(f"已清理 {deleted} 条 {days} 天前的安全审计记录。")
