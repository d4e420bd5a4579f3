"""Writes of this app that are more than "save a form" (the disclosure request's are in actions.py)."""

from fazhi.services.actions import new_code, receive_request, reply_due, set_due  # noqa: F401
