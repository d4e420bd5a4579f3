from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "fazhi.services"
    label = "services"
    verbose_name = "法律服务、公开与履责"
    nav = [
        ("法律顾问工作", "services:advisorwork_list", "journal-text"),
        ("法律顾问考核", "services:advisorassessment_list", "clipboard-check"),
        ("村规民约", "services:villagerule_list", "file-earmark-ruled"),
        ("法律援助咨询", "services:legalaidconsultation_list", "life-preserver"),
        ("服务站点", "services:servicepoint_list", "geo-alt"),
        ("便民服务事项", "services:serviceitem_list", "list-check"),
        ("主动公开", "services:disclosureitem_list", "broadcast"),
        ("依申请公开", "services:disclosurerequest_list", "envelope-open"),
        ("第一责任人履职", "services:dutyrecord_list", "person-workspace"),
        ("述法", "services:lawreport_list", "mic"),
        ("法治档案", "services:archive_list", "folder2-open"),
        ("其他举措", "services:measure_list", "plus-square"),
    ]
    public_nav = [
        ("政务公开", "services_public:disclosure", "各乡镇主动公开的政府信息，含乡镇重点领域信息"),
        ("依申请公开", "services_public:request", "在线申请公开政府信息，凭申请编号查询办理进度"),
    ]
