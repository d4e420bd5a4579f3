from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.org import models


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "code")
    list_filter = ("kind",)
    search_fields = ("name", "code")
    autocomplete_fields = ("parent",)


class LedgerAdmin(SimpleHistoryAdmin):
    list_filter = ("township",)
    exclude = ("created_by", "updated_by", "version")

    def save_model(self, request, obj, form, change):
        """Through the ledger's actions, as its pages do: numbering and stored due dates live there."""
        from fazhi.core.ledger import REGISTRY

        spec = REGISTRY.get(type(obj))
        action = getattr(spec, "change" if change else "create", None)
        if action is None:
            return super().save_model(request, obj, form, change)
        action(obj, request.user)


@admin.register(models.Department)
class DepartmentAdmin(LedgerAdmin):
    list_display = ("name", "kind", "township")


@admin.register(models.Person)
class PersonAdmin(LedgerAdmin):
    list_display = ("name", "position", "department", "township")
    search_fields = ("name",)


class RoleAssignmentInline(admin.TabularInline):
    model = models.RoleAssignment
    extra = 1
    fk_name = "user"


@admin.register(models.RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organisation", "village")
    list_filter = ("role",)


class MemberInline(admin.TabularInline):
    model = models.LeadingGroupMember
    extra = 1


@admin.register(models.LeadingGroup)
class LeadingGroupAdmin(LedgerAdmin):
    list_display = ("year", "township", "document_no")
    inlines = [MemberInline]


@admin.register(models.TownshipProfile)
class TownshipProfileAdmin(LedgerAdmin):
    list_display = ("year", "township", "population", "enterprises")


@admin.register(models.LegalAdvisor)
class LegalAdvisorAdmin(LedgerAdmin):
    list_display = ("name", "firm", "township", "contract_start", "contract_end")
    filter_horizontal = ("villages",)


# User accounts are managed with their roles on one page.
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.admin import UserAdmin  # noqa: E402

admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class FazhiUserAdmin(UserAdmin):
    inlines = [RoleAssignmentInline]


admin.site.site_header = admin.site.site_title = "法治政府建设平台 · 系统管理"
admin.site.index_title = "系统管理"
