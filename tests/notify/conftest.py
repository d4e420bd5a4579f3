import datetime as dt

import pytest

from fazhi.core.roles import Role


@pytest.fixture
def petition_factory(world):
    from fazhi.petitions.actions import register_petition
    from fazhi.petitions.models import Petition

    def make(village=None, received=dt.date(2026, 11, 20), created_by="office", **kwargs):
        values = dict(
            township=world.township,
            village=village,
            received=received,
            channel="visit",
            petitioner="张三丰",
            phone="13912345678",
            subject="反映排水不畅",
            content="诉求",
            created_by=world.users[Role.OFFICE] if created_by == "office" else created_by,
        )
        values.update(kwargs)
        return register_petition(Petition(**values))

    return make


# Received dates whose 15-day acceptance notices fall due (calendar days, next working day) on
# 2026-11-25, 12-01, 12-02, 12-04 and 12-10: on Wednesday 2026-12-02 two are overdue, one is due
# today, one within the next 3 working days (12-03, 12-04, 12-07), one later.
TODAY = dt.date(2026, 12, 2)
RECEIVED = {
    "overdue-1": dt.date(2026, 11, 10),
    "overdue-2": dt.date(2026, 11, 16),
    "today": dt.date(2026, 11, 17),
    "soon": dt.date(2026, 11, 19),
    "later": dt.date(2026, 11, 25),
}


@pytest.fixture
def due_petitions(world, petition_factory):
    return {key: petition_factory(received=day, subject=f"事项{key}") for key, day in RECEIVED.items()}


@pytest.fixture
def smtp_server():
    """A real SMTP server on loopback (aiosmtpd) collecting what it receives."""
    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope)
            return "250 OK"

    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    controller.received = received
    yield controller
    controller.stop()


@pytest.fixture
def robot_server():
    """A local HTTP server standing in for a 企业微信/钉钉 group robot: keeps every JSON body posted."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    posted = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            posted.append((self.path, self.headers["Content-Type"], json.loads(body)))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"errcode":0,"errmsg":"ok"}')

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.posted = posted
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()
