from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    label = "enforcement"
    verbose_name = "行政执法"
    nav = [
        ("执法事项清单", "enforcement:enforcementitem_list", "list-check"),
        ("执法人员", "enforcement:enforcementofficer_list", "person-vcard"),
        ("执法案件", "enforcement:enforcementcase_list", "folder2-open"),
        ("执法公示", "enforcement:publicentry_list", "megaphone"),
        ("执法检查", "enforcement:inspection_list", "clipboard-check"),
        ("联合执法", "enforcement:jointoperation_list", "truck"),
        ("案卷评查", "enforcement:caseevaluation_list", "award"),
    ]
    public_nav = [
        (
            "行政执法事项清单",
            "enforcement_public:items",
            "乡镇依法实施的行政处罚、行政强制、行政检查等事项及其依据、赋权机关",
        ),
        ("行政执法公示", "enforcement_public:entries", "行政处罚决定等执法信息公开（当事人信息已脱敏）"),
    ]
