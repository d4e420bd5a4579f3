"""Writes of the review assistant: run the checker on a review's draft, decide each finding, and turn
the accepted ones into the review opinion's draft text. Pages and tests call these, nothing else."""

import tempfile
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.core.services import save_record
from fazhi.core.workflow import Refused
from fazhi.drafts import checker
from fazhi.drafts.models import Finding

UPLOAD_SUFFIXES = (".txt", ".docx", ".pdf")
MAX_UPLOAD = 20 * 1024 * 1024


def text_of_upload(upload) -> str:
    """Plain text of an uploaded draft, or a Chinese ValidationError."""
    suffix = PurePosixPath(upload.name or "").suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ValidationError(f"不支持的文件类型“{suffix or '无扩展名'}”，请上传 .docx、.pdf 或 .txt。")
    if upload.size > MAX_UPLOAD:
        raise ValidationError("文件过大：上限为 20 MB。")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        with open(path, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            return checker.read_file(path)
        except Exception:
            raise ValidationError("无法读取该文件：请确认文件未损坏、未加密。")


def ledger_text(review) -> tuple[str, bool | None]:
    """The text of the record under review (its text fields, then its attachments' text) and whether the
    ledger shows a public comment on it (None when it cannot tell)."""
    from django.contrib.contenttypes.models import ContentType

    from fazhi.core.models import Attachment
    from fazhi.reviews.models import PublicComment
    from fazhi.search.extract import attachment_text

    subject = review.subject if review.object_id else None
    if subject is None:
        return review.summary, None
    lines = [str(subject)]
    for field in subject._meta.fields:
        value = getattr(subject, field.attname, None)
        if field.get_internal_type() == "TextField" and value:
            lines.append(value)
    content_type = ContentType.objects.get_for_model(subject)
    for attachment in Attachment.objects.filter(content_type=content_type, object_id=subject.pk):
        lines.append(attachment_text(attachment))
    commented = PublicComment.objects.filter(content_type=content_type, object_id=subject.pk).exists()
    return "\n".join(line for line in lines if line), (True if commented else None)


def run_check(review, user, text: str, source: str, *, comments: bool | None = None) -> list[Finding]:
    """Check `text` as the draft of `review`: findings still undecided from an earlier run are replaced;
    decided ones stay with the reviewer's word."""
    if not review.is_open:
        raise Refused("审查意见已出具，不能再运行审查辅助。")
    if not (text or "").strip():
        raise ValidationError("没有可检查的文字：请上传草案、粘贴正文，或选择送审记录的正文。")
    kind = checker.CONTRACT if review.kind == review.Kind.CONTRACT else None
    findings = checker.check_text(text, kind, comments=comments)
    with transaction.atomic():
        for old in review.findings.filter(state=Finding.State.OPEN):
            old._history_user = user
            old._change_reason = "重新检查"
            old.delete()
        created = []
        for found in findings:
            finding = Finding(
                township=review.township,
                review=review,
                source=source[:200],
                kind=found.kind,
                code=found.code,
                text=found.text,
                rule=found.rule[:300],
                citation=found.citation[:300],
                position=found.position[:40],
                start=found.start,
            )
            finding._history_user = user
            finding._change_reason = f"审查辅助：{source[:60]}"
            finding.save()
            created.append(finding)
    return created


def decide(finding, user, *, accept: bool, reason: str = "") -> Finding:
    """The reviewer's word on a finding. Dismissing needs a reason, which is kept in its history."""
    reason = (reason or "").strip()
    if not finding.review.is_open:
        raise Refused("审查意见已出具，不能再修改审查辅助的处理。")
    if not accept and not reason:
        raise ValidationError("不采纳时请填写理由。")
    finding.state = Finding.State.ACCEPTED if accept else Finding.State.DISMISSED
    finding.reason = "" if accept else reason[:300]
    finding.decided_by, finding.decided_at = user, timezone.now()
    finding._history_user = user
    finding._change_reason = "采纳" if accept else f"不采纳：{finding.reason}"
    finding.save()
    return finding


def opinion_text(findings) -> tuple[str, str]:
    """(legality opinion, changes) drafted from accepted findings."""
    problems, changes = [], []
    for number, finding in enumerate(findings, start=1):
        problems.append(
            f"{number}. {finding.position}“{finding.text}”：{finding.rule}（依据：{finding.citation}）。"
        )
        changes.append(f"{number}. 对“{finding.text[:60]}”予以删除或修改，{finding.rule}。")
    legality = "经审查，草案存在以下合法性问题：\n" + "\n".join(problems)
    return legality, "建议：\n" + "\n".join(changes)


def draft_opinion(review, user) -> object:
    """Write the accepted findings into the review's legality opinion and changes (a draft the reviewer
    edits on the form). Refused when none is accepted or the opinion is already issued."""
    if not review.is_open:
        raise Refused("审查意见已出具，不能再生成意见草稿。")
    accepted = list(review.findings.filter(state=Finding.State.ACCEPTED))
    if not accepted:
        raise Refused("还没有采纳的问题，无法生成审查意见草稿。")
    review.legality, review.changes = opinion_text(accepted)
    return save_record(review, user, reason=f"审查辅助生成意见草稿（采纳 {len(accepted)} 项）")
