"""The checker on the legality review form: run it, decide each finding, draft the opinion."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.roles import Role
from fazhi.core.views import attach
from fazhi.drafts.models import Finding
from fazhi.org.models import Person
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import complete_review, request_review
from tests.drafts.test_checker import DRAFT


@pytest.fixture
def review(world):
    subject = Person.objects.get(township=world.township, name="王丽")
    return request_review(
        subject,
        kind="document",
        title="集镇市场管理通知",
        user=world.users[Role.OFFICE],
        requested_on=dt.date(2026, 3, 2),
    )


def edit_url(review):
    return f"/reviews/legalityreview/{review.pk}/edit/"


def test_upload_decide_and_draft_the_opinion(world, review, client_for):
    judicial = client_for(Role.JUDICIAL)
    upload = SimpleUploadedFile("draft.txt", DRAFT.encode("gb18030"))
    response = judicial.post(f"/drafts/review/{review.pk}/check/", {"draft": upload}, follow=True)
    assert "发现 4 处可能的问题" in response.content.decode()
    page = judicial.get(edit_url(review)).content.decode()
    assert (
        page.count('class="draft-finding"') == 4 and "《中华人民共和国行政处罚法》第十四条至第十六条" in page
    )
    fee, penalty, competition = (review.findings.get(kind=k) for k in ("fee", "penalty", "competition"))
    # dismissing needs a reason; the refused attempt changes nothing
    response = judicial.post(
        f"/drafts/review/{review.pk}/finding/{fee.pk}/", {"decision": "dismiss"}, follow=True
    )
    assert "不采纳时请填写理由" in response.content.decode()
    fee.refresh_from_db()
    assert fee.state == Finding.State.OPEN
    judicial.post(
        f"/drafts/review/{review.pk}/finding/{fee.pk}/",
        {"decision": "dismiss", "reason": "系县物价部门核定的收费"},
    )
    for finding in (penalty, competition):
        judicial.post(f"/drafts/review/{review.pk}/finding/{finding.pk}/", {"decision": "accept"})
    fee.refresh_from_db()
    assert fee.state == Finding.State.DISMISSED and fee.reason == "系县物价部门核定的收费"
    assert fee.decided_by == world.users[Role.JUDICIAL]
    assert fee.history.first().history_change_reason == "不采纳：系县物价部门核定的收费"
    assert fee.history.first().history_user == world.users[Role.JUDICIAL]
    # a new run replaces undecided findings only
    judicial.post(f"/drafts/review/{review.pk}/check/", {"text": DRAFT})
    assert review.findings.filter(state=Finding.State.DISMISSED).count() == 1
    assert review.findings.filter(state=Finding.State.ACCEPTED).count() == 2
    assert review.findings.filter(state=Finding.State.OPEN).count() == 4
    # the accepted ones become the draft opinion, saved through the ledger's service (history)
    judicial.post(f"/drafts/review/{review.pk}/opinion/")
    review.refresh_from_db()
    assert review.legality.startswith("经审查，草案存在以下合法性问题：")
    assert "处以200元罚款" in review.legality and "优先选用本镇企业" in review.legality
    assert "管理费" not in review.legality
    assert review.changes.startswith("建议：") and review.version == 2
    assert review.history.first().history_change_reason == "审查辅助生成意见草稿（采纳 2 项）"


def test_ledger_text_and_attachments_are_checked(world, review, client_for):
    subject = review.subject
    attach(subject, SimpleUploadedFile("草案.txt", DRAFT.encode()), world.users[Role.OFFICE])
    client_for(Role.JUDICIAL).post(f"/drafts/review/{review.pk}/check/", {"use_subject": "1"})
    assert set(review.findings.values_list("kind", flat=True)) >= {
        "fee",
        "penalty",
        "competition",
        "citation",
    }
    assert review.findings.first().source == "送审记录：集镇市场管理通知"


def test_who_may_use_it(world, review, client_for):
    # the county reads but writes nothing; an empty request is refused in Chinese
    response = client_for(Role.COUNTY).post(f"/drafts/review/{review.pk}/check/", {"text": DRAFT})
    assert response.status_code in (403, 404)
    assert not review.findings.exists()
    response = client_for(Role.JUDICIAL).post(f"/drafts/review/{review.pk}/check/", {}, follow=True)
    assert "请上传草案" in response.content.decode()
    response = client_for(Role.JUDICIAL).post(
        f"/drafts/review/{review.pk}/check/", {"draft": SimpleUploadedFile("x.exe", b"MZ")}, follow=True
    )
    assert "不支持的文件类型" in response.content.decode()
    # an advisor sees only the reviews assigned to them
    response = client_for(Role.ADVISOR).post(f"/drafts/review/{review.pk}/check/", {"text": DRAFT})
    assert response.status_code == 404


def test_concluded_review_refuses(world, review, client_for):
    complete_review(review, world.users[Role.JUDICIAL], conclusion=LegalityReview.Conclusion.LAWFUL)
    response = client_for(Role.JUDICIAL).post(
        f"/drafts/review/{review.pk}/check/", {"text": DRAFT}, follow=True
    )
    assert "审查意见已出具" in response.content.decode()
    assert not review.findings.exists()
