from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.notify import models


@admin.register(models.Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("township", "name", "head")
    list_filter = ("township",)


@admin.register(models.Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ("township", "content_type", "object_id", "user", "assigned_at")
    list_filter = ("township", "content_type")


@admin.register(models.Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "title", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("title",)


admin.site.register(models.Preference)
admin.site.register(models.JobRun)
