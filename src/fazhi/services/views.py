from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from fazhi.core.access import scope
from fazhi.core.views import TownshipMixin
from fazhi.org.models import Person
from fazhi.services import models as m

# 法治档案: each official's study, exams and 述法 -----------------------------------------------------


class ArchiveList(TownshipMixin, TemplateView):
    """Officials with a rule-of-law file: anyone who studied, sat an exam, reported or recorded duties."""

    model = m.LawReport
    template_name = "services/archive_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = (
            Person.objects.filter(township=self.request.township, active=True)
            .select_related("department")
            .annotate(
                studies=Count("study_sessions", distinct=True),
                exams=Count("exam_results", distinct=True),
                reports=Count("law_reports", distinct=True),
                duties=Count("duty_records", distinct=True),
            )
            .filter(Q(studies__gt=0) | Q(exams__gt=0) | Q(reports__gt=0) | Q(duties__gt=0))
        )
        context.update(title="领导干部法治档案", people=people.order_by("department__name", "name"))
        return context


class ArchiveDetail(TownshipMixin, TemplateView):
    """One official's 法治档案, assembled from the records, never typed."""

    model = m.LawReport
    template_name = "services/archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = get_object_or_404(Person, pk=self.kwargs["pk"], township=self.request.township)
        user = self.request.user
        context.update(
            title=f"{person.name}的法治档案",
            person=person,
            studies=scope(person.study_sessions.all(), user, self.request.township).order_by("-date"),
            exams=person.exam_results.select_related("exam").order_by("-exam__date"),
            reports=scope(person.law_reports.all(), user, self.request.township).order_by("-year"),
            duties=scope(person.duty_records.all(), user, self.request.township).order_by("-date")[:50],
        )
        return context
