"""Global search against a plain `icontains` scan of the same fields, on the same data, same user.

The generator inserts in bulk, past the signals that keep the index in step, so the index is rebuilt
first, as `fazhi search --rebuild` does after an import (timed: "search index"). At county scale only
the bench township is rebuilt (its three years, ~60 000 records: the rate is measured there); the other
townships' entries are copies of its entries under their township id (object ids shifted past any real
one), so the full-text index the query runs against holds a county's worth of entries (~1.7 million)
without 40 minutes of segmentation. Those copies are never in the bench user's scope. Then, for the bench's
township account: `search.query.search` (segmented words, the database's full-text index, every
ledger scoped as its list) against the same words looked up with `icontains` over every indexed
field of every ledger, scoped the same way, counting and fetching the first page of each ledger.
"""

import time
from functools import reduce
from operator import and_, or_

QUERIES = ("道路 通行", "违法建设", "宅基地 纠纷")


def icontains_scan(request, words, per_ledger):
    """The baseline: what a search box over the lists' substring filter would have to do."""
    from django.db.models import Q

    from fazhi.search.index import sources
    from fazhi.search.query import scoped_ids

    found = 0
    for source in sources():
        fields = source.fields + tuple(source.names)
        if not fields:
            continue
        each_word = [reduce(or_, (Q(**{f"{f}__icontains": w}) for f in fields)) for w in words]
        queryset = source.model.objects.filter(pk__in=scoped_ids(source, request)).filter(
            reduce(and_, each_word)
        )
        rows = list(queryset.order_by("-pk").values_list("pk", flat=True)[: per_ledger + 1])
        found += len(rows) if len(rows) <= per_ledger else queryset.count()
    return found


def run(bench):
    from django.test import RequestFactory

    from fazhi.core.access import access_for
    from fazhi.search import index
    from fazhi.search.models import SearchEntry
    from fazhi.search.query import PER_LEDGER, search
    from fazhi.search.segment import query_words

    if bench.scale_name == "province":
        bench.warn("search: not measured at province scale (the index rebuild of 20 million records)")
        return
    started = time.perf_counter()
    written = index.rebuild(bench.township)
    seconds = time.perf_counter() - started
    copied = copy_entries(bench)
    bench.meta["search_index"] = {"entries": written, "seconds": round(seconds, 1), "copied": copied}
    bench.log(
        f"  search index: {written:,d} entries in {seconds:.1f}s ({written / max(seconds, 1e-9):,.0f}/s)"
        + (f"; {copied:,d} copied to the other townships" if copied else "")
    )
    bench.analyse()

    request = RequestFactory().get("/search/")
    request.user, request.township = bench.user, bench.township
    access_for(bench.user)
    repeat = 3 if bench.quick else 7
    for query in QUERIES:
        words = query_words(query)
        _, groups = search(request, query)
        ours_count = sum(g.count for g in groups)
        theirs_count = icontains_scan(request, words, PER_LEDGER)
        if ours_count != theirs_count:
            # Segmentation finds words, a substring scan finds characters: say so rather than hide it.
            bench.warn(f"search “{query}”: {ours_count} results vs {theirs_count} by icontains")
        ours = bench_timer(lambda q=query: search(request, q), repeat)
        theirs = bench_timer(lambda w=words: icontains_scan(request, w, PER_LEDGER), repeat)
        bench.add(
            f"search: “{query}” ({ours_count} results)",
            ours,
            "ms",
            "icontains scan of the same fields, same scope",
            theirs,
        )
    bench.meta["search_entries_in_township"] = SearchEntry.objects.filter(township=bench.township).count()


def copy_entries(bench) -> int:
    """The bench township's entries again under every other township (see the module's docstring)."""
    from django.db import connection, transaction

    from fazhi.search.backends import township_token
    from fazhi.search.models import SearchEntry

    table = SearchEntry._meta.db_table
    others = [pk for pk in bench.world.township_ids if pk != bench.township.pk]
    own = f" {township_token(bench.township.pk)} "
    with transaction.atomic(), connection.cursor() as cursor:
        for i, township_id in enumerate(others, start=1):
            cursor.execute(
                f"INSERT INTO {table} (township_id, content_type_id, object_id, title, body, words, updated_at) "
                f"SELECT %s, content_type_id, object_id + %s, title, body, REPLACE(words, %s, %s), updated_at "
                f"FROM {table} WHERE township_id = %s",
                [township_id, i * 1_000_000_000, own, f" {township_token(township_id)} ", bench.township.pk],
            )
    return SearchEntry.objects.exclude(township=bench.township).count()


def bench_timer(fn, repeat):
    from bench.run import Timer

    return Timer.ms(fn, repeat)
