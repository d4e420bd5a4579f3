from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "fazhi.org"
    label = "org"
    verbose_name = "组织机构"
    # The navigation reads these from every app: (label, url name, icon).
    nav = [
        ("组织机构", "org:region_list", "diagram-3"),
        ("部门", "org:department_list", "building"),
        ("人员", "org:person_list", "people"),
        ("法律顾问", "org:legaladvisor_list", "briefcase"),
        ("领导小组", "org:leadinggroup_list", "person-badge"),
        ("镇情", "org:townshipprofile_list", "bar-chart"),
    ]
