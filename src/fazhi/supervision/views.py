"""督办 pages: the county's list and form, a township's list, one township's part of a task."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from fazhi.assessment.services import supervised_counties
from fazhi.core.access import can_read, can_write, visible_to
from fazhi.core.models import Attachment
from fazhi.core.text import clauses
from fazhi.core.workflow import Refused
from fazhi.org.models import Region
from fazhi.supervision import services
from fazhi.supervision.models import Assignment, Task


def visible_assignments(user):
    """Assignments of the townships the user reads: their own, or every one of a county they supervise."""
    return visible_to(Assignment.objects.all(), user)


class TaskForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=Task.Kind.choices)
    title = forms.CharField(label="事项", max_length=120)
    basis = forms.CharField(label="依据", max_length=200, required=False)
    requirement = forms.CharField(label="办理要求", widget=forms.Textarea(attrs={"rows": 3}))
    days = forms.IntegerField(label="办理期限(工作日)", min_value=1, max_value=365)
    townships = forms.ModelMultipleChoiceField(
        label="下发乡镇(街道)", queryset=Region.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, county=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["townships"].queryset = Region.objects.townships().filter(parent=county)


class TaskListView(LoginRequiredMixin, TemplateView):
    template_name = "supervision/task_list.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.counties = list(Region.objects.filter(pk__in=supervised_counties(request.user)))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        today = timezone.localdate()
        rows = (
            visible_assignments(self.request.user)
            .select_related("task", "township")
            .order_by("-task__issued_on", "task_id", "township__code")
        )
        state = self.request.GET.get("state", "")
        if state in Assignment.State.values:
            rows = rows.filter(state=state)
        county = self.counties[0] if self.counties else None
        return super().get_context_data(
            title="督办事项",
            rows=[(a, a.late(today)) for a in rows[:500]],
            states=Assignment.State.choices,
            state=state,
            form=form or (TaskForm(county=county) if county else None),
            county=county,
            **kwargs,
        )

    def post(self, request):
        county = self.counties[0] if self.counties else None
        if county is None:
            raise Http404
        form = TaskForm(request.POST, county=county)
        if not form.is_valid():
            messages.error(request, "请按提示修改后再下发。")
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        try:
            task = services.send(
                county,
                request.user,
                title=data["title"],
                basis=data["basis"],
                requirement=data["requirement"],
                days=data["days"],
                townships=data["townships"],
                kind=data["kind"],
                files=request.FILES.getlist("files"),
            )
        except (Refused, ValidationError) as exc:
            messages.error(request, str(exc) if isinstance(exc, Refused) else clauses(exc.messages))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request, f"已向{task.assignments.count()}个乡镇(街道)下发督办事项，{task.due_on:%Y-%m-%d}前办结。"
        )
        return HttpResponseRedirect(reverse("supervision:task_list"))


class AssignmentDetailView(LoginRequiredMixin, TemplateView):
    template_name = "supervision/assignment_detail.html"

    def assignment(self):
        assignment = get_object_or_404(
            visible_assignments(self.request.user).select_related("task", "township"), pk=self.kwargs["pk"]
        )
        if not can_read(self.request.user, assignment.township):
            raise Http404
        return assignment

    def get_context_data(self, **kwargs):
        assignment = self.assignment()
        is_county = assignment.task.county_id in supervised_counties(self.request.user)
        files = Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(Assignment), object_id=assignment.pk
        )
        return super().get_context_data(
            title=str(assignment),
            a=assignment,
            task=assignment.task,
            files=files,
            late=assignment.late(timezone.localdate()),
            is_county=is_county,
            can_answer=not is_county
            and can_write(self.request.user, assignment.township, ("office",))
            and assignment.state in Assignment.OPEN_STATES,
            history=assignment.history.select_related("history_user").order_by("-history_date")[:20],
            **kwargs,
        )

    def post(self, request, pk):
        assignment = self.assignment()
        action = request.POST.get("action")
        version = int(request.POST.get("version", "0") or 0)
        try:
            if action == "answer":
                services.answer(
                    assignment,
                    request.user,
                    request.POST.get("note", ""),
                    request.FILES.getlist("files"),
                    version,
                )
                messages.success(request, "已答复，等待县级审核。")
            elif action in ("accept", "return"):
                services.decide(
                    assignment, request.user, action == "accept", request.POST.get("comment", ""), version
                )
                messages.success(request, "已办结。" if action == "accept" else "已退回重办。")
            else:
                raise Http404
        except Refused as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, "上传失败：" + clauses(exc.messages))
        return HttpResponseRedirect(assignment.get_absolute_url())
