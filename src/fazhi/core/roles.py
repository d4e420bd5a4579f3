"""Roles (domain.md §2). A user holds roles in an organisation: a township, or a county for supervisors."""

from django.db import models


class Role(models.TextChoices):
    SECRETARY = "secretary", "党委书记(第一责任人)"
    HEAD = "head", "镇长(第一责任人)"
    JUDICIAL = "judicial", "司法所/依法治镇办"
    ADVISOR = "advisor", "法律顾问"
    ENFORCEMENT = "enforcement", "综合行政执法大队"
    PETITION = "petition", "信访办"
    MEDIATOR = "mediator", "人民调解员"
    OFFICE = "office", "党政办"
    VILLAGE = "village", "村(社区)干部/网格员"
    COUNTY = "county", "县级依法治县办(只读)"
    ADMIN = "admin", "乡镇系统管理员"


# Roles that may change any ledger of their township (besides the ledger's own roles).
MANAGERS = frozenset({Role.ADMIN, Role.JUDICIAL})
