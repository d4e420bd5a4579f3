"""The benchmark harness works: the generator fills a tiny world deterministically, and a quick run
writes results.json in the agreed shape. Speed itself is measured by `make bench`, never asserted here."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import transaction

from bench.generate import Generator, Scale

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"name", "scale", "db", "value", "unit", "baseline", "baseline_value", "ratio"}


def generate_and_digest(scale):
    from fazhi.org.models import Person, Region

    with transaction.atomic():
        world = Generator(scale, log=lambda *a: None).run()
        digest = (
            list(Region.objects.order_by("id").values_list("name", "code")),
            list(Person.objects.order_by("id").values_list("name", "position", "phone")),
            dict(world.counts),
        )
        transaction.set_rollback(True)
    return world, digest


@pytest.mark.django_db(transaction=False)
def test_generator_fills_a_tiny_world_deterministically():
    scale = Scale("township", 2, (2024, 2025), volume=300)
    world, first = generate_and_digest(scale)
    _, second = generate_and_digest(scale)
    assert first == second
    assert len(world.township_ids) == 2
    assert world.counts["org.Person"] >= 2
    assert world.records == sum(world.counts.values()) > 300
    assert world.rate > 0
    # Every ledger model with a table got rows, or a reason it was skipped.
    assert all("skipped" in w for w in world.warnings)


def test_quick_run_writes_results_in_the_agreed_shape(tmp_path):
    out = tmp_path / "results.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--volume",
            "300",
            "--load-timing",
            "1,0.3,0.1",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    entries = json.loads(out.read_text())
    assert entries and all(set(e) == KEYS for e in entries)
    assert all(e["scale"] == "township" and e["db"] == "sqlite" for e in entries)
    assert len({(e["name"], e["scale"], e["db"]) for e in entries}) == len(entries)
    names = {e["name"] for e in entries}
    assert any(n.startswith("queries: ") for n in names)
    assert any(n.startswith("indicators: ") for n in names)
    assert any(n.startswith("page: ") and n.endswith(" req/s") for n in names)
    assert any(n.startswith("list vs admin: ") for n in names)
    for e in entries:
        assert isinstance(e["value"], (int, float))
        if e["baseline_value"]:
            assert e["ratio"] == pytest.approx(e["value"] / e["baseline_value"], rel=0.01, abs=0.001)
    meta = json.loads((tmp_path / "results.meta.json").read_text())
    assert meta["runs"]["sqlite/township"]["records"] > 0
    assert "table" not in result.stdout or "benchmark" in result.stdout


def test_merge_keeps_one_entry_per_benchmark_the_later_file_winning(tmp_path, capsys):
    from bench.__main__ import main

    def entry(value):
        return {
            "name": "search: x",
            "scale": "county",
            "db": "sqlite",
            "value": value,
            "unit": "ms",
            "baseline": "icontains",
            "baseline_value": 2.0,
            "ratio": value / 2.0,
        }

    old, new, out = tmp_path / "old.json", tmp_path / "new.json", tmp_path / "out.json"
    old.write_text(json.dumps([entry(4.0), {**entry(1.0), "name": "digest: y"}]))
    new.write_text(json.dumps([entry(1.0)]))
    main(["--merge", str(old), str(new), "--out", str(out)])
    merged = [(e["name"], e["value"]) for e in json.loads(out.read_text())]
    assert sorted(merged) == [("digest: y", 1.0), ("search: x", 1.0)]
