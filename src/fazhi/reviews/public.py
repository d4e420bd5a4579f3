"""Public comment on drafts (公开征求意见), shared by decisions and normative documents: the form,
rate limiting and storage. Apps mount their own public pages and call `handle_comment`."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from fazhi.core.ratelimit import allow, client_ip
from fazhi.core.services import save_record
from fazhi.reviews.models import PublicComment

RATE_LIMIT = (5, 600)  # at most 5 comments per address in 10 minutes
# The attachment step whose files the portal publishes with the draft; every other file stays internal.
DRAFT_STEP = "征求意见稿"
DRAFT_STEPS = [("", "其他材料（不公开）"), (DRAFT_STEP, "征求意见稿（征求意见期间在门户网站公布）")]


def draft_files(subject):
    from fazhi.core.models import Attachment

    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk, step=DRAFT_STEP
    ).order_by("id")


def draft_file(subject, pk):
    """The download of one of the draft's published files (404 for any other attachment)."""
    from fazhi.core.attachments import file_response

    return file_response(get_object_or_404(draft_files(subject), pk=pk))


class CommentForm(forms.Form):
    name = forms.CharField(label="姓名（选填）", max_length=30, required=False)
    contact = forms.CharField(label="联系方式（选填，不公开）", max_length=40, required=False)
    content = forms.CharField(
        label="意见内容",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "请填写意见内容。", "max_length": "意见内容不能超过2000字。"},
    )


def handle_comment(request, subject, title: str) -> CommentForm:
    """Returns the form to render; on a valid, not rate-limited POST stores the comment and resets it."""
    if request.method != "POST":
        return CommentForm()
    form = CommentForm(request.POST)
    if not form.is_valid():
        return form
    if not allow(request, "public-comment", *RATE_LIMIT):
        form.add_error(None, "提交过于频繁，请稍后再试。")
        return form
    comment = PublicComment(
        township=subject.township,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        subject_title=title[:200],
        ip=client_ip(request) if client_ip(request) != "unknown" else None,
        **form.cleaned_data,
    )
    save_record(comment, None, reason="公众在线提交意见")
    messages.success(request, "您的意见已提交，感谢参与。我们将认真研究并在意见采纳情况说明中反馈。")
    return CommentForm()


def comments_of(subject):
    return PublicComment.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    )


def consultation_pages(open_drafts, app: str, title: str):
    """The three public pages of an app's drafts open for comment: the list
    (`<app>/public_consultations.html`), one draft with its summary, full text, published files and
    comment form (`reviews/public_consultation.html`), and the download of one of those files (404 for
    any other attachment, or once the period ends). `open_drafts()` is the queryset of drafts whose
    comment period runs today; the URL names are the app's `<app>_public:consultation_file`."""

    def consultations(request):
        return render(request, f"{app}/public_consultations.html", {"title": title, "drafts": open_drafts()})

    def consultation(request, pk):
        draft = get_object_or_404(open_drafts(), pk=pk)
        form = handle_comment(request, draft, draft.title)
        if request.method == "POST" and not form.is_bound:
            return redirect(request.path)
        files = [
            (f.name, reverse(f"{app}_public:consultation_file", args=[draft.pk, f.pk]))
            for f in draft_files(draft)
        ]
        sponsor = draft._meta.get_field("sponsor").verbose_name  # 承办单位, 起草单位
        context = {"title": draft.title, "draft": draft, "form": form, "files": files, "sponsor": sponsor}
        return render(request, "reviews/public_consultation.html", context)

    def consultation_file(request, pk, file):
        return draft_file(get_object_or_404(open_drafts(), pk=pk), file)

    return consultations, consultation, consultation_file
