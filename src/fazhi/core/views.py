"""Generic ledger pages: list (filter, search, sort, page, Excel), detail (history, workflow,
attachments), create/edit (optimistic locking) and workflow transitions. Apps subclass these with
a few declarations; see docs/adding-a-ledger.md."""

from functools import reduce
from operator import or_

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.forms import modelform_factory
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.views import View
from django.views.generic import DetailView, ListView
from django.views.generic.edit import FormView

from fazhi.core import duplicates, masking
from fazhi.core.access import access_for, can_write, require_write, visible_to
from fazhi.core.attachments import AttachmentDownloadView, attach, scope_ids  # noqa: F401  (old names)
from fazhi.core.errors import Refused
from fazhi.core.export import xlsx_response
from fazhi.core.filters import filter_control, filterset_for
from fazhi.core.ledger import REGISTRY
from fazhi.core.models import Attachment, Ledger
from fazhi.core.pagecache import CachedPage
from fazhi.core.services import save_record
from fazhi.core.tables import Column, field_column, rows_html
from fazhi.core.text import clauses


class TownshipRequired(LoginRequiredMixin):
    """A page that needs a signed-in user with a current township (request.township)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request.township is None:
            raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
        return super().dispatch(request, *args, **kwargs)


class TownshipMixin(TownshipRequired):
    """Pages of one township: the current one (request.township), which the user may read."""

    model: type[Ledger]
    write_roles: tuple = ()

    def scoped(self):
        return self.restrict(visible_to(self.model.objects.all(), self.request.user, self.request.township))

    def restrict(self, queryset):
        """Hook for ledgers with narrower visibility (e.g. an advisor sees only what is assigned)."""
        return queryset

    def can_add(self) -> bool:
        return can_write(self.request.user, self.request.township, self.write_roles)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opts = self.model._meta
        context.update(
            opts=opts,
            title=getattr(self, "title", None) or opts.verbose_name_plural,
            can_add=self.can_add(),
            url_prefix=f"{opts.app_label}:{opts.model_name}",
        )
        return context


class LedgerListView(TownshipMixin, CachedPage, ListView):
    template_name = "core/list.html"
    paginate_by = 25
    columns: list[Column] = []
    search_fields: tuple = ()
    filter_fields: tuple = ()
    select_related: tuple = ()
    prefetch_related: tuple = ()
    annotations: dict = {}  # what the columns read beyond the fields (counts of related records)
    ordering = ("-id",)
    year_field: str | None = None  # date field used for the year filter
    extra_actions: list[tuple[str, str]] = []  # (label, url) shown beside 新增

    def get_columns(self) -> list[Column]:
        return self.columns or [Column(str(self.model._meta.verbose_name), str, link=True)]

    def get_filterset(self, queryset):
        if not self.filter_fields:
            return None
        filterset = filterset_for(self.model, self.filter_fields)(self.request.GET or None, queryset=queryset)
        township = self.request.township
        for name, field in filterset.form.fields.items():
            field.required = False
            if isinstance(field, forms.ModelChoiceField) and hasattr(field.queryset.model, "township"):
                field.queryset = field.queryset.filter(township=township)
            elif isinstance(field, forms.ModelChoiceField) and name == "village":
                field.queryset = township.children.all()
        return filterset

    def get_queryset(self):
        queryset = self.scoped()
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        self.filterset = self.get_filterset(queryset)
        if self.filterset is not None and self.filterset.is_bound and self.filterset.is_valid():
            queryset = self.filterset.qs
        if self.year_field and (year := self.request.GET.get("year", "")).isdigit():
            queryset = queryset.filter(**{f"{self.year_field}__year": int(year)})
        if (q := self.request.GET.get("q", "").strip()) and self.search_fields:
            queryset = queryset.filter(reduce(or_, (Q(**{f"{f}__icontains": q}) for f in self.search_fields)))
        if self.annotations:
            queryset = queryset.annotate(**self.annotations)
        return queryset.order_by(*self.get_ordering_keys())

    def get_ordering_keys(self):
        sort = self.request.GET.get("sort", "")
        allowed = {c.sort for c in self.get_columns() if c.sort}
        key = sort.lstrip("-")
        if key in allowed:
            return [sort, "-id"]
        return list(self.ordering)

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "xlsx":
            return xlsx_response(
                str(self.model._meta.verbose_name_plural), self.get_columns(), self.get_queryset()
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        columns = self.get_columns()
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            columns=columns,
            rows=rows_html(context["object_list"], columns),
            filters=[(f.id_for_label, f.label, filter_control(f)) for f in self.filterset.form]
            if self.filterset
            else [],
            q=self.request.GET.get("q", ""),
            sort=self.request.GET.get("sort", ""),
            querystring=query.urlencode(),
            searchable=bool(self.search_fields),
            year_filter=bool(self.year_field),
            extra_actions=self.extra_actions,
        )
        return context


class LedgerDetailView(TownshipMixin, CachedPage, DetailView):
    template_name = "core/detail.html"
    fields: tuple = ()  # field names shown; default: every editable field
    masked: dict = {}  # field name -> mask function, applied for users outside the case
    workflow = None
    attachments = True
    attachment_steps: list[tuple[str, str]] = []  # (code, label) of full-process steps
    related_template: str | None = None  # an extra block (e.g. comments of a consultation)
    select_related: tuple = ()  # beyond the shown links, e.g. what a link's __str__ reads
    listed_relations: tuple = ()  # (label, many-to-many name): a row of the related names, 、-joined

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if getattr(cls, "model", None) is not None:
            masking.register(cls.model, cls.masked)  # every other read path masks by this declaration

    def get_queryset(self):
        # The township and the shown foreign keys come with the record, so a record page costs the
        # same number of queries whichever of its links are filled in.
        opts = self.model._meta
        links = [n for n in self.field_names() if "." not in n and opts.get_field(n).many_to_one]
        return self.scoped().select_related("township", *links, *self.select_related)

    def field_names(self):
        return self.fields or [
            f.name
            for f in self.model._meta.fields
            if f.editable and f.name not in ("id", *Ledger.SYSTEM_FIELDS) and not f.auto_created
        ]

    def show_unmasked(self) -> bool:
        """Whoever may change the record sees the case file in full; everyone else sees it masked."""
        return can_write(self.request.user, self.object.township, self.write_roles)

    def get_fields(self):
        obj = self.object
        unmasked = self.show_unmasked()
        names = None if unmasked else masking.party_names(obj)
        rows = []
        for name in self.field_names():
            column = field_column(type(obj), name, mask=None if unmasked else self.masked.get(name))
            text = column.text(obj)
            if not unmasked and name not in self.masked and "." not in name:
                text = masking.mask_field(obj, name, text, names)  # names copied into free text
            rows.append((column.label, text))
        for label, relation in self.listed_relations:
            rows.append((label, "、".join(r.name for r in getattr(obj, relation).all()) or "—"))
        return rows

    def upload_url(self) -> str:
        """Where the attach form posts, or "" when the ledger has no upload view (the form is hidden)."""
        opts = self.object._meta
        try:
            return reverse(f"{opts.app_label}:{opts.model_name}_attach", args=[self.object.pk])
        except NoReverseMatch:
            return ""

    def get_history(self):
        entries = list(
            self.object.history.all().select_related("history_user").order_by("-history_date", "-history_id")
        )
        rows = []
        # Read-only roles see the history as masked as the fields above.
        obj, unmasked = self.object, self.show_unmasked()
        names = None if unmasked else masking.party_names(obj)

        def shown(field, value):
            text = _display(field, value)
            return (
                text
                if unmasked or text == "（空）"
                else masking.mask_field(obj, field.name, str(text), names)
            )

        for newer, older in zip(entries, [*entries[1:], None], strict=False):
            changes = []
            if older is not None:
                delta = newer.diff_against(older, excluded_fields=["updated_at", "updated_by", "version"])
                for change in delta.changes:
                    field = type(self.object)._meta.get_field(change.field)
                    changes.append(
                        (str(field.verbose_name), shown(field, change.old), shown(field, change.new))
                    )
            rows.append(
                {
                    "date": newer.history_date,
                    "user": newer.history_user,
                    "type": {"+": "创建", "~": "修改", "-": "删除"}[newer.history_type],
                    "reason": newer.history_change_reason or "",
                    "changes": changes,
                }
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        context.update(
            record_title=str(obj) if self.show_unmasked() else masking.masked_title(obj),
            field_rows=self.get_fields(),
            history=self.get_history(),
            can_edit=can_write(self.request.user, obj.township, self.write_roles),
            workflow=self.workflow,
            transitions=self.workflow.available(obj, self.request.user) if self.workflow else [],
            state_label=self.workflow.state_label(obj) if self.workflow else "",
            attachments_enabled=self.attachments,
            attachments=Attachment.objects.filter(
                content_type__app_label=obj._meta.app_label,
                content_type__model=obj._meta.model_name,
                object_id=obj.pk,
            ).select_related("uploaded_by"),
            attachment_steps=self.attachment_steps,
            upload_url=self.upload_url(),
            attachment_kinds=Attachment._meta.get_field("kind").choices,
            related_template=self.related_template,
        )
        return context


def _display(field, value):
    if value is None or value == "":
        return "（空）"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(field, models.ForeignKey):
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else value
    if isinstance(field, models.BooleanField):
        return "是" if value else "否"
    return value


class LedgerFormView(TownshipMixin, FormView):
    """Create (no pk) or edit (pk) a record. The form carries the version it was based on."""

    template_name = "core/form.html"
    fields: tuple = ()
    widgets: dict = {}
    form_class = None
    duplicate_fields: tuple = ()  # equal values here: warn "可能重复" and ask to confirm (core.duplicates)

    def get_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.scoped(), pk=self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.township is not None:
            self.object = self.get_object()
            township = self.object.township if self.object else request.township
            if not can_write(request.user, township, self.write_roles):
                raise PermissionDenied("您没有在本乡镇修改此类记录的权限。")
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        if self.form_class:
            return self.form_class
        widgets = {"village": forms.Select, **self.widgets}
        for field in self.model._meta.fields:
            if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
                widgets.setdefault(field.name, forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
            elif isinstance(field, models.DateTimeField):
                widgets.setdefault(
                    field.name, forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
                )
        return modelform_factory(self.model, fields=list(self.fields), widgets=widgets)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.object or self.model(township=self.request.township)
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        township = self.object.township if self.object else self.request.township
        for name, field in form.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            related = field.queryset.model
            # "village", "*_village" and many-to-many "villages" (a legal advisor's): this township's only.
            if name == "village" or (related._meta.label == "org.Region" and "village" in name):
                field.queryset = township.children.all()
            elif any(f.name == "township" for f in related._meta.fields):
                field.queryset = field.queryset.filter(township=township)
        self.confine_to_villages(form)
        form.fields["_version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        if self.object is not None:
            form.fields["_version"].initial = self.object.version
        return form

    def form_valid(self, form):
        record = form.save(commit=False)
        if self.object is None:
            record.township = self.request.township
        try:
            require_write(
                self.request.user, record.township, self.write_roles, getattr(record, "village", None)
            )
            self.before_save(record, form)
            creating = self.object is None
            if duplicates.hold(
                form, record, self.duplicate_fields, self.scoped(), self.request.POST, creating
            ):
                return self.form_invalid(form)
            self.save(record, form.cleaned_data.get("_version"))
        except Refused as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        form.save_m2m()
        messages.success(self.request, f"已保存：{record}")
        return HttpResponseRedirect(
            record.get_absolute_url() or reverse(f"{record._meta.app_label}:{record._meta.model_name}_list")
        )

    def cadre_villages(self):
        """The villages a village cadre is confined to here, or None for everyone else."""
        township = self.object.township if self.object else self.request.township
        return access_for(self.request.user).village_only(township.id)

    def get_initial(self):
        initial = super().get_initial()
        villages = self.cadre_villages()
        if villages and len(villages) == 1 and self.object is None:
            initial["village"] = next(iter(villages))
        return initial

    def confine_to_villages(self, form):
        """A village cadre picks (and must pick) their own village, and links only to records of their
        village or of the whole township (a screening round, a mediator)."""
        villages = self.cadre_villages()
        if villages is None:
            return
        for name, field in form.fields.items():
            related = getattr(getattr(field, "queryset", None), "model", None)
            if name == "village":
                field.queryset = field.queryset.filter(pk__in=villages)
                field.required, field.empty_label = True, None
            elif related is not None and any(f.name == "village" for f in related._meta.fields):
                field.queryset = field.queryset.filter(Q(village__in=villages) | Q(village__isnull=True))

    def save(self, record, version):
        """Through the ledger's declared action when it has one (core.ledger.LedgerSpec create/change),
        whether this page was built from the spec or declared by hand."""
        spec = getattr(self, "spec", None) or REGISTRY.get(self.model)
        action = (spec.create if self.object is None else spec.change) if spec else None
        if action is None:
            return save_record(record, self.request.user, expected_version=version)
        return action(record, self.request.user, expected_version=version)

    def before_save(self, record, form):
        """Hook: validation across fields that needs the township (raise ValidationError in Chinese)."""
        record.full_clean(exclude=[f for f in form.fields if f != "_version"] + list(Ledger.SYSTEM_FIELDS))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        verb = "修改" if self.object else "新增"
        context["title"] = f"{verb}{self.model._meta.verbose_name}"
        return context


class TransitionView(TownshipMixin, View):
    """POST: apply a workflow transition; refused ones show the Chinese reason and change nothing."""

    workflow = None

    def transition_data(self, request) -> dict:
        """What the transition's guards and effects receive besides the record and the user."""
        return request.POST.dict()

    def post(self, request, pk, name):
        record = get_object_or_404(self.scoped(), pk=pk)
        try:
            self.workflow.apply(record, name, request.user, data=self.transition_data(request))
        except Refused as exc:
            messages.error(request, f"操作未执行：{exc}")
        else:
            messages.success(request, f"已{self.workflow.get(name).label}。")
        return HttpResponseRedirect(record.get_absolute_url())


class AttachmentUploadView(TownshipMixin, View):
    def post(self, request, pk):
        record = get_object_or_404(self.scoped(), pk=pk)
        require_write(request.user, record.township, self.write_roles)
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "请选择要上传的文件。")
            return HttpResponseRedirect(record.get_absolute_url())
        try:
            attach(
                record,
                upload,
                request.user,
                step=request.POST.get("step", ""),
                kind=request.POST.get("kind", ""),
            )
        except ValidationError as exc:
            messages.error(request, "上传失败：" + clauses(exc.messages))
        else:
            messages.success(request, f"已上传：{upload.name}")
        return HttpResponseRedirect(record.get_absolute_url())
