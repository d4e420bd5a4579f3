"""Field and Meta declarations that recur across the apps' models, so that each is written on one line.

Every helper builds exactly the field (or Meta) the spelled-out declaration would: the migrations do not
change, and `makemigrations --check` proves it.
"""

from django.conf import settings
from django.db import models


def optional_link(
    to, verbose_name=None, *, on_delete=models.SET_NULL, related_name=None, field=models.ForeignKey, **options
):
    """A link a record may leave empty (null and blank); by default emptied when its target is deleted."""
    return field(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


def required_link(to, verbose_name=None, *, on_delete=models.PROTECT, related_name=None, **options):
    """A link every record has; by default its target cannot be deleted while records point to it."""
    return models.ForeignKey(
        to, on_delete=on_delete, related_name=related_name, verbose_name=verbose_name, **options
    )


def user_link(verbose_name=None, *, blank=False, on_delete=models.SET_NULL, related_name="+", **options):
    """The account that did or owns something: emptied when the account is deleted, no reverse accessor."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        null=True,
        blank=blank,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


def region_link(verbose_name="乡镇", *, on_delete=models.PROTECT, **options):
    """The township (or county) a row belongs to, without a reverse accessor on the region."""
    return models.ForeignKey(
        "org.Region", on_delete=on_delete, related_name="+", verbose_name=verbose_name, **options
    )


def meta(verbose_name: str, *ordering: str, township_index=(), unique=None, **options) -> type:
    """A model's Meta, set in its body as `Meta = meta(...)`: one name for singular and plural, the ordering,
    an index on (township, field) for each field in `township_index` (before any other `indexes`), a unique
    constraint for each {name: fields} of `unique` (before any other `constraints`), the other options as
    given."""
    attrs = {"verbose_name": verbose_name, "verbose_name_plural": verbose_name, **options}
    if ordering:
        attrs["ordering"] = list(ordering)
    if unique:
        uniques = [models.UniqueConstraint(fields=list(fields), name=name) for name, fields in unique.items()]
        attrs["constraints"] = uniques + list(options.get("constraints", ()))
    if township_index:
        by_township = [models.Index(fields=["township", name]) for name in township_index]
        attrs["indexes"] = by_township + list(options.get("indexes", ()))
    return type("Meta", (), attrs)
