"""The public 征求意见 page shows the draft's full text and its published file (escaped), and the
portal serves only that file of a draft still open for comment — no other attachment."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.attachments import attach
from fazhi.core.roles import Role
from fazhi.decisions.models import MajorDecision
from fazhi.reviews.public import DRAFT_STEP
from tests.decisions.test_decisions import catalogue, decision  # noqa: F401  (fixtures)
from tests.documents.test_documents import draft as document_draft

PDF = b"%PDF-1.4\n% draft\n"


def test_consultation_page_shows_full_text_and_only_the_published_file(world, decision, client):  # noqa: F811
    today = dt.date.today()
    MajorDecision.objects.filter(pk=decision.pk).update(
        comment_start=today - dt.timedelta(days=1),
        comment_end=today + dt.timedelta(days=29),
        summary="规范镇区停车秩序",
        draft_text="第一条 <b>为规范</b>停车秩序，制定本办法。\n第二条 本办法适用于镇区道路。",
    )
    office = world.users[Role.OFFICE]
    published = attach(
        decision, SimpleUploadedFile("停车管理办法（征求意见稿）.pdf", PDF), office, step=DRAFT_STEP
    )
    internal = attach(decision, SimpleUploadedFile("内部请示.pdf", PDF + b"internal"), office)

    page = client.get(f"/public/decisions/consultations/{decision.pk}/").content.decode()
    assert "规范镇区停车秩序" in page and "征求意见稿全文" in page
    assert "第一条 &lt;b&gt;为规范&lt;/b&gt;停车秩序" in page and "<b>为规范" not in page
    assert "第二条 本办法适用于镇区道路" in page
    url = f"/public/decisions/consultations/{decision.pk}/file/{published.pk}/"
    assert url in page and "停车管理办法（征求意见稿）.pdf" in page and "内部请示" not in page

    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    assert client.get(f"/public/decisions/consultations/{decision.pk}/file/{internal.pk}/").status_code == 404
    MajorDecision.objects.filter(pk=decision.pk).update(comment_end=today - dt.timedelta(days=1))
    assert client.get(url).status_code == 404  # the period is over: the file is no longer published


def test_document_consultation_page_shows_full_text(world, client):
    today = dt.date.today()
    doc = document_draft(
        world.township,
        state="consulting",
        comment_start=today - dt.timedelta(days=1),
        comment_end=today + dt.timedelta(days=29),
        draft_text="第一条 为规范村级资金管理 & 使用，制定本办法。",
    )
    file = attach(doc, SimpleUploadedFile("资金管理办法.pdf", PDF), world.users[Role.OFFICE], step=DRAFT_STEP)
    page = client.get(f"/public/documents/consultations/{doc.pk}/").content.decode()
    assert "为规范村级资金管理 &amp; 使用" in page
    assert f"/public/documents/consultations/{doc.pk}/file/{file.pk}/" in page
    assert client.get(f"/public/documents/consultations/{doc.pk}/file/{file.pk}/").status_code == 200
