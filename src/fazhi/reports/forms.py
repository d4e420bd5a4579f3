from django import forms

from fazhi.reports.extract import SUPPORTED_SUFFIXES

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class NewReportForm(forms.Form):
    year = forms.IntegerField(
        label="报告年度",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "请填写报告年度。",
            "min_value": "年度不能早于2000年。",
            "max_value": "年度不能晚于2100年。",
        },
    )


class BlockForm(forms.Form):
    text = forms.CharField(
        label="内容", widget=forms.Textarea(attrs={"rows": 6}), error_messages={"required": "内容不能为空。"}
    )
    _version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CheckForm(forms.Form):
    file = forms.FileField(
        label="报告文件（.txt / .docx / .pdf）", error_messages={"required": "请选择要检查的报告文件。"}
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in SUPPORTED_SUFFIXES:
            raise forms.ValidationError(
                f"不支持的文件类型“{suffix or '无扩展名'}”，请上传 .txt、.docx 或 .pdf 文件。"
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("文件过大：上限为 20 MB。")
        return upload


class BaselineForm(forms.Form):
    year = forms.IntegerField(
        label="基数年度", min_value=2000, max_value=2100, error_messages={"required": "请填写该报告的年度。"}
    )
