"""Excel import: fazhi's importer against django-import-export, the same file into the same model.

The file: N dispute rows of the bench township in the import template's shape (Chinese headers,
choice labels, village names, real date cells). Ours: `fazhi.imports.services` check (every row
validated, nothing written) then commit (every record through the ledger's save path, history, the
deadline board and figure cache), in one transaction. Baseline: a django-import-export
`ModelResource` of `Dispute` reading the same .xlsx with tablib, the labels and village names
converted by its widgets, `import_data(..., use_transactions=True)`: one transaction, its own row
validation, `Model.save()` per row (so the same numbering, history and signals). Each run is
rolled back afterwards, so both start from the same database. Peak memory: how far the process's
resident memory rose above where it stood when the import began, sampled every 10 ms (freed memory
is handed back to the system before each import, so the second does not start on the first's).
tracemalloc, which counts Python allocations exactly, made both importers several times slower.

django-import-export is installed for the bench only (bench/requirements.txt).
"""

import ctypes
import datetime as dt
import gc
import io
import os
import random
import threading
import time

from django.db import transaction


def dispute_file(township, rows: int) -> bytes:
    from fazhi.imports.targets import targets

    target = targets()["disputes.dispute"]
    rng = random.Random(17)
    villages = list(township.children.values_list("name", flat=True))
    types = [label for _, label in target.model.Type.choices]
    sources = [label for _, label in target.model.Source.choices]
    fields = [c.field for c in target.columns]

    def row(i):
        values = {
            "received": dt.datetime(2025, 1, 1) + dt.timedelta(days=rng.randrange(360)),
            "village": rng.choice(villages),
            "source": rng.choice(sources),
            "type": rng.choice(types),
            "parties": f"张{i}、李{i}",
            "phone": f"139{i:08d}",
            "summary": "相邻双方因排水沟、通行道路发生争执",
            "kind": "人民调解",
            "criminal_risk": "否",
        }
        return [values.get(f) for f in fields]

    return target.importer().template_bytes("矛盾纠纷", rows=(row(i) for i in range(rows)))


def ours(data: bytes, township, user) -> int:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.imports import services

    batch = services.start(SimpleUploadedFile("矛盾纠纷.xlsx", data), township, user, "disputes.dispute")
    services.check(batch, user)
    assert batch.state == batch.State.CHECKED, batch.parts[0]["errors"][:3]
    services.commit(batch, user)
    assert batch.state == batch.State.DONE, batch.message
    return batch.created


def baseline(data: bytes, township, user) -> int:
    import tablib
    from import_export import fields, resources, widgets

    from fazhi.disputes.models import Dispute
    from fazhi.imports.targets import targets

    target = targets()["disputes.dispute"]

    class Choice(widgets.Widget):
        def __init__(self, field):
            super().__init__()
            self.values = {str(label): value for value, label in field.choices}
            self.default = field.get_default()

        def clean(self, value, row=None, **kwargs):
            return self.values.get(str(value), value) if value not in (None, "") else self.default

    class Yes(widgets.Widget):
        def clean(self, value, row=None, **kwargs):
            return value == "是"

    declared = {}
    for column in target.columns:
        field = Dispute._meta.get_field(column.field)
        if field.many_to_one:
            related = (
                township.children.all() if column.field == "village" else field.related_model.objects.all()
            )
            widget = widgets.ForeignKeyWidget(field.related_model, "name")
            widget.get_queryset = lambda value, row, *a, _q=related, **k: _q
        elif field.choices:
            widget = Choice(field)
        elif column.field == "criminal_risk":
            widget = Yes()
        elif column.parse.__name__ == "date":
            widget = widgets.DateWidget()
        else:
            widget = widgets.CharWidget()
        declared[column.field] = fields.Field(
            attribute=column.field, column_name=column.header, widget=widget
        )

    class DisputeResource(resources.ModelResource):
        locals().update(declared)

        class Meta:
            model = Dispute
            fields = tuple(declared)
            import_id_fields = ()
            use_transactions = True
            clean_model_instances = True
            skip_unchanged = False

        def get_instance(self, instance_loader, row):
            return None  # every row is new, as in ours

        def init_instance(self, row=None):
            return Dispute(township=township, created_by=user, updated_by=user)

    dataset = tablib.Dataset().load(io.BytesIO(data), format="xlsx")
    result = DisputeResource().import_data(dataset, dry_run=False, raise_errors=True, use_transactions=True)
    assert not result.has_errors() and not result.has_validation_errors()
    return result.totals["new"]


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakMemory:
    """The highest resident memory above the start, sampled by a thread while the block runs."""

    def __enter__(self):
        gc.collect()
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except OSError:  # not glibc: the start is then a little higher
            pass
        self.start = self.peak = _rss()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while not self.done.wait(0.01):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def mb(self) -> float:
        return (self.peak - self.start) / 1024 / 1024


def measure(fn, data, township, user) -> tuple[float, float, int]:
    """(seconds, peak MB, rows) of one import, rolled back afterwards."""
    with PeakMemory() as memory, transaction.atomic():
        started = time.perf_counter()
        created = fn(data, township, user)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return seconds, memory.mb, created


def run(bench) -> None:
    from django.contrib.auth import get_user_model

    from fazhi.core.models import BoardEntry

    try:
        import import_export  # noqa: F401
    except ImportError:
        bench.warn(
            "django-import-export is not installed (pip install -r bench/requirements.txt): no import bench"
        )
        return
    # The 20 000 rows; the quick run (CI) and the harness's own test (tiny volume) fewer.
    rows = 20000 if not bench.quick else 100 if (bench.volume or 20000) < 1000 else 1000
    township = bench.township
    user = get_user_model().objects.get(pk=bench.world.user_ids["township"])
    data = dispute_file(township, rows)
    before = BoardEntry.objects.count()
    # One small import of each first, not measured: what any first write pays once (the search
    # index's word segmenter loads its dictionary, ~70 MB of Python objects; the URL resolver; the
    # ledgers' sources) is then charged to neither, instead of to whichever runs first.
    warm = dispute_file(township, 20)
    for fn in (ours, baseline):
        measure(fn, warm, township, user)
    results = {}
    for name, fn in (("fazhi", ours), ("django-import-export", baseline)):
        seconds, peak, created = measure(fn, data, township, user)
        assert created == rows, (name, created)
        results[name] = (rows / seconds, peak)
        bench.log(
            f"[{bench.db_kind}/{bench.scale_name}] import {name}: {rows / seconds:,.0f} rows/s, peak {peak:.1f} MB"
        )
    assert BoardEntry.objects.count() == before  # both runs rolled back
    label = f"import: {rows:,} dispute rows (.xlsx)"
    ours_rate, ours_peak = results["fazhi"]
    base_rate, base_peak = results["django-import-export"]
    bench.add(f"{label} rows/s", ours_rate, "rows/s", "django-import-export, same file and model", base_rate)
    bench.add(f"{label} peak memory", ours_peak, "MB", "django-import-export peak memory", base_peak)
