"""Audit of what leaves the system as a file: Excel lists (who, which list, how many rows), reports,
attachments. Read from the response, so every export path is covered without each view opting in."""

import io
from urllib.parse import unquote

from fazhi.security import audit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(disposition: str) -> str:
    if "filename*=UTF-8''" in disposition:
        return unquote(disposition.split("filename*=UTF-8''", 1)[1].split(";")[0])
    if 'filename="' in disposition:
        return disposition.split('filename="', 1)[1].split('"')[0]
    return ""


def _xlsx_rows(content: bytes) -> int | None:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return sum(max((sheet.max_row or 1) - 1, 0) for sheet in workbook.worksheets)
    except Exception:  # a file that is not a workbook is still audited, without a count
        return None


def audit_download(request, response) -> None:
    disposition = response.headers.get("Content-Disposition", "")
    if not disposition.startswith("attachment") or response.status_code != 200:
        return
    if not request.user.is_authenticated:
        return
    name = _filename(disposition)
    content_type = response.headers.get("Content-Type", "")
    if content_type.startswith(XLSX) and not response.streaming:
        audit.record(
            audit.Kind.EXPORT,
            request,
            target=name or request.path,
            rows=_xlsx_rows(response.content),
            detail=request.get_full_path()[:300],
        )
    elif request.path.startswith("/reports/"):
        audit.record(audit.Kind.REPORT_DOWNLOAD, request, target=name or request.path, detail=request.path)
    else:
        audit.record(audit.Kind.DOWNLOAD, request, target=name or request.path, detail=request.path)
