"""Pages to keep a leading group's members (org.members): add, change, remove; the township's own."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views import View

from fazhi.core.access import get_record
from fazhi.org import members
from fazhi.org.models import LeadingGroup, LeadingGroupMember, Person


class MemberForm(forms.Form):
    person = forms.ModelChoiceField(label="人员", queryset=Person.objects.none())
    duty = forms.ChoiceField(label="职务", choices=LeadingGroupMember.Duty.choices)

    def __init__(self, *args, township, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this township's serving people; someone else's cannot even be posted (not a choice).
        self.fields["person"].queryset = Person.objects.filter(township=township, active=True)
        self.fields["person"].help_text = "没有要选的人？先在“人员”中登记。"
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


class MemberView(LoginRequiredMixin, View):
    """GET/POST the form; `member` in the URL edits that member, without it adds one."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.member = None

    def dispatch(self, request, pk, member=None):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.group = get_record(
            request, LeadingGroup, pk, write=True, roles=members.ORG_ROLES, township=request.township
        )
        if member is not None:
            self.member = get_object_or_404(self.group.members.select_related("person"), pk=member)
        return super().dispatch(request, pk, member)

    def render_form(self, form):
        title = f"{self.group}：{'修改成员' if self.member else '添加成员'}"
        return render(self.request, "core/form.html", {"title": title, "form": form})

    def get(self, request, pk, member=None):
        initial = {"person": self.member.person_id, "duty": self.member.duty} if self.member else {}
        return self.render_form(MemberForm(initial=initial, township=self.group.township))

    def post(self, request, pk, member=None):
        form = MemberForm(request.POST, township=self.group.township)
        if not form.is_valid():
            return self.render_form(form)
        person, duty = form.cleaned_data["person"], form.cleaned_data["duty"]
        try:
            if self.member is None:
                members.add_member(self.group, person, duty, request.user)
            else:
                members.change_member(self.member, person, duty, request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render_form(form)
        messages.success(request, f"已保存：{person.name}")
        return HttpResponseRedirect(self.group.get_absolute_url())


class MemberRemove(MemberView):
    http_method_names = ["post"]

    def post(self, request, pk, member=None):
        name = self.member.person.name
        members.remove_member(self.member, request.user)
        messages.success(request, f"已移除成员：{name}")
        return HttpResponseRedirect(self.group.get_absolute_url())
