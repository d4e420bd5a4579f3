"""One bench process: a fresh database, one scale, every benchmark; writes its entries as JSON.

    python -m bench.run --db sqlite --scale township [--quick] --out entries.json

`python -m bench` runs one of these per database and scale (Django's settings are per process) and
merges their entries into bench/results.json.
"""

import argparse
import datetime as dt
import json
import statistics
import sys
import time

from bench import env

FLOOR = "/bench/floor"


def entry(name, scale, db, value, unit, baseline, baseline_value):
    ratio = None
    if isinstance(value, (int, float)) and isinstance(baseline_value, (int, float)) and baseline_value:
        ratio = round(value / baseline_value, 3)
    return {
        "name": name,
        "scale": scale,
        "db": db,
        "value": _round(value),
        "unit": unit,
        "baseline": baseline,
        "baseline_value": _round(baseline_value),
        "ratio": ratio,
    }


def _round(value):
    if isinstance(value, float):
        return round(value, 3 if value < 10 else 1)
    return value


class Timer:
    """Median wall time of a callable over `repeat` runs after `warmup` runs (ms)."""

    @staticmethod
    def ms(fn, repeat: int, warmup: int = 1) -> float:
        for _ in range(warmup):
            fn()
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            fn()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)


class Statements:
    """Records the SQL statements (with parameters) a block of ORM code runs, to replay them raw."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params))
        return execute(sql, params, many, context)

    def capture(self, fn):
        from django.db import connection

        with connection.execute_wrapper(self):
            fn()
        return self.statements

    @staticmethod
    def replay(statements):
        from django.db import connection

        with connection.cursor() as cursor:
            for sql, params in statements:
                cursor.execute(sql, params)
                cursor.fetchall()


class Bench:
    def __init__(
        self,
        db_kind: str,
        scale_name: str,
        quick: bool,
        log=print,
        volume: int | None = None,
        load: bool = True,
        only: tuple[str, ...] = (),
    ):
        self.db_kind, self.scale_name, self.quick, self.log = db_kind, scale_name, quick, log
        self.volume, self.load, self.only = volume, load, only
        self.timing = None  # (rounds, seconds, warmup) of the load, when not the default
        self.entries: list[dict] = []
        self.meta: dict = {}

    def add(self, *args):
        self.entries.append(entry(args[0], self.scale_name, self.db_kind, *args[1:]))

    def warn(self, text: str):
        self.log(f"  ! {text}")
        self.meta.setdefault("warnings", []).append(text)

    def section(self, fn):
        """Runs one benchmark; a failure (an app mid-way: a missing table…) is reported, not fatal."""
        try:
            fn()
        except Exception as exc:
            import traceback

            self.warn(f"{fn.__name__} failed: {type(exc).__name__}: {str(exc)[:300]}")
            traceback.print_exc(limit=3, file=sys.stderr)

    # ------------------------------------------------------------------------------------------
    def run(self):
        started = time.perf_counter()
        database = env.prepare(self.db_kind)
        self.log(f"[{self.db_kind}/{self.scale_name}] database {database.url}")
        t = time.perf_counter()
        env.migrate()
        self.meta["migrate_s"] = round(time.perf_counter() - t, 1)
        self.log(f"[{self.db_kind}/{self.scale_name}] migrate: {self.meta['migrate_s']}s")
        from bench.generate import SCALES, Generator, Scale

        scale = SCALES[self.scale_name]
        if self.volume:
            scale = Scale(scale.name, scale.townships, scale.years, self.volume)
        # Only these phases never read the stored board (its rebuild is 35 min at county scale on a busy machine).
        board = not self.only or not set(self.only) <= {"search", "imports"}
        self.world = world = Generator(scale, log=self.log).run(board=board)
        self.log(
            f"[{self.db_kind}/{self.scale_name}] generated {world.records:,d} records in {world.seconds:.1f}s "
            f"({world.rate:,.0f} records/s)"
        )
        self.meta.update(
            records=world.records,
            generate_s=round(world.seconds, 2),
            records_per_s=round(world.rate),
            board_entries=world.board_entries,
            board_s=round(world.board_seconds, 1),
            counts=world.counts,
            versions=env.versions(),
        )
        self.meta.setdefault("warnings", []).extend(world.warnings)
        self.analyse()
        self.setup_pages()
        phases = [
            self.queries_per_page,
            self.indicators,
            self.digest,
            self.assessment,
            self.imports,
            self.search,
        ] + ([self.pages] if self.load else [])
        if self.only:
            phases = [p for p in phases if p.__name__ in self.only]
        for phase in phases:
            t = time.perf_counter()
            self.section(phase)
            self.log(f"[{self.db_kind}/{self.scale_name}] {phase.__name__}: {time.perf_counter() - t:.1f}s")
        self.meta["total_s"] = round(time.perf_counter() - started, 1)
        return self.entries

    def analyse(self):
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    # ------------------------------------------------------------------------------------------
    def setup_pages(self):
        """The pages to measure (those that exist), and logged-in sessions for them."""
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.urls import NoReverseMatch, reverse

        from fazhi.org.models import Department, Person, Region

        User = get_user_model()
        self.township = Region.objects.get(pk=self.world.township_ids[0])
        self.user = User.objects.get(pk=self.world.user_ids["township"])
        self.admin = User.objects.get(pk=self.world.user_ids["admin"])
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.user)
        self.admin_client = Client(raise_request_exception=False)
        self.admin_client.force_login(self.admin)
        name = settings.SESSION_COOKIE_NAME
        self.cookie = f"{name}={self.client.cookies[name].value}"
        self.admin_cookie = f"{name}={self.admin_client.cookies[name].value}"

        t = self.township
        person = Person.objects.filter(township=t).order_by("id").first()
        pages = {
            "floor": FLOOR,
            "dashboard": "/",
            "person list": "/org/person/",
            "person record": f"/org/person/{person.pk}/",
        }
        try:
            from fazhi.disputes.models import Dispute

            dispute = Dispute.objects.filter(township=t).order_by("id").first()
            if dispute is not None:
                pages["dispute list"] = reverse("disputes:dispute_list")
                pages["dispute record"] = reverse("disputes:dispute_detail", args=[dispute.pk])
        except (ImportError, NoReverseMatch):
            pass
        self.pages_to_measure = pages
        # Record pages show the record's history. Generated rows have none (bulk inserts skip
        # django-simple-history); the records under test get a realistic one: created, then changed twice.
        give_history(person)
        if "dispute record" in pages:
            give_history(dispute)
        # List page vs the admin changelist: same model, same data, same filter.
        if "dispute list" in pages:
            state = Dispute.objects.filter(township=t).values_list("state", flat=True).first()
            self.list_vs_admin = (
                "disputes (state filter)",
                f"{pages['dispute list']}?state={state}",
                f"/admin/disputes/dispute/?township__id__exact={t.pk}&state__exact={state}",
            )
        else:
            dept = Department.objects.filter(township=t).order_by("id").first()
            self.list_vs_admin = (
                "people (department filter)",
                f"/org/person/?department={dept.pk}",
                f"/admin/org/person/?township__id__exact={t.pk}&department__id__exact={dept.pk}",
            )

    def queries_per_page(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext, override_settings

        self.queries = {}
        self.latency = {}
        self.broken = set()
        label, ours, admin = self.list_vs_admin
        checks = [(name, path, self.client) for name, path in self.pages_to_measure.items()]
        checks.append((f"filtered list: {label}", ours, self.admin_client))
        checks.append((f"admin changelist: {label}", admin, self.admin_client))
        kept = {}
        for name, path, client in checks:
            # The page drawn (fazhi.core.pagecache off), then kept: a reader's second look.
            with override_settings(FAZHI_PAGE_CACHE=False):
                response = client.get(path)
                if response.status_code != 200:
                    self.warn(f"{name} {path}: HTTP {response.status_code}; not measured")
                    self.broken.add(name)
                    continue
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    client.get(path)
                self.queries[name] = len(captured)
                times = [(time.perf_counter() - started) * 1000]
                repeat = 0 if times[0] > 1000 else 2 if self.quick else 4
                for _ in range(repeat):
                    started = time.perf_counter()
                    client.get(path)
                    times.append((time.perf_counter() - started) * 1000)
                self.latency[name] = statistics.median(times)
            if name != "floor" and not name.startswith("admin"):
                kept[name] = Timer.ms(lambda c=client, p=path: c.get(p), repeat=max(repeat, 2))
        floor = self.queries.get("floor")
        for name, n in self.queries.items():
            if name != "floor":
                self.add(f"queries: {name}", n, "queries", "floor view, same session", floor)
        floor = self.latency.get("floor")
        for name, ms in self.latency.items():
            if name != "floor":
                self.add(f"one request: {name}", ms, "ms", "floor view, in-process test client", floor)
        for name, ms in kept.items():
            self.add(f"one request, kept page: {name}", ms, "ms", "floor view, in-process test client", floor)

    def digest(self):
        from bench import digest

        digest.run(self)

    def search(self):
        from bench import search

        search.run(self)

    # ------------------------------------------------------------------------------------------
    def indicators(self):
        from fazhi.indicators.registry import REGISTRY, Scope, compute_all
        from fazhi.org.models import Region

        year = self.world.year
        scope = Scope(self.township, year)
        repeat = 2 if self.quick else 9
        statements = Statements().capture(lambda: compute_all(scope))
        ours = Timer.ms(lambda: compute_all(scope), repeat, warmup=0)
        raw = Timer.ms(lambda: Statements.replay(statements), repeat)
        self.add(
            f"indicators: compute_all, {len(REGISTRY)} figures, township-year",
            ours,
            "ms",
            f"raw SQL of the same {len(statements)} queries",
            raw,
        )

        build, how = report_builder(self.township, year)
        statements = Statements().capture(build)
        ours = Timer.ms(build, repeat, warmup=0)
        raw = Timer.ms(lambda: Statements.replay(statements), repeat)
        self.add(
            f"report: {how} → .docx, township-year",
            ours,
            "ms",
            f"raw SQL of the same {len(statements)} queries",
            raw,
        )
        self.meta["report"] = how
        self.log(f"[{self.db_kind}/{self.scale_name}] indicators and report done; county comparison…")

        # The county comparison: the townships of one county (all of them at township scale: one).
        townships = list(Region.objects.filter(pk__in=self.world.township_ids[:30]).order_by("id"))
        codes = list(REGISTRY)

        def comparison():
            shared: dict = {}
            return {code: REGISTRY[code].values_by_township(townships, year, shared) for code in codes}

        started = time.perf_counter()
        statements = Statements().capture(comparison)
        first = (time.perf_counter() - started) * 1000
        once = self.quick or first > 30_000  # a pathological figure: measure once, and say so
        if first > 30_000:
            self.warn(f"county comparison took {first / 1000:.0f}s: measured once")
        ours = (
            first
            if once
            else statistics.median([first, Timer.ms(comparison, 1, 0), Timer.ms(comparison, 1, 0)])
        )
        raw = Timer.ms(lambda: Statements.replay(statements), 1 if once else 3, warmup=0)
        self.add(
            f"comparison: values_by_township, {len(codes)} figures × {len(townships)} townships",
            ours,
            "ms",
            f"raw SQL of the same {len(statements)} queries",
            raw,
        )

    def assessment(self):
        """A county assessment run (every township of the county, the default scheme) against the raw
        SQL of its figures: what scoring, explaining and storing the scores add to reading them."""
        from django.contrib.auth import get_user_model

        from fazhi.assessment import compute, services
        from fazhi.assessment.models import Item
        from fazhi.org.models import Region

        county = Region.objects.get(pk=self.world.county_id)
        user = get_user_model().objects.get(pk=self.world.user_ids["county"])
        year = self.world.year
        scheme = services.create_default(county, year, user)
        townships = services.townships_of(county)
        codes = {i.indicator for i in services.leaves(scheme) if i.method == Item.Method.AUTO}
        repeat = 1 if self.quick else 3
        services.run(scheme, user)  # the first run creates the scores; the timed ones rewrite them
        ours = Timer.ms(lambda: services.run(scheme, user), repeat, warmup=0)
        statements = Statements().capture(lambda: compute.county_values(codes, townships, year))
        raw = Timer.ms(lambda: Statements.replay(statements), repeat)
        self.add(
            f"assessment: county run, {len(services.leaves(scheme))} items × {len(townships)} townships",
            ours,
            "ms",
            f"raw SQL of its {len(statements)} figure queries",
            raw,
        )

    def imports(self):
        from bench import imports

        imports.run(self)

    # ------------------------------------------------------------------------------------------
    def pages(self):
        from bench.load import Server, measure

        if self.timing:
            rounds, seconds, warmup = self.timing
        elif self.quick:
            rounds, seconds, warmup = 2, 1.0, 0.3
        else:
            rounds, seconds, warmup = 5, 3.0, 1.5
        concurrency = 8
        broken = getattr(self, "broken", set())
        targets = {
            name: (path, self.cookie) for name, path in self.pages_to_measure.items() if name not in broken
        }
        slow = {name for name, ms in getattr(self, "latency", {}).items() if ms > 1000}
        if self.quick and slow:
            # Under load a page that takes over a second alone saturates the server for the whole
            # round; the quick run (CI, < 1 min) leaves it to the full run and its one-request entry.
            self.warn(f"quick run: no load test of {', '.join(sorted(slow))} (over 1 s for one request)")
            targets = {name: t for name, t in targets.items() if name not in slow}
        label, ours, admin = self.list_vs_admin
        if f"admin changelist: {label}" not in broken:
            targets[f"filtered list: {label}"] = (ours, self.admin_cookie)
            targets[f"admin changelist: {label}"] = (admin, self.admin_cookie)
        self.log(
            f"[{self.db_kind}/{self.scale_name}] load: {len(targets)} pages × {rounds} rounds × {seconds}s, "
            f"{concurrency} connections"
        )
        # A database connection per thread must not be held open by this process while gunicorn serves.
        from django.db import connections

        connections.close_all()
        with Server() as server:
            timeout = 5.0 if self.quick else 30.0
            results = measure(
                server.port,
                targets,
                rounds,
                seconds,
                warmup,
                concurrency,
                log=self.log,
                timeout=timeout,
                idle=server.wait_idle,
            )
        self.meta["load"] = {
            "rounds": rounds,
            "seconds": seconds,
            "warmup": warmup,
            "concurrency": concurrency,
            "workers": "gunicorn -w 3 --threads 4",
        }
        for name, r in results.items():
            if r.timeouts:
                self.warn(
                    f"{name}: {r.timeouts} of {r.requests + r.timeouts} requests took over {timeout:g}s "
                    f"(abandoned; counted at {timeout:g}s, so its p50/p99 are lower bounds)"
                )
            if r.errors:
                self.warn(f"{name}: {r.errors} failed requests of {r.requests + r.errors}; not reported")
        results = {name: r for name, r in results.items() if not r.errors}
        floor = results.pop("floor")
        for name in list(results):
            if name.startswith("admin changelist"):
                continue
            r = results[name]
            if name.startswith("filtered list"):
                a = results.get(f"admin changelist: {label}")
                if a is None:
                    continue
                self.add(f"list vs admin: {label} req/s", r.rps, "req/s", "Django admin changelist", a.rps)
                self.add(
                    f"list vs admin: {label} p50",
                    r.percentile(50),
                    "ms",
                    "Django admin changelist",
                    a.percentile(50),
                )
                continue
            self.add(f"page: {name} req/s", r.rps, "req/s", "floor (trivial view, same server)", floor.rps)
            self.add(f"page: {name} p50", r.percentile(50), "ms", "floor p50", floor.percentile(50))
            self.add(f"page: {name} p99", r.percentile(99), "ms", "floor p99", floor.percentile(99))


def give_history(record):
    from django.utils import timezone

    manager = type(record).history
    when = timezone.now() - dt.timedelta(days=30)
    for i, reason in enumerate(("登记", "受理", "更新")):
        manager.bulk_history_create(
            [record], update=i > 0, default_change_reason=reason, default_date=when + dt.timedelta(days=i)
        )


def report_builder(township, year):
    """A callable that builds the annual report's .docx for the township-year, and how it builds it.

    With fazhi.reports.compose (the product's composer) when it is importable and works; otherwise a
    bench-composed report: one paragraph per section from the registry's sentences."""
    from fazhi.indicators.registry import REGISTRY, Scope, compute_all
    from fazhi.reports.document import Block, Document
    from fazhi.reports.render import render_docx

    date = dt.date(year + 1, 1, 15)
    title = f"{township.government_name}关于{year}年度法治政府建设情况的报告"
    try:
        from fazhi.reports.compose import compose
        from fazhi.reports.services import export_blocks, plain_text, values_for

        def build():
            _title, blocks = compose(township, year)
            values = values_for(township, year, blocks)
            doc_blocks = [
                Block("heading", plain_text(b["text"], values), level=b["level"])
                if b["kind"] == "heading"
                else Block("paragraph", plain_text(b["text"], values))
                for b in export_blocks(blocks)
            ]
            return render_docx(
                Document(
                    title=_title or title, blocks=doc_blocks, signature=township.government_name, date=date
                )
            )

        build()
        return build, "compose + render_docx"
    except Exception as exc:  # the composer is being written: fall back, and say so
        print(
            f"  ! fazhi.reports.compose unusable ({type(exc).__name__}: {str(exc)[:120]}); bench-composed report",
            file=sys.stderr,
        )

    def build():
        figures = compute_all(Scope(township, year))
        sections: dict[str, list[str]] = {}
        for f in figures:
            sentence = REGISTRY[f["code"]].render(f["value"])
            if sentence:
                sections.setdefault(REGISTRY[f["code"]].section or "其他", []).append(sentence)
        blocks = []
        for section, sentences in sections.items():
            blocks.append(Block("heading", section, level=1))
            blocks.append(Block("paragraph", "，".join(sentences) + "。"))
        return render_docx(
            Document(title=title, blocks=blocks, signature=township.government_name, date=date)
        )

    return build, "bench-composed (compute_all + sentences)"


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", default="township")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--volume", type=int, default=None, help="records per township-year (tests use a tiny one)"
    )
    parser.add_argument("--no-load", action="store_true", help="skip the HTTP load benchmarks")
    parser.add_argument(
        "--load-timing", help="rounds,seconds,warmup of the HTTP load (default 5,3,1.5; quick 2,1,0.3)"
    )
    parser.add_argument("--only", help="comma-separated phases to run (default: every phase)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    def log(*parts):
        print(*parts, file=sys.stderr, flush=True)

    only = tuple(args.only.split(",")) if args.only else ()
    bench = Bench(
        args.db, args.scale, args.quick, log=log, volume=args.volume, load=not args.no_load, only=only
    )
    if args.load_timing:
        rounds, seconds, warmup = args.load_timing.split(",")
        bench.timing = (int(rounds), float(seconds), float(warmup))
    entries = bench.run()
    with open(args.out, "w") as fh:
        json.dump({"entries": entries, "meta": bench.meta}, fh, ensure_ascii=False, indent=1, default=str)


if __name__ == "__main__":
    main()
