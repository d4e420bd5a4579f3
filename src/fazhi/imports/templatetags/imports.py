from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def import_url(context, opts) -> str:
    """The import page of a ledger list, for users who may write it ("" otherwise)."""
    from fazhi.core.access import can_write
    from fazhi.imports.targets import targets

    request = context.get("request")
    target = targets().get(opts.label_lower)
    if target is None or request is None or getattr(request, "township", None) is None:
        return ""
    if not can_write(request.user, request.township, target.write_roles):
        return ""
    return reverse("imports:ledger", args=[target.label])
