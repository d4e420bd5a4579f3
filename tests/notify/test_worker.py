"""The worker: scheduled slots are enqueued once; `fazhi serve` starts gunicorn and the worker,
prints the logins only once the server listens, runs a job scheduled seconds ahead, stops on Ctrl-C."""

import datetime as dt
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from fazhi.notify import schedule
from fazhi.notify.models import JobRun

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(y, m, d, hh, mm):
    return dt.datetime(y, m, d, hh, mm, tzinfo=SHANGHAI)


@pytest.mark.django_db
def test_a_slot_is_enqueued_once_and_only_when_due(settings):
    from django_tasks_db.models import DBTaskResult

    settings.FAZHI_SCHEDULE = {"notify.heartbeat": "09:00"}
    assert "notify.heartbeat" not in schedule.tick(at(2026, 12, 2, 8, 59))
    assert "notify.heartbeat" in schedule.tick(at(2026, 12, 2, 9, 0))
    assert "notify.heartbeat" not in schedule.tick(at(2026, 12, 2, 9, 5))  # claimed already
    assert JobRun.objects.filter(job="notify.heartbeat").count() == 1
    assert DBTaskResult.objects.filter(task_path__endswith="heartbeat").count() == 1
    assert "notify.heartbeat" in schedule.tick(at(2026, 12, 3, 9, 0))  # the next day's slot


@pytest.mark.django_db
def test_working_day_jobs_skip_weekends_and_holidays(settings):
    settings.FAZHI_SCHEDULE = {"notify.digest": "08:30"}
    assert "notify.digest" not in schedule.tick(at(2026, 12, 5, 8, 31))  # Saturday
    assert "notify.digest" not in schedule.tick(at(2026, 10, 1, 8, 31))  # 国庆节
    assert "notify.digest" in schedule.tick(at(2026, 12, 4, 8, 31))  # Friday


@pytest.mark.django_db
def test_a_disabled_job_never_runs(settings):
    settings.FAZHI_SCHEDULE = {"notify.heartbeat": "off"}
    assert "notify.heartbeat" not in {job.name for job in schedule.effective_jobs()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_until(proc, selector, needle: str, timeout: float, seen: list[str]) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for key, _ in selector.select(timeout=0.5):
            line = key.fileobj.readline()
            if line:
                seen.append(line)
                if needle in line:
                    return True
        if proc.poll() is not None:
            return False
    return False


@pytest.mark.slow
def test_serve_runs_gunicorn_and_the_worker_and_a_job_scheduled_ahead(tmp_path):
    port = free_port()
    fire = timezone.now().astimezone(SHANGHAI) + dt.timedelta(seconds=12)
    env = {
        **os.environ,
        "FAZHI_VAR_DIR": str(tmp_path),
        "FAZHI_SCHEDULE": json.dumps(
            {**{name: "off" for name in schedule.JOBS}, "notify.heartbeat": fire.strftime("%H:%M:%S")}
        ),
        "FAZHI_SCHEDULER_TICK": "1",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    fazhi = [sys.executable, "-m", "fazhi"]
    subprocess.run([*fazhi, "migrate", "--noinput", "-v0"], env=env, check=True, timeout=1200)
    proc = subprocess.Popen(
        [*fazhi, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen: list[str] = []
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    try:
        assert read_until(proc, selector, "法治政府建设平台已启动", 240, seen), "".join(seen)
        # The login lines come only once the server answers.
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
        assert read_until(proc, selector, "后台任务自检：运行正常", 240, seen), "".join(seen)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        rest = proc.stdout.read()
    assert "已停止" in rest + "".join(seen)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_the_daily_backup_is_a_scheduled_job():
    job = schedule.JOBS["security.backup"]
    assert job.at.hour == 2 and not job.working_days_only  # registered by the security app
