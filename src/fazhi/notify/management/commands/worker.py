"""`fazhi worker`: the background worker — the scheduler (enqueues due jobs) and the django-tasks
database worker (runs what is queued), in one process. `make run` starts it beside gunicorn."""

import logging
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from fazhi.notify import schedule


def scheduler_loop(interval: float, stop: threading.Event) -> None:
    log = logging.getLogger("fazhi.worker")
    while not stop.is_set():
        close_old_connections()
        try:
            schedule.tick()
        except Exception:  # a bad tick must not kill the scheduler: log it and try again
            log.exception("定时任务调度出错")
        stop.wait(interval)
    connection.close()


class Command(BaseCommand):
    help = "后台任务进程：按计划把定时任务加入队列，并执行队列中的任务（Ctrl-C 停止）"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="队列为空时的轮询间隔（秒）")
        parser.add_argument("--tick", type=float, default=None, help="检查定时任务的间隔（秒）")

    def handle(self, *args, interval, tick, **options):
        log = logging.getLogger("fazhi.worker")
        if not log.handlers:
            handler = logging.StreamHandler(self.stdout)
            handler.setFormatter(logging.Formatter("[worker] %(message)s"))
            log.addHandler(handler)
            log.setLevel(logging.INFO)
            log.propagate = False
        tick = tick or getattr(settings, "FAZHI_SCHEDULER_TICK", 10)
        for job in schedule.effective_jobs():
            extra = "（仅工作日）" if job.working_days_only else ""
            log.info("定时任务：%s 每日 %s%s", job.label, job.at.strftime("%H:%M:%S"), extra)
        stop = threading.Event()
        threading.Thread(target=scheduler_loop, args=(tick, stop), daemon=True, name="scheduler").start()
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        log.info("后台任务进程已启动")
        try:
            worker.run()
        finally:
            stop.set()
            time.sleep(0)
