from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.security import audit, backup


class Command(BaseCommand):
    help = "备份数据库与附件（含行数与校验值清单）：fazhi backup --out FILE"

    def add_arguments(self, parser):
        parser.add_argument("--out", help="备份文件（.tar.gz）")
        parser.add_argument(
            "--daily", action="store_true", help="写入 FAZHI_BACKUP_DIR 并只保留最近 FAZHI_BACKUP_KEEP 份"
        )

    def handle(self, out=None, daily=False, **options):
        if daily:
            from fazhi.security.tasks import daily_backup_now

            self.stdout.write(f"已备份：{daily_backup_now()}")
            return
        if not out:
            raise CommandError("请用 --out 指定备份文件，或用 --daily 写入备份目录。")
        audit.record(audit.Kind.BACKUP, None, target=out, detail="开始备份")
        try:
            manifest = backup.create(Path(out))
        except backup.BackupError as exc:
            raise CommandError(str(exc))
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"已备份：{out}（{manifest['engine']}，{len(manifest['tables'])} 张表 {rows} 行，"
            f"{len(manifest['files'])} 个附件）"
        )
