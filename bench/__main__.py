"""`python -m bench` (`make bench`): every benchmark, a table, and bench/results.json.

    python -m bench --quick            # township scale on SQLite, well under a minute (CI)
    python -m bench                    # township + county on SQLite; township + county + province on
                                       # PostgreSQL when postgres://postgres@127.0.0.1:5432 answers
    python -m bench --db sqlite --scales township,county --out /tmp/r.json

Each database × scale runs in its own process (bench.run) on a fresh database. Query counts at a
larger scale take the same page at the next smaller scale as their baseline (ratio = larger/smaller).
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ORDER = ["township", "county", "province"]


def plan(args) -> list[tuple[str, str]]:
    if args.quick:
        return [("sqlite", "township")]
    from bench.env import pg_available

    dbs = args.db.split(",") if args.db else ["sqlite", "postgres"]
    runs = []
    for db in dbs:
        if db == "postgres" and not pg_available():
            print(
                "! PostgreSQL does not answer on 127.0.0.1:5432: skipping the PostgreSQL runs",
                file=sys.stderr,
            )
            continue
        scales = (
            args.scales.split(",")
            if args.scales
            else ["township", "county"] + (["province"] if db == "postgres" else [])
        )
        runs += [(db, s) for s in scales if not (s == "province" and db != "postgres")]
    return runs


def run_one(db: str, scale: str, args) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = fh.name
    command = [sys.executable, "-m", "bench.run", "--db", db, "--scale", scale, "--out", out]
    if args.quick:
        command.append("--quick")
    if args.volume:
        command += ["--volume", str(args.volume)]
    elif scale == "province" and args.province_volume:
        command += ["--volume", str(args.province_volume)]
    if args.load_timing:
        command += ["--load-timing", args.load_timing]
    if args.no_load or (scale == "province" and not args.province_load):
        command.append("--no-load")
    if args.only:
        command += ["--only", args.only]
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    )
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        print(f"! {db}/{scale} failed (exit {result.returncode})", file=sys.stderr)
        return {"entries": [], "meta": {"failed": result.returncode}}
    with open(out) as fh:
        data = json.load(fh)
    os.unlink(out)
    print(f"[{db}/{scale}] done in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return data


def scale_queries(entries: list[dict]) -> list[dict]:
    """Query counts at county/province scale get the next smaller scale's count as their baseline."""
    by_key = {(e["name"], e["db"], e["scale"]): e for e in entries if e["unit"] == "queries"}
    for (name, db, scale), e in by_key.items():
        i = ORDER.index(scale)
        smaller = next((by_key[(name, db, s)] for s in reversed(ORDER[:i]) if (name, db, s) in by_key), None)
        if smaller is not None:
            e["baseline"] = f"same page at {smaller['scale']} scale"
            e["baseline_value"] = smaller["value"]
            e["ratio"] = round(e["value"] / smaller["value"], 3) if smaller["value"] else None
    return entries


def fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.3g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(entries: list[dict]) -> str:
    head = ("benchmark", "scale", "db", "value", "unit", "baseline", "baseline", "ratio")
    rows = [
        (
            e["name"],
            e["scale"],
            e["db"],
            fmt(e["value"]),
            e["unit"],
            e["baseline"] or "—",
            fmt(e["baseline_value"]),
            fmt(e["ratio"]),
        )
        for e in entries
    ]

    def width(s):
        return sum(2 if ord(c) > 0x2E80 else 1 for c in s)

    widths = [max(width(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    widths[5] = min(widths[5], 44)
    lines = []
    for r in [head, *rows]:
        cells = []
        for i, c in enumerate(r):
            c = str(c)
            if i == 5 and width(c) > 44:
                c = c[:41] + "…"
            pad = widths[i] - width(c)
            cells.append(" " * pad + c if i in (3, 6, 7) else c + " " * pad)
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def machine() -> dict:
    info = {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        with open("/proc/meminfo") as fh:
            info["memory_gb"] = round(int(fh.readline().split()[1]) / 1024 / 1024, 1)
        with open("/proc/cpuinfo") as fh:
            info["cpu"] = next(
                (line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), ""
            )
    except OSError:
        pass
    return info


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="township scale on SQLite only (< 1 min)")
    parser.add_argument("--db", help="sqlite,postgres (default: both)")
    parser.add_argument("--scales", help="township,county,province (default: all that apply)")
    parser.add_argument("--volume", type=int, help="records per township-year (default 20 000)")
    parser.add_argument(
        "--province-volume",
        type=int,
        help="records per township-year at province scale only (default 20 000)",
    )
    parser.add_argument("--no-load", action="store_true", help="skip the HTTP load benchmarks")
    parser.add_argument(
        "--province-load", action="store_true", help="also run the HTTP load at province scale"
    )
    parser.add_argument(
        "--load-timing", help="rounds,seconds,warmup of each HTTP load (default 5,3,1.5; quick 2,1,0.3)"
    )
    parser.add_argument(
        "--only",
        help="phases to run, e.g. digest,assessment,search (queries_per_page, indicators, digest, "
        "assessment, imports, search, pages)",
    )
    parser.add_argument(
        "--merge",
        nargs="+",
        help="merge the results.json files of earlier runs instead of running (a later file's entry "
        "replaces an earlier one of the same name, scale and database)",
    )
    parser.add_argument("--out", default=str(HERE / "results.json"))
    args = parser.parse_args(argv)

    started = time.perf_counter()
    entries, meta = (
        [],
        {"machine": machine(), "runs": {}, "quick": args.quick, "date": time.strftime("%Y-%m-%d %H:%M %Z")},
    )
    if args.merge:  # results of separate runs (e.g. SQLite and PostgreSQL) into one table
        merged = {}
        for path in args.merge:
            for e in json.loads(Path(path).read_text()):
                merged[(e["name"], e["scale"], e["db"])] = e
            other = Path(path).with_name(Path(path).stem + ".meta.json")
            if other.exists():
                for key, run in json.loads(other.read_text())["runs"].items():
                    meta["runs"].setdefault(key, {}).update(run)
        entries = list(merged.values())
    for db, scale in [] if args.merge else plan(args):
        data = run_one(db, scale, args)
        entries += data["entries"]
        meta["runs"][f"{db}/{scale}"] = data["meta"]
    entries = scale_queries(entries)
    print()
    print(table(entries))
    for key, run in meta["runs"].items():
        if "records" in run:
            print(
                f"{key}: {run['records']:,d} records generated in {run['generate_s']}s "
                f"({run['records_per_s']:,d} records/s); deadline board {run.get('board_entries', 0):,d} "
                f"entries in {run.get('board_s', 0)}s; {run.get('versions')}"
            )
        for warning in run.get("warnings", []):
            print(f"  ! {key}: {warning}")
    out = Path(args.out)
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n")
    tmp.replace(out)
    out.with_name(out.stem + ".meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1, default=str) + "\n"
    )
    print(f"\n{len(entries)} entries → {out} in {time.perf_counter() - started:.0f}s")
    failed = [k for k, r in meta["runs"].items() if "failed" in r]
    if failed or not entries:
        sys.exit(1)


if __name__ == "__main__":
    main()
