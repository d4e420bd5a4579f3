"""The education pages beside its ledgers (ledgers.py): the phone-sized entry, the themed-day calendar
and each village's 法律明白人."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.views.generic import TemplateView

from fazhi.core.models import Attachment
from fazhi.core.views import LedgerFormView, TownshipMixin, attach
from fazhi.education import calendar, targets
from fazhi.education.ledgers import ACTIVITY, year_asked
from fazhi.education.models import LegalLiaison, OutreachActivity
from fazhi.org.models import Region


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one input; each is checked like any attachment before anything is saved."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        cleaned = [super(PhotosField, self).clean(f, initial) for f in files]
        for upload in cleaned:
            try:
                mime = Attachment.check_upload(upload)
            except ValidationError as exc:
                raise ValidationError(f"照片“{upload.name}”：{'；'.join(exc.messages)}")
            if not mime.startswith("image/"):
                raise ValidationError(f"“{upload.name}”不是照片，请上传 jpg/png 图片。")
        return cleaned


class QuickActivityForm(forms.ModelForm):
    photos = PhotosField(label="现场照片", help_text="可一次选择多张")

    class Meta:
        model = OutreachActivity
        fields = (
            *("date", "title", "theme", "themed_day", "venue", "village", "materials", "banners"),
            *("questions", "people_reached", "summary"),
        )
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class ActivityQuickForm(ACTIVITY.view("form")):
    """The phone-sized entry for village cadres and staff in the field: fewer fields, photos at once."""

    form_class = QuickActivityForm
    template_name = "education/quick.html"
    before_save = LedgerFormView.before_save  # checks the fields it leaves to their defaults too

    def form_valid(self, form):
        response = super().form_valid(form)
        record = form.instance
        if response.status_code == 302 and record.pk:
            for upload in form.cleaned_data.get("photos") or []:
                attach(record, upload, self.request.user, step="活动现场", kind="photo")
        return response


class CalendarView(TownshipMixin, TemplateView):
    """The year's themed days, with how many activities the township held for each."""

    model = OutreachActivity
    template_name = "education/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = year_asked(self.request)
        done = dict(
            self.scoped()
            .filter(date__year=year)
            .exclude(themed_day="")
            .order_by()
            .values_list("themed_day")
            .annotate(n=Count("id"))
        )
        rows = calendar.year_calendar(year)
        for row in rows:
            row["activities"] = done.get(row["code"], 0)
        context.update(title=f"{year}年普法主题日历", year=year, rows=rows, today=timezone.localdate())
        return context


class LiaisonCoverage(TownshipMixin, TemplateView):
    """Each village's active 法律明白人 against the target (a setting, default 3 per administrative village)."""

    model = LegalLiaison
    template_name = "education/coverage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = timezone.localdate().year
        goal = targets.target("liaisons_per_village", year)
        counts = dict(
            self.scoped().filter(active=True).order_by().values_list("village").annotate(n=Count("id"))
        )
        villages = Region.objects.filter(parent=self.request.township, kind__in=Region.VILLAGE_KINDS)
        rows = [
            {
                "village": v,
                "count": counts.get(v.id, 0),
                "meets": counts.get(v.id, 0) >= goal,
                "missing": max(goal - counts.get(v.id, 0), 0),
                "administrative": v.kind == Region.Kind.VILLAGE,
            }
            for v in villages
        ]
        context.update(
            title="法律明白人配备情况",
            rows=rows,
            goal=goal,
            source=targets.describe("liaisons_per_village", year),
            meeting=sum(1 for r in rows if r["meets"] and r["administrative"]),
            administrative=sum(1 for r in rows if r["administrative"]),
        )
        return context
