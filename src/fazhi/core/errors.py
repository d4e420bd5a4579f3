"""Errors shared by the services, the workflow engine and the pages (kept apart so none imports another)."""


class Refused(Exception):
    """A transition or save that the rules do not allow. `str(exc)` is the Chinese message shown."""
