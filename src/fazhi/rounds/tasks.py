from django_tasks import task


@task()
def open_rounds() -> int:
    from fazhi.rounds.services import open_all

    return open_all()


@task()
def remind_missing() -> int:
    from fazhi.rounds.services import remind_missing as run

    return run()
