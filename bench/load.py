"""A small load generator on loopback, and the server under test (gunicorn, as `make run` starts it).

Pure Python (threads + http.client with keep-alive), so it runs on any machine the project runs on.
Each measurement is bounded in time. Targets are measured in rounds, interleaved with their baseline,
so a slow moment of a noisy machine hits both alike; requests/s is the median over the rounds,
p50/p99 are over every request of every round.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Round:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]  # completed requests; a timed-out one counts at the timeout (a lower bound)
    timeouts: int = 0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class Measured:
    path: str
    rounds: list[Round] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return median([r.rps for r in self.rounds])

    @property
    def latencies(self) -> list[float]:
        return sorted(x for r in self.rounds for x in r.latencies)

    def percentile(self, p: float) -> float:
        values = self.latencies
        if not values:
            return float("nan")
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000

    @property
    def errors(self) -> int:
        return sum(r.errors for r in self.rounds)

    @property
    def timeouts(self) -> int:
        return sum(r.timeouts for r in self.rounds)

    @property
    def requests(self) -> int:
        return sum(r.requests for r in self.rounds)


def median(values):
    values = sorted(values)
    if not values:
        return float("nan")
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def hammer(
    port: int, path: str, cookie: str, seconds: float, concurrency: int, timeout: float = 10.0, idle=None
) -> Round:
    """GET `path` from `concurrency` keep-alive connections for `seconds`. A request that takes longer
    than `timeout` is abandoned and counted as a timeout (its latency as `timeout`: a lower bound)."""
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0, 0]
    headers = {"Cookie": cookie, "Accept": "text/html", "Host": "127.0.0.1"}

    def worker():
        own: list[float] = []
        bad = slow = 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            except TimeoutError:
                slow += 1
                own.append(timeout)
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                continue
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                continue
            own.append(time.perf_counter() - started)
        conn.close()
        with lock:
            latencies.extend(own)
            errors[0] += bad
            errors[1] += slow

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if errors[1] and idle is not None:
        idle()  # the server is still working on the abandoned requests: let it finish first
    return Round(len(latencies) - errors[1], errors[0], elapsed, latencies, errors[1])


def cpu_seconds(pgid: int) -> float:
    """CPU time used so far by every process of a process group (the gunicorn master and workers)."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # the process group (field 5 of stat)
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK")


def measure(
    port: int,
    targets: dict[str, tuple[str, str]],
    rounds: int,
    seconds: float,
    warmup: float,
    concurrency: int,
    log=print,
    timeout: float = 10.0,
    idle=None,
) -> dict[str, Measured]:
    """targets: name -> (path, cookie). Warm every target up, then `rounds` rounds over all targets,
    each round in a rotated order."""
    names = list(targets)
    for name in names:
        path, cookie = targets[name]
        warm = hammer(port, path, cookie, warmup, concurrency, timeout, idle)
        if warm.requests == 0 or warm.errors:
            log(
                f"  ! {name} {path}: {warm.errors} errors in warm-up of {warm.requests + warm.errors} requests"
            )
    results = {name: Measured(targets[name][0]) for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            path, cookie = targets[name]
            results[name].rounds.append(hammer(port, path, cookie, seconds, concurrency, timeout, idle))
    return results


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn fazhi.wsgi with `make run`'s worker model (-w 3 --threads 4), on the bench database.

    Differences from `make run`: a free port, no access log (its formatting would be measured too),
    and the settings module bench.settings (fazhi.settings plus /bench/floor)."""

    def __init__(self, workers: int = 3, threads: int = 4):
        self.port = free_port()
        self.workers, self.threads = workers, threads
        self.process = None

    def __enter__(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [
            str(gunicorn) if gunicorn.exists() else sys.executable,
            *([] if gunicorn.exists() else ["-m", "gunicorn"]),
            "fazhi.wsgi",
            "-b",
            f"127.0.0.1:{self.port}",
            "-w",
            str(self.workers),
            "--threads",
            str(self.threads),
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT),
        ]
        self.process = subprocess.Popen(command, env=env, start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def wait_idle(self, limit: float = 180.0):
        """Until the server's processes use (almost) no CPU for 0.5 s."""
        deadline = time.time() + limit
        last = cpu_seconds(self.process.pid)
        while time.time() < deadline:
            time.sleep(0.5)
            now = cpu_seconds(self.process.pid)
            if now - last < 0.05:
                return
            last = now

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __exit__(self, *exc):
        self.stop()
