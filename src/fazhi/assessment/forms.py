"""The county edits its scheme's items: Chinese errors per field; the tree's sums are checked on the
scheme page (a change of one weight is allowed while the others are being adjusted)."""

from django import forms

from fazhi.assessment import compute
from fazhi.assessment.models import Item
from fazhi.indicators.registry import REGISTRY


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = [
            "number",
            "title",
            "weight",
            "basis",
            "method",
            "indicator",
            "rule",
            "target",
            "per_case",
            "requirement",
            "order",
        ]
        widgets = {"requirement": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, scheme=None, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scheme, self.parent = scheme, parent
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control form-control-sm")

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        parts = number.split(".")
        if not all(p.isdigit() for p in parts) or len(parts) > 3:
            raise forms.ValidationError("序号应为“3”“3.2”或“3.2.1”的形式，最多三级。")
        parent = self.parent if self.instance.pk is None else self.instance.parent
        expected = parent.number if parent else ""
        if ".".join(parts[:-1]) != expected:
            raise forms.ValidationError(
                f"序号应以上级指标序号“{expected}”开头。" if expected else "一级指标序号应为一个数字。"
            )
        clash = Item.objects.filter(scheme=self.scheme, number=number).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("本方案已有该序号的指标。")
        return number

    def clean_weight(self):
        weight = self.cleaned_data["weight"]
        if weight <= 0 or weight > 100:
            raise forms.ValidationError("分值应大于0且不超过100。")
        return weight

    def clean(self):
        data = super().clean()
        if data.get("method") == Item.Method.AUTO:
            code = (data.get("indicator") or "").strip()
            if code not in REGISTRY:
                self.add_error("indicator", "自动计分须填写登记在册的指标代码。")
            elif not compute.batchable(code):
                self.add_error("indicator", "该指标不能全县一次取数，请改为人工评分。")
            rule = data.get("rule")
            if not rule:
                self.add_error("rule", "自动计分须选择计分规则。")
            elif rule in ("threshold", "proportional") and data.get("target") is None:
                self.add_error("target", "该计分规则须填写目标值。")
            elif rule == "deduction" and not data.get("per_case"):
                self.add_error("per_case", "按件扣分须填写每件扣分。")
        return data
