from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "fazhi.disputes"
    label = "disputes"
    verbose_name = "矛盾纠纷化解"
    nav = [
        ("矛盾纠纷", "disputes:dispute_list", "people-fill"),
        ("排查记录", "disputes:screeninground_list", "search"),
        ("调委会", "disputes:mediationcommittee_list", "diagram-2"),
        ("调解员", "disputes:mediator_list", "person-check"),
        ("调解员培训", "disputes:mediatortraining_list", "mortarboard"),
    ]
    public_nav = [
        ("申请调解", "disputes_public:submit", "网上申请人民调解，提交后获得查询码"),
        ("调解进度查询", "disputes_public:track", "凭查询码查看调解受理和办理状态"),
    ]
