"""Imports run in the background worker (django-tasks): a 50 000-row sheet takes minutes to check
and to write, longer than a request should. In tests and without a worker the backend runs them
inline. The page follows the progress file (`services.progress`)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from fazhi.imports import services
from fazhi.imports.models import ImportBatch


@task()
def check_batch(batch_id: int) -> None:
    services.check(ImportBatch.objects.get(pk=batch_id))


@task()
def commit_batch(batch_id: int, user_id: int) -> None:
    services.commit(ImportBatch.objects.get(pk=batch_id), get_user_model().objects.get(pk=user_id))
