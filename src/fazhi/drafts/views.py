"""The review assistant's actions on the review form: check a draft, decide a finding, draft the opinion.

Every action reads the review through the review ledger's own scoping (township, village, an advisor's
assigned reviews) and needs the review ledger's write roles.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View

from fazhi.core.access import require_write
from fazhi.core.text import clauses
from fazhi.core.views import TownshipMixin
from fazhi.core.workflow import Refused
from fazhi.drafts import services
from fazhi.drafts.models import Finding
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.views import WRITE_ROLES, AdvisorScope


class ReviewAction(AdvisorScope, TownshipMixin, View):
    model = LegalityReview
    write_roles = WRITE_ROLES

    def review(self, pk):
        review = get_object_or_404(self.scoped(), pk=pk)
        require_write(self.request.user, review.township, self.write_roles)
        return review

    def back(self, review):
        return HttpResponseRedirect(
            reverse("reviews:legalityreview_update", args=[review.pk]) + "#draft-check"
        )

    def attempt(self, review, action, success):
        try:
            result = action()
        except (Refused, ValidationError) as exc:
            text = clauses(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            messages.error(self.request, f"操作未执行：{text}")
        else:
            messages.success(self.request, success(result))
        return self.back(review)


class CheckDraft(ReviewAction):
    def post(self, request, pk):
        review = self.review(pk)
        upload, pasted = request.FILES.get("draft"), request.POST.get("text", "")

        def run():
            comments = None
            if upload is not None:
                text, source = services.text_of_upload(upload), f"上传文件：{upload.name}"
            elif pasted.strip():
                text, source = pasted, "粘贴的文本"
            elif request.POST.get("use_subject"):
                text, comments = services.ledger_text(review)
                source = f"送审记录：{review.subject_title}"
            else:
                raise ValidationError("请上传草案（.docx/.pdf/.txt）、粘贴正文，或选择送审记录的正文。")
            return services.run_check(review, request.user, text, source, comments=comments)

        return self.attempt(review, run, lambda found: f"审查辅助完成：发现 {len(found)} 处可能的问题。")


class DecideFinding(ReviewAction):
    def post(self, request, pk, finding):
        review = self.review(pk)
        item = get_object_or_404(Finding, pk=finding, review=review)
        accept = request.POST.get("decision") == "accept"
        return self.attempt(
            review,
            lambda: services.decide(item, request.user, accept=accept, reason=request.POST.get("reason", "")),
            lambda f: f"已{f.get_state_display()}：{f.text[:30]}",
        )


class DraftOpinion(ReviewAction):
    def post(self, request, pk):
        review = self.review(pk)
        return self.attempt(
            review,
            lambda: services.draft_opinion(review, request.user),
            lambda r: "已将采纳的问题写入审查意见草稿，请核改后保存。",
        )
