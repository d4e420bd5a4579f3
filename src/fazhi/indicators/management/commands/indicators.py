import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.indicators.registry import Scope, compute_all, format_value
from fazhi.org.models import Region


def find_township(name: str) -> Region:
    matches = list(Region.objects.townships().filter(name=name))
    if not matches:
        raise CommandError(f"找不到乡镇：{name}")
    if len(matches) > 1:
        raise CommandError(f"有多个名为“{name}”的乡镇，请使用区划代码")
    return matches[0]


class Command(BaseCommand):
    help = "计算一个乡镇一个年度的全部指标"

    def add_arguments(self, parser):
        parser.add_argument("--township", required=True)
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        figures = compute_all(Scope(find_township(options["township"]), options["year"]))
        if options["json"]:
            for figure in figures:
                value = figure["value"]
                figure["value"] = float(value) if value is not None and not isinstance(value, int) else value
            self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=1))
            return
        for figure in figures:
            self.stdout.write(
                f"{figure['code']:<40} {figure['name']:<20} {format_value(figure['value'])}{figure['unit']}"
            )
