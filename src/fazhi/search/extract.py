"""Text of an attachment (.docx, .pdf, .txt) for the search index and the draft checker."""

import logging
from pathlib import PurePosixPath

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".docx", ".pdf")
MAX_CHARS = 200_000  # a very long file is indexed by its beginning


def attachment_text(attachment) -> str:
    """The attachment's text, or "" for photos, recordings and files that cannot be read (a damaged
    upload must not stop the record from being saved or found by its other fields)."""
    suffix = PurePosixPath(attachment.name or attachment.file.name).suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        return ""
    from fazhi.reports.extract import extract_text

    try:
        path = attachment.file.path
    except (NotImplementedError, ValueError):
        return ""
    try:
        return extract_text(path)[:MAX_CHARS]
    except Exception as exc:
        logger.info("attachment %s has no readable text: %s", attachment.pk, exc)
        return ""
