import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from fazhi.security import audit, lockout, passwords


class Command(BaseCommand):
    help = "重置账号密码为一次性临时密码（下次登录须修改），并解除锁定"

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"账号 {username} 不存在。")
        temporary = f"Tmp-{secrets.token_urlsafe(9)}"
        user.set_password(temporary)
        user.save()
        passwords.require_change(user)
        lockout.unlock(username)
        audit.record(audit.Kind.PASSWORD_RESET, None, user=user, target=username, detail="命令行重置密码")
        self.stdout.write(f"{username} 的临时密码：{temporary}（登录后须立即修改）")
