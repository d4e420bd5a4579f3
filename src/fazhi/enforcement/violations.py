"""The violations of a joint operation, one row per type: entered on the operation's form as lines
("超载 4"), written by `set_violations` (the form, the API and the demo alike)."""

import re

from django import forms
from django.db import transaction

from fazhi.enforcement.models import JointOperation, Violation

JOINT_FIELDS = (
    "kind",
    "title",
    "date",
    "units",
    "location",
    "vehicles_checked",
    "people_cautioned",
    "summary",
)

LABELS = {label: kind for kind, label in Violation.Kind.choices}
_LINE = re.compile(r"^\s*(?P<label>[^\d\s：:，,]+)\s*[：:，,]?\s*(?P<count>\d+)\s*起?\s*$")


def parse(text: str) -> dict[str, int]:
    """ "超载 4\\n未戴头盔14起" → {"overload": 4, "no_helmet": 14}; every bad line is named in Chinese."""
    counts, errors = {}, []
    for number, line in enumerate((text or "").replace("、", "\n").replace("；", "\n").splitlines(), start=1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if not m or m["label"] not in LABELS:
            errors.append(
                f"第{number}项“{line.strip()}”无法识别：请写成“类型 起数”，类型为{'、'.join(LABELS)}之一。"
            )
            continue
        kind = LABELS[m["label"]]
        if kind in counts:
            errors.append(f"第{number}项：“{m['label']}”重复填写。")
        counts[kind] = int(m["count"])
    if errors:
        raise forms.ValidationError(errors)
    return {k: v for k, v in counts.items() if v}


def set_violations(operation: JointOperation, counts: dict[str, int]) -> None:
    """Replace the operation's rows by `counts` ({kind: n}); each row keeps its own history."""
    counts = {kind: n for kind, n in counts.items() if n}
    with transaction.atomic():
        rows = {row.kind: row for row in operation.violation_rows.all()}
        for kind, row in rows.items():
            if kind not in counts:
                row.delete()
        for kind, n in counts.items():
            row = rows.get(kind) or Violation(operation=operation, kind=kind)
            if row.count != n:
                row.count = n
                row.save()


class JointOperationForm(forms.ModelForm):
    violations_text = forms.CharField(
        label="查处违法行为",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="每行一类：类型 起数，如“超载 4”“未戴头盔 14”",
    )

    class Meta:
        model = JointOperation
        fields = JOINT_FIELDS
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["violations_text"].initial = "\n".join(
                f"{row.get_kind_display()} {row.count}" for row in self.instance.violation_rows.all()
            )

    def clean_violations_text(self):
        return parse(self.cleaned_data.get("violations_text", ""))

    def _save_m2m(self):
        super()._save_m2m()
        set_violations(self.instance, self.cleaned_data["violations_text"])
