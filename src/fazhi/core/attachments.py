"""Attachments of ledger records: storing an upload (by content hash) and downloading it, as
visible as the record it belongs to (core.access.get_record)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from fazhi.core.access import get_record
from fazhi.core.models import Attachment, Ledger


def attach(record, upload, user, step: str = "", kind: str = "") -> Attachment:
    from django.contrib.contenttypes.models import ContentType

    mime = Attachment.check_upload(upload)
    attachment = Attachment(
        township=record.township,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        step=step,
        name=upload.name[:200],
        size=upload.size,
        mime=mime,
        sha256=Attachment.digest(upload),
        uploaded_by=user if user.is_authenticated else None,
    )
    attachment.kind = (
        kind if kind in dict(Attachment._meta.get_field("kind").choices) else attachment.guessed_kind
    )
    existing = Attachment.objects.filter(sha256=attachment.sha256).exclude(file="").first()
    if existing:
        attachment.file.name = existing.file.name  # same content already stored: reuse it
    else:
        attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    record._change_reason = f"上传附件：{attachment.name}"
    return attachment


class AttachmentDownloadView(LoginRequiredMixin, View):
    """Files are always downloaded, never rendered inline, so an uploaded page can't run in our origin."""

    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
        model = attachment.content_type.model_class()
        if model is None or not issubclass(model, Ledger):
            if attachment.township_id not in scope_ids(request.user):
                raise Http404
        else:  # the file is as visible as its record (village cadres, advisors)
            get_record(request, model, attachment.object_id)
        return file_response(attachment)


def file_response(attachment) -> FileResponse:
    """The file as a download, never rendered inline (an uploaded page must not run in our origin)."""
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
    response["Content-Type"] = (
        "application/octet-stream" if attachment.mime.startswith("text/") else attachment.mime
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def scope_ids(user):
    from fazhi.core.access import access_for

    return access_for(user).readable
