from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.security import audit, backup


class Command(BaseCommand):
    help = "从备份恢复到一个空数据库（先校验清单）：fazhi restore FILE"

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        if not Path(file).is_file():
            raise CommandError(f"备份文件 {file} 不存在。")
        try:
            manifest = backup.restore(Path(file))
        except backup.BackupError as exc:
            raise CommandError(str(exc))
        audit.record(audit.Kind.RESTORE, None, target=file, detail=f"自 {manifest['created_at']} 的备份恢复")
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"已恢复：{len(manifest['tables'])} 张表 {rows} 行、{len(manifest['files'])} 个附件，与清单一致。"
        )
