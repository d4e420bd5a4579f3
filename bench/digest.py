"""The daily digest for every user of the generated world, against the raw SQL of the board queries
it needs; and the queries it runs per user (constant: tests/notify/test_digest.py pins it).

Each township gets the accounts a township has (镇长, 信访办, 党政办, 执法大队 beside the generated
司法所 account, already responsible for the rest through the default assignment), each made
responsible for its office's board entries, so every user has a digest and every 镇长 the
township's counts by office.
"""

import datetime as dt
import time


def workday_on_or_after(day: dt.date) -> dt.date:
    from fazhi.core.calendar import is_workday

    while not is_workday(day):
        day += dt.timedelta(days=1)
    return day


def accounts(world) -> int:
    from django.contrib.auth import get_user_model

    from fazhi.core.models import BoardEntry
    from fazhi.core.roles import Role
    from fazhi.org.models import RoleAssignment

    User = get_user_model()
    made = 0
    for township_id in world.township_ids:
        for role, office in (
            (Role.HEAD, None),
            (Role.PETITION, "信访办"),
            (Role.OFFICE, "党政办"),
            (Role.ENFORCEMENT, "综合行政执法大队"),
        ):
            user = User.objects.create(
                username=f"bench_{role}_{township_id}", first_name=f"{role}{township_id}"
            )
            RoleAssignment.objects.create(user=user, role=role, organisation_id=township_id)
            if office:
                BoardEntry.objects.filter(township_id=township_id, office__startswith=office).update(
                    responsible=user
                )
            made += 1
    return made


def run(bench) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from bench.run import Statements
    from fazhi.notify import digest
    from fazhi.notify.models import Notification

    accounts(bench.world)
    today = workday_on_or_after(timezone.localdate())
    users = digest.digest_users().count()
    repeat = 1 if bench.quick else 3
    times = []
    statements = []
    for i in range(repeat):
        Notification.objects.filter(kind="digest").delete()
        started = time.perf_counter()
        if i == 0:
            with CaptureQueriesContext(connection) as captured:
                recorder = Statements()
                recorder.capture(lambda: digest.send_all(today, deliver=False))
            statements = recorder.statements
            queries = len(captured)
        else:
            digest.send_all(today, deliver=False)
        times.append((time.perf_counter() - started) * 1000)
    sent = Notification.objects.filter(kind="digest").count()
    board = [
        (sql, params)
        for sql, params in statements
        if "core_boardentry" in sql and sql.lstrip().upper().startswith("SELECT")
    ]
    raw = []
    for _ in range(repeat):
        started = time.perf_counter()
        Statements.replay(board)
        raw.append((time.perf_counter() - started) * 1000)
    ms, raw_ms = sorted(times)[len(times) // 2], sorted(raw)[len(raw) // 2]
    bench.add(
        f"digest: every user ({users} users, {sent} sent)", ms, "ms", "raw SQL of its board queries", raw_ms
    )
    bench.add(
        "digest: queries per user",
        queries / max(users, 1),
        "queries",
        "board queries per user",
        len(board) / max(users, 1),
    )
    bench.meta["digest"] = {
        "users": users,
        "sent": sent,
        "queries": queries,
        "board_queries": len(board),
        "day": str(today),
    }
