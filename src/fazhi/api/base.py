"""Shared pieces of the REST API: every viewset reads through `core.access.visible_to`, validates like
the pages' forms (the model's `full_clean`, the township's own records only), masks what pages mask
and never writes a masked value back."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models
from rest_framework import permissions, serializers, viewsets

from fazhi.core.access import access_for, can_write, require_write, visible_to
from fazhi.core.errors import Refused
from fazhi.core.ledger import REGISTRY
from fazhi.core.services import save_record


class LedgerPermission(permissions.IsAuthenticated):
    """Reads follow `visible_to`; writes need one of the viewset's `write_roles` in the record's township."""

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return can_write(request.user, obj.township, getattr(view, "write_roles", ()))


class LedgerSerializer(serializers.ModelSerializer):
    township = serializers.PrimaryKeyRelatedField(read_only=True)
    version = serializers.IntegerField(required=False, help_text="乐观锁版本：修改时必须提交读取到的版本号")
    masks: dict = {}  # field name -> masking function, applied on the way out

    class Meta:
        read_only_fields = ("created_at", "updated_at", "created_by", "updated_by")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name, mask in self.masks.items():
            if name in data:
                data[name] = mask(data[name]) if data[name] else ""
        return data

    def target_township(self):
        if self.instance is not None:
            return self.instance.township
        return self.context["view"].target_township()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is not None:
            if "version" not in attrs:
                raise serializers.ValidationError(
                    {"version": "修改时必须提交读取到的版本号（version），以免覆盖他人的修改。"}
                )
            for name, mask in self.masks.items():
                current = getattr(self.instance, name, None)
                if name in attrs and current and attrs[name] == mask(current) != current:
                    del attrs[name]  # the masked text it was given to read, sent back unchanged
        township = self.target_township()
        errors = {}
        for name, value in attrs.items():
            if reason := _foreign(value, township):
                errors[name] = reason
        if errors:
            raise serializers.ValidationError(errors)
        self._check_model(attrs, township)
        return attrs

    def _check_model(self, attrs, township):
        """The model's own validation, as the page's form runs it: field rules, `clean()` across fields
        and unique constraints, on the record as it would be saved."""
        model = self.Meta.model
        plain = {k: v for k, v in attrs.items() if k != "version" and not _is_m2m(model, k)}
        if self.instance is not None:
            record = model.objects.get(pk=self.instance.pk)
            for key, value in plain.items():
                setattr(record, key, value)
        else:
            record = model(**plain)
        record.township = township
        writable = {name for name, field in self.fields.items() if not field.read_only}
        exclude = [
            f.name
            for f in model._meta.concrete_fields
            if f.name not in writable and f.name != "township" and not f.primary_key
        ]
        try:
            record.full_clean(exclude=exclude)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(_drf_errors(exc))


def _foreign(value, township) -> str | None:
    """Why a linked record may not be used from `township` (another township's, or not its village)."""
    items = value if isinstance(value, list | tuple) else [value]
    for item in items:
        if not isinstance(item, models.Model):
            continue
        if item._meta.label == "org.Region":
            if item.pk != township.pk and item.parent_id != township.pk:
                return "只能选择本乡镇的村(社区)。"
        elif (owner := getattr(item, "township_id", None)) is not None and owner != township.pk:
            return "只能选择本乡镇的记录。"
    return None


def _drf_errors(exc: DjangoValidationError):
    if hasattr(exc, "error_dict"):
        return {("non_field_errors" if k == "__all__" else k): v for k, v in exc.message_dict.items()}
    return {"non_field_errors": exc.messages}


class LedgerViewSet(viewsets.ModelViewSet):
    """A ledger over the API: `?township=` narrows to one township the user may read. No DELETE (the
    pages offer none and the history would lose the record) unless `allow_delete`."""

    write_roles: tuple = ()
    allow_delete = False
    permission_classes = [LedgerPermission]

    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.allow_delete and "delete" not in cls.http_method_names:
            cls.http_method_names = [*cls.http_method_names, "delete"]

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
        return visible_to(self.queryset.all(), self.request.user, township)

    def target_township(self):
        """The township a new record goes to: the one named, or the user's only writable one."""
        from fazhi.org.models import Region

        cached = getattr(self, "_target", None)
        if cached is not None:
            return cached
        wanted = self.request.data.get("township") or self.request.query_params.get("township")
        access = access_for(self.request.user)
        writable = [t for t, roles in access.townships.items() if roles]
        if wanted in (None, ""):
            if len(writable) != 1:
                raise serializers.ValidationError({"township": "请指定乡镇。"})
            wanted = writable[0]
        township = (
            Region.objects.townships().filter(pk=int(wanted), pk__in=access.readable).first()
            if str(wanted).isdigit()
            else None
        )
        if township is None:
            raise serializers.ValidationError({"township": f"乡镇“{wanted}”不存在或您无权访问。"})
        self._target = township
        return township

    def perform_create(self, serializer):
        township = self.target_township()
        model = serializer.Meta.model
        record = model(**{k: v for k, v in serializer.validated_data.items() if not _is_m2m(model, k)})
        record.township = township
        require_write(self.request.user, township, self.write_roles, getattr(record, "village", None))
        self._save(serializer, record, None)

    def perform_update(self, serializer):
        record = serializer.instance
        expected = serializer.validated_data.pop("version", None)
        for key, value in serializer.validated_data.items():
            if not _is_m2m(type(record), key):
                setattr(record, key, value)
        require_write(self.request.user, record.township, self.write_roles, getattr(record, "village", None))
        self._save(serializer, record, expected)

    create_action = None  # the ledger's actions (core.ledger.LedgerSpec create/change), if declared
    change_action = None

    def _save(self, serializer, record, expected):
        created = record.pk is None
        spec = REGISTRY.get(type(record))  # a viewset declared by hand still writes through the actions
        if created:
            action = type(self).create_action or getattr(spec, "create", None)
        else:
            action = type(self).change_action or getattr(spec, "change", None)
        try:
            if action is not None:
                action(record, self.request.user, expected_version=expected)
            else:
                save_record(record, self.request.user, expected_version=expected)
        except Refused as exc:
            raise serializers.ValidationError({"detail": str(exc)})
        except DjangoValidationError as exc:
            raise serializers.ValidationError(_drf_errors(exc))
        except IntegrityError:
            raise serializers.ValidationError({"detail": "与已有记录重复（编号或名称已被使用），未保存。"})
        for key, value in serializer.validated_data.items():
            if _is_m2m(type(record), key):
                getattr(record, key).set(value)
        if after_save := getattr(serializer, "after_save", None):
            after_save(record)  # child rows a serializer writes through its app's own function
        serializer.instance = record

    def perform_destroy(self, instance):
        require_write(self.request.user, instance.township, self.write_roles)
        super().perform_destroy(instance)


def _is_m2m(model, key) -> bool:
    return any(f.name == key for f in model._meta.many_to_many)


def serializer_for(model, fields, masks=None, read_only=(), village=True):
    """A LedgerSerializer for `model` (with id, township, village unless `village=False`, and version); `masks` ({field: mask})
    apply to everything it returns and are never written back."""
    head = ("id", "township", "village") if village and "village" not in fields else ("id", "township")
    meta = type(
        "Meta",
        (LedgerSerializer.Meta,),
        {
            "model": model,
            "fields": (*head, *fields, "version"),
            "read_only_fields": (*LedgerSerializer.Meta.read_only_fields, *read_only),
        },
    )
    return type(
        f"{model.__name__}Serializer", (LedgerSerializer,), {"Meta": meta, "masks": dict(masks or {})}
    )


def viewset_for(model, serializer, roles, filters=(), related=(), search=(), queryset=None, **extra):
    """The viewset of one ledger: its records, serializer, write roles, filters and search."""
    return type(
        f"{model.__name__}ViewSet",
        (LedgerViewSet,),
        {
            "queryset": queryset
            if queryset is not None
            else model.objects.select_related(*related).order_by("-id"),
            "serializer_class": serializer,
            "write_roles": roles,
            "filterset_fields": filters,
            "search_fields": search,
            **extra,
        },
    )
