"""`fazhi draft check FILE [--json] [--kind document|contract]`: check a draft (.txt/.docx/.pdf)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

SUFFIXES = (".txt", ".docx", ".pdf")


class Command(BaseCommand):
    help = "草案审查：check 检查一份规范性文件或合同草案（.txt/.docx/.pdf）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="检查一份草案")
        check.add_argument("file")
        check.add_argument("--json", action="store_true", help="以 JSON 输出问题清单")
        check.add_argument("--kind", choices=["document", "contract"], help="草案类别（默认自动判断）")

    def handle(self, *args, **options):
        from fazhi.drafts.checker import check_text, read_file

        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        if path.suffix.lower() not in SUFFIXES:
            raise CommandError(f"不支持的文件类型：{path.suffix or '无扩展名'}（支持 .txt、.docx、.pdf）")
        try:
            text = read_file(path)
        except Exception as exc:
            raise CommandError(f"无法读取该文件：{exc}")
        findings = check_text(text, options.get("kind"))
        if options["json"]:
            self.stdout.write(json.dumps([f.public() for f in findings], ensure_ascii=False, indent=1))
            return
        if not findings:
            self.stdout.write(self.style.SUCCESS("未发现问题。"))
            return
        for number, finding in enumerate(findings, start=1):
            self.stdout.write(f"{number}. 【{finding.position}】{finding.text}")
            self.stdout.write(f"   可能违反：{finding.rule}")
            self.stdout.write(f"   依据：{finding.citation}")
        self.stdout.write(f"共 {len(findings)} 处问题。")
