from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.core import board
from fazhi.org.models import Region


class Command(BaseCommand):
    help = "期限看板：显示各乡镇逾期和即将到期的事项数；--rebuild 按台账重新计算全部期限"

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="重新计算（批量导入、节假日数据或期限设置变更后执行）"
        )
        parser.add_argument("--township", help="只处理该乡镇（名称或ID）")

    def handle(self, *args, rebuild=False, township=None, **options):
        townships = Region.objects.townships().order_by("id")
        if township:
            townships = (
                townships.filter(pk=township) if township.isdigit() else townships.filter(name=township)
            )
            if not townships:
                raise CommandError(f"没有乡镇“{township}”")
        if rebuild:
            started = timezone.now()
            written = sum(board.rebuild(t) for t in townships)
            seconds = (timezone.now() - started).total_seconds()
            self.stdout.write(
                f"已重新计算 {len(townships)} 个乡镇的期限：{written} 项，用时 {seconds:.1f} 秒"
            )
        today = timezone.localdate()
        for t in townships:
            counts = board.urgent_counts(board.visible_entries(t, today), today)
            if counts["overdue"] or counts["soon"]:
                soon = f"{board.SOON}日内到期"
                self.stdout.write(f"{t.name}：已逾期 {counts['overdue']} 项，{soon} {counts['soon']} 项")
