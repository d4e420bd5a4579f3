from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "fazhi.petitions"
    label = "petitions"
    verbose_name = "信访与热线"
    nav = [
        ("信访事项", "petitions:petition_list", "envelope-paper"),
        ("12345热线工单", "petitions:hotlineticket_list", "telephone"),
    ]
    public_nav = [
        ("网上信访", "petitions_public:submit", "通过信息网络提出信访事项，提交后获得查询码"),
        ("信访办理查询", "petitions_public:track", "凭查询码查看受理、办理期限和办理状态"),
    ]
