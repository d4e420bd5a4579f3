from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from fazhi.security import audit, passwords
from fazhi.security.models import SecurityEvent

User = get_user_model()


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    list_display = ("at", "kind", "username", "address", "target", "rows", "detail")
    list_filter = ("kind",)
    search_fields = ("username", "target", "detail")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AccountAdmin(UserAdmin):
    """A new account, or a password set by an administrator, must be changed at the next login."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            passwords.require_change(obj)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = User.objects.get(pk=id)
            passwords.require_change(user)
            audit.record(
                audit.Kind.PASSWORD_RESET, request, target=user.get_username(), detail="管理员重置密码"
            )
        return response


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
