"""`fazhi serve`: gunicorn and the background worker under one command (what `make run` starts).

The demo logins are printed once the server accepts connections, not before. Ctrl-C (or SIGTERM)
stops both; when either dies, the other is stopped too and the command fails.
"""

import os
import signal
import socket
import subprocess
import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


class Command(BaseCommand):
    help = "启动网站（gunicorn）和后台任务进程，Ctrl-C 同时停止"

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=3)
        parser.add_argument("--no-logins", action="store_true", help="不打印演示账号")

    def handle(self, *args, bind, workers, no_logins, **options):
        host, _, port = bind.rpartition(":")
        bin_dir = os.path.dirname(sys.executable)
        web = [os.path.join(bin_dir, "gunicorn"), "fazhi.wsgi", "-b", bind, "-w", str(workers)]
        web += ["--threads", "4", "--access-logfile", "-", "--error-logfile", "-"]
        worker = [sys.executable, "-m", "fazhi", "worker"]
        # Own process groups: the terminal's Ctrl-C reaches this command, which stops the children.
        procs = [subprocess.Popen(cmd, start_new_session=True) for cmd in (web, worker)]
        stopping = []

        def stop(signum=None, frame=None):
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        announced = False
        try:
            while not stopping:
                if any(p.poll() is not None for p in procs):
                    raise CommandError("网站或后台任务进程已退出，正在停止另一个。")
                if not announced and listening(host or "127.0.0.1", int(port)):
                    announced = True
                    if not no_logins:
                        call_command("logins", bind=bind, stdout=self.stdout)
                    else:
                        self.stdout.write(f"法治政府建设平台已启动：http://{bind}")
                    self.stdout.flush()
                time.sleep(0.2)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 20
            for p in procs:
                try:
                    p.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            self.stdout.write("网站和后台任务进程已停止。")
