"""Shared pieces of the REST API: every viewset is scoped like the pages, and masks what pages mask."""

from rest_framework import permissions, serializers, viewsets

from fazhi.core.access import access_for, can_write, require_write, scope
from fazhi.core.services import save_record
from fazhi.core.workflow import Refused


class LedgerPermission(permissions.IsAuthenticated):
    """Reads follow `scope`; writes need one of the viewset's `write_roles` in the record's township."""

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return can_write(request.user, obj.township, getattr(view, "write_roles", ()))


class LedgerSerializer(serializers.ModelSerializer):
    township = serializers.PrimaryKeyRelatedField(read_only=True)
    version = serializers.IntegerField(required=False, help_text="乐观锁版本：修改时提交读取到的版本号")

    class Meta:
        read_only_fields = ("created_at", "updated_at", "created_by", "updated_by")


class LedgerViewSet(viewsets.ModelViewSet):
    """A ledger over the API: `?township=` narrows to one township the user may read."""

    write_roles: tuple = ()
    permission_classes = [LedgerPermission]

    def get_queryset(self):
        township = None
        wanted = self.request.query_params.get("township", "")
        if wanted.isdigit():
            from fazhi.org.models import Region

            township = Region.objects.filter(
                pk=int(wanted), pk__in=access_for(self.request.user).readable
            ).first()
            if township is None:
                return self.queryset.none()
        return scope(self.queryset.all(), self.request.user, township)

    def perform_create(self, serializer):
        from fazhi.org.models import Region

        wanted = self.request.data.get("township") or self.request.query_params.get("township")
        access = access_for(self.request.user)
        writable = [t for t, roles in access.townships.items() if roles]
        township_id = (
            int(wanted) if str(wanted or "").isdigit() else (writable[0] if len(writable) == 1 else None)
        )
        if township_id is None:
            raise serializers.ValidationError({"township": "请指定乡镇。"})
        township = Region.objects.get(pk=township_id)
        record = serializer.Meta.model(
            **{k: v for k, v in serializer.validated_data.items() if not _is_m2m(serializer, k)}
        )
        record.township = township
        require_write(self.request.user, township, self.write_roles, getattr(record, "village", None))
        self._save(serializer, record, None)

    def perform_update(self, serializer):
        record = serializer.instance
        expected = serializer.validated_data.pop("version", None)
        for key, value in serializer.validated_data.items():
            if not _is_m2m(serializer, key):
                setattr(record, key, value)
        self._save(serializer, record, expected)

    def _save(self, serializer, record, expected):
        try:
            save_record(record, self.request.user, expected_version=expected)
        except Refused as exc:
            raise serializers.ValidationError({"detail": str(exc)})
        for key, value in serializer.validated_data.items():
            if _is_m2m(serializer, key):
                getattr(record, key).set(value)
        serializer.instance = record

    def perform_destroy(self, instance):
        require_write(self.request.user, instance.township, self.write_roles)
        super().perform_destroy(instance)


def _is_m2m(serializer, key) -> bool:
    model = serializer.Meta.model
    return any(f.name == key for f in model._meta.many_to_many)
