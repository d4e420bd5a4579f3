from django.core.management.base import BaseCommand

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.org.demo import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "打印演示账号"

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args, bind="127.0.0.1:8000", **options):
        self.stdout.write("")
        self.stdout.write(f"法治政府建设平台已启动：http://{bind}")
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, (_, _, label) in DEMO_ACCOUNTS.items():
            self.stdout.write(f"  {username:<16} {label}")
        self.stdout.write("")
