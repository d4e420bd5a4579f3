"""Running numbers (编号, 案号, 文号): given by the ledger's action, guarded by a unique constraint.

Two clerks saving at the same moment both read the same last number; the database's unique
constraint (`unique_number`) refuses the second insert, and `save_numbered` gives that record the
next number and saves again, inside a savepoint so the surrounding transaction (an import of 20 000
rows, a workflow step) survives the conflict.

    class Meta:
        constraints = [unique_number("township", "number", name="petition_number_unique")]

    save_numbered(petition, assign, lambda p: save_record(p, user, reason="登记"))
"""

from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Length

from fazhi.core.errors import Refused

ATTEMPTS = 5
CONFLICT = "编号“{number}”已被使用，连续{attempts}次重新编号仍有冲突，未保存，请稍后重试。"
TAKEN = "编号“{number}”已被使用，未保存。"


def unique_number(*fields: str, name: str, number: str = "number", empty="") -> models.UniqueConstraint:
    """A running number unique per township and year. `fields` name the township, the number and
    the year column when the number does not spell the year itself. Records still without a number
    (`empty`: "" for text, None for a nullable integer) are not constrained."""
    condition = Q(**{f"{number}__isnull": False}) if empty is None else ~Q(**{number: empty})
    return models.UniqueConstraint(fields=list(fields), condition=condition, name=name)


def next_number(model, township, prefix: str, year: int) -> str:
    """The next running number of the year in a township, e.g. JF2026-0007. Inside a batch
    (`core.batch.batched`) the year's last number is looked up once and counted on in memory: the
    import of 20 000 disputes does not ask for it 20 000 times."""
    from fazhi.core.batch import current

    start = f"{prefix}{year}-"
    batch = current()
    key = (model, township.pk, start)
    if batch is not None and key in batch.numbers:
        number = batch.numbers[key] + 1
    else:
        # Longest first: JF2026-10000 comes after JF2026-9999, though not in text order.
        last = (
            model.objects.filter(township=township, number__startswith=start)
            .order_by(Length("number").desc(), "-number")
            .values_list("number", flat=True)
            .first()
        )
        tail = last[len(start) :] if last else ""
        number = int(tail) + 1 if tail.isdigit() else 1
    if batch is not None:
        batch.numbers[key] = number
    return f"{start}{number:04d}"


def save_numbered(instance, assign, save, field: str = "number", attempts: int = ATTEMPTS):
    """`assign(instance)` gives the next number, `save(instance)` writes it, in a savepoint; on a
    conflict of the number the record is put back as it was and numbered again, up to `attempts`
    times. A number typed by the user is not replaced: its conflict is refused at once."""
    given = getattr(instance, field)
    before = dict(instance.__dict__)
    for _attempt in range(attempts):
        assign(instance)
        number = getattr(instance, field)
        try:
            with transaction.atomic():
                return save(instance)
        except IntegrityError:
            if not _number_taken(instance, field):
                raise  # another constraint refused the row: not ours to retry
            if given not in (None, ""):
                raise Refused(TAKEN.format(number=number))
            # Back to the state before this attempt (version, pk, the blank number), so the next
            # attempt numbers and saves afresh.
            instance.__dict__.clear()
            instance.__dict__.update(before)
    raise Refused(CONFLICT.format(number=number, attempts=attempts))


def _number_taken(instance, field: str) -> bool:
    """Whether another record holds the instance's number under one of its unique constraints."""
    model = type(instance)
    if getattr(instance, field) in (None, ""):
        return False  # an unnumbered record is not constrained
    for constraint in model._meta.constraints:
        fields = getattr(constraint, "fields", ())
        if isinstance(constraint, models.UniqueConstraint) and field in fields:
            values = {name: getattr(instance, model._meta.get_field(name).attname) for name in fields}
            others = model.objects.filter(**values)
            if instance.pk is not None:
                others = others.exclude(pk=instance.pk)
            if others.exists():
                return True
    return False
