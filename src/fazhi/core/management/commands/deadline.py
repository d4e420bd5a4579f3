import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.deadlines import CALENDAR_DAYS, MONTHS, WORKING_DAYS, due_date


class Command(BaseCommand):
    help = "计算法定期限的到期日：fazhi deadline START N [--working|--months]"

    def add_arguments(self, parser):
        parser.add_argument("start", help="起算日 YYYY-MM-DD（当日不计入）")
        parser.add_argument("count", type=int, help="期间长度")
        unit = parser.add_mutually_exclusive_group()
        unit.add_argument("--working", action="store_true", help="按工作日计算")
        unit.add_argument("--months", action="store_true", help="按月计算")

    def handle(self, *args, **options):
        try:
            start = dt.date.fromisoformat(options["start"])
        except ValueError:
            raise CommandError(f"起算日格式应为 YYYY-MM-DD：{options['start']}")
        if options["count"] < 0:
            raise CommandError("期间长度不能为负数")
        unit = WORKING_DAYS if options["working"] else MONTHS if options["months"] else CALENDAR_DAYS
        due = due_date(start, options["count"], unit)
        if due.approximate:
            self.stderr.write(f"警告：{due.warning}")
        self.stdout.write(due.date.isoformat())
