"""Public pages (/public/services/): the disclosure list and the online disclosure request (依申请公开)."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone

from fazhi.core.ratelimit import allow
from fazhi.org.models import Region
from fazhi.services.actions import receive_request
from fazhi.services.models import DisclosureItem, DisclosureRequest


def disclosure(request):
    items = DisclosureItem.objects.select_related("township").order_by("-published_on", "-id")
    townships = Region.objects.townships().select_related("parent")
    township = request.GET.get("township", "")
    category = request.GET.get("category", "")
    if township.isdigit():
        items = items.filter(township_id=int(township))
    if category in DisclosureItem.Category.values:
        items = items.filter(category=category)
    if q := request.GET.get("q", "").strip():
        items = items.filter(title__icontains=q)
    page = Paginator(items, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    township_categories = [
        c for c in DisclosureItem.Category.choices if c[0] in DisclosureItem.TOWNSHIP_CATEGORIES
    ]
    return render(
        request,
        "services/public_disclosure.html",
        {
            "title": "政务公开",
            "page": page,
            "townships": townships,
            "township": township,
            "category": category,
            "q": q,
            "categories": DisclosureItem.Category.choices,
            "township_categories": township_categories,
            "querystring": query.urlencode(),
        },
    )


class RequestForm(forms.Form):
    township = forms.ModelChoiceField(
        Region.objects.townships(), label="向哪个乡镇(街道)申请", empty_label="请选择"
    )
    applicant = forms.CharField(label="申请人姓名或单位名称", max_length=60)
    contact = forms.CharField(label="联系电话", max_length=60)
    content = forms.CharField(
        label="申请公开的政府信息内容",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请写明信息的名称、文号或便于查询的其他特征性描述（条例第二十九条）",
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # a honeypot: people leave it empty

    def clean_content(self):
        content = self.cleaned_data["content"].strip()
        if len(content) < 5:
            raise forms.ValidationError("请具体描述需要公开的信息内容（至少5个字）。")
        return content


def request_form(request):
    form = RequestForm(request.POST or None)
    if request.method == "POST":
        if not allow(request, "disclosure_request"):
            messages.error(request, "提交过于频繁，请稍后再试。")
        elif form.is_valid() and not form.cleaned_data["website"]:
            data = form.cleaned_data
            record = receive_request(
                DisclosureRequest(
                    township=data["township"],
                    applicant=data["applicant"],
                    contact=data["contact"],
                    content=data["content"],
                    channel=DisclosureRequest.Channel.ONLINE,
                    received_on=timezone.localdate(),
                )
            )
            request.session["disclosure_submitted"] = record.code
            return HttpResponseRedirect(f"{reverse('services_public:track')}?code={record.code}")
    return render(request, "services/public_request.html", {"title": "依申请公开", "form": form})


def track(request):
    if request.GET.get("code") and not allow(request, "disclosure-track", limit=20, window=60):
        messages.error(request, "查询过于频繁，请一分钟后再试。")
        response = render(request, "services/public_track.html", {"title": "依申请公开办理进度", "code": ""})
        response.status_code = 429
        return response
    code = request.GET.get("code", "").strip().upper()
    record = DisclosureRequest.objects.select_related("township").filter(code=code).first() if code else None
    # Only the person who just submitted sees their own text again; everyone else sees the progress only.
    own = record is not None and request.session.get("disclosure_submitted") == record.code
    return render(
        request,
        "services/public_track.html",
        {"title": "依申请公开办理进度", "code": code, "record": record, "own": own},
    )


urlpatterns = [
    path("disclosure/", disclosure, name="disclosure"),
    path("request/", request_form, name="request"),
    path("request/track/", track, name="track"),
]
