"""`fazhi report build --township NAME --year YYYY --format docx|pdf|html --out FILE`
`fazhi report check FILE [--json]`"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "年度报告：build 生成 .docx/.pdf/.html；check 检查一份报告（.txt/.docx/.pdf）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        build = sub.add_parser("build", help="生成年度报告")
        build.add_argument("--township", required=True)
        build.add_argument("--year", type=int, required=True)
        build.add_argument("--format", choices=["docx", "pdf", "html"], default="docx")
        build.add_argument("--out", required=True)
        build.add_argument(
            "--addressee", default="", help="主送机关（可选），如：县委全面依法治县委员会办公室"
        )
        check = sub.add_parser("check", help="检查一份报告")
        check.add_argument("file")
        check.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        if options["action"] == "build":
            self.do_build(options)
        else:
            self.do_check(options)

    def do_build(self, options):
        from fazhi.indicators.management.commands.indicators import find_township
        from fazhi.reports import render, services
        from fazhi.reports.models import AnnualReport

        township = find_township(options["township"])
        report = AnnualReport.objects.filter(township=township, year=options["year"]).first()
        if report is None or report.current is None:
            # Nothing stored yet: build from the ledgers without saving (the CLI writes no records).
            from fazhi.reports.compose import compose

            title, blocks = compose(township, options["year"])
            report = AnnualReport(township=township, year=options["year"], title=title)
            version = type("V", (), {"blocks": blocks})()
        else:
            version = report.current
        doc = services.to_document(report, version, addressee=options["addressee"])
        fmt = options["format"]
        try:
            if fmt == "docx":
                data = render.render_docx(doc)
            elif fmt == "pdf":
                data = render.render_pdf(doc)
            else:
                data = render.render_html(doc, full_page=True).encode()
        except RuntimeError as exc:
            raise CommandError(str(exc))
        Path(options["out"]).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"已生成：{options['out']}（{len(data)} 字节）"))

    def do_check(self, options):
        from fazhi.reports.extract import SUPPORTED_SUFFIXES, check_file
        from fazhi.reports.parsing import PART_NAMES

        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise CommandError(f"不支持的文件类型：{path.suffix or '无扩展名'}（支持 .txt、.docx、.pdf）")
        try:
            result = check_file(path)
        except Exception as exc:
            # The readers' own errors are English ("File is not a zip file"): say it in Chinese.
            raise CommandError(
                f"无法读取该文件：文件可能已损坏、加密或不是有效的报告文档（{type(exc).__name__}）。"
            )
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        w = self.stdout.write
        w(f"标题：{result.get('title') or '（未识别）'}")
        w(f"单位：{result.get('organization') or '（未识别）'}    年度：{result.get('year') or '（未识别）'}")
        signature = result.get("signature") or {}
        w(f"落款：{signature.get('organization') or '—'} {signature.get('date') or ''}")
        w(
            "必备内容："
            + "；".join(
                f"{label}{'✔' if result['parts'].get(k) else '✘缺少'}" for k, label in PART_NAMES.items()
            )
        )
        w(f"识别出数据 {len(result['figures'])} 项")
        failed = [c for c in result["checks"] if not c["ok"]]
        for c in result["checks"]:
            if c["kind"] != "part":
                w(f"  {'✔' if c['ok'] else '✘'} {c['text']}")
        w(f"结论：{'发现 ' + str(len(failed)) + ' 处问题' if failed else '未发现问题'}")
