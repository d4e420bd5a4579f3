from django.core.management.base import BaseCommand
from django.db import transaction

from fazhi.core.demo import DEMO_COUNTY, DEMO_TOWNSHIP, run_all


class Command(BaseCommand):
    help = "建立演示数据：江源县及其青山镇（可重复执行，结果相同）"

    def handle(self, *args, **options):
        with transaction.atomic():
            run_all(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"演示数据就绪：{DEMO_COUNTY} · {DEMO_TOWNSHIP}"))
