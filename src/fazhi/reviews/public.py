"""Public comment on drafts (公开征求意见), shared by decisions and normative documents: the form,
rate limiting and storage. Apps mount their own public pages and call `handle_comment`."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404, redirect, render

from fazhi.core.ratelimit import allow, client_ip
from fazhi.core.services import save_record
from fazhi.reviews.models import PublicComment

RATE_LIMIT = (5, 600)  # at most 5 comments per address in 10 minutes


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
    """The two public pages of an app's drafts open for comment: the list (`<app>/public_consultations.html`)
    and one draft with its comment form (`<app>/public_consultation.html`). `open_drafts()` is the
    queryset of drafts whose comment period runs today."""

    def consultations(request):
        return render(request, f"{app}/public_consultations.html", {"title": title, "drafts": open_drafts()})

    def consultation(request, pk):
        draft = get_object_or_404(open_drafts(), pk=pk)
        form = handle_comment(request, draft, draft.title)
        if request.method == "POST" and not form.is_bound:
            return redirect(request.path)
        context = {"title": draft.title, "draft": draft, "form": form}
        return render(request, f"{app}/public_consultation.html", context)

    return consultations, consultation
