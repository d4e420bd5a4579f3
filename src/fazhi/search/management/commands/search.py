"""`fazhi search --rebuild [--township NAME]`: rebuild the search index (after bulk loads).
`fazhi search WORDS --township NAME`: count the matches per ledger (the whole township: an admin's view)."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "全局搜索：--rebuild 重建索引；或给出词语，按台账统计本乡镇的匹配记录"

    def add_arguments(self, parser):
        parser.add_argument("words", nargs="*")
        parser.add_argument("--rebuild", action="store_true", help="重建搜索索引")
        parser.add_argument("--township", help="乡镇名称（默认全部）")

    def handle(self, *args, **options):
        from django.db.models import Count

        from fazhi.indicators.management.commands.indicators import find_township
        from fazhi.search import backends, index
        from fazhi.search.models import SearchEntry
        from fazhi.search.segment import query_words

        township = find_township(options["township"]) if options.get("township") else None
        if options["rebuild"]:
            written = index.rebuild(township)
            self.stdout.write(self.style.SUCCESS(f"搜索索引已重建：{written} 条记录。"))
            return
        words = query_words(" ".join(options["words"]))
        if not words:
            raise CommandError("请给出要搜索的词语，或使用 --rebuild 重建索引。")
        entries = SearchEntry.objects.filter(township=township) if township else SearchEntry.objects.all()
        counts = dict(
            backends.matching(entries, words, township_id=township.pk if township else None)
            .values_list("content_type")
            .annotate(n=Count("id"))
            .values_list("content_type", "n")
        )
        from django.contrib.contenttypes.models import ContentType

        for source in index.sources():
            n = counts.get(ContentType.objects.get_for_model(source.model).pk)
            if n:
                self.stdout.write(f"{source.label}：{n}")
        self.stdout.write(f"词语：{'、'.join(words)}；合计 {sum(counts.values())} 条。")
