"""Template filters for generated text (a builtin library: no {% load %} needed)."""

from django import template

from fazhi.core.text import clauses as join_clauses

register = template.Library()


@register.filter
def clauses(parts) -> str:
    """{{ problems|clauses }}: "甲；乙。" however the messages end."""
    return join_clauses(parts or ())
