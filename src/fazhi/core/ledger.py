"""A ledger declared once: `LedgerSpec` holds what pages, API, export and import need to know of one
model, and builds them. In the spirit of NetBox's `@register_model_view` and `get_model_urls`.

    SPEC = LedgerSpec(
        Petition,
        write_roles=(Role.PETITION,),
        columns=["number", "received", Column("法定期限", next_due)],
        groups={"登记": ("received", "channel", ...), "办理": ("state", "notice_sent", ...)},
        form=("登记", "复查复核"),        # the groups the form edits
        masks={"petitioner": masking.mask_names},
        filters=("state", "channel"), search=("number", "subject"), year_field="received",
        workflow=WORKFLOW, api="petitions",
    )
    urlpatterns = SPEC.urls()            # list, detail, new, edit, transition, attach
    router.register(*SPEC.api_route())   # serializer and viewset from the same declaration

Named groups replace index slices of field tuples (a slice once dropped 信访人申请复查日期 from a page).
Every ledger is declared this way (`<app>/ledgers.py`); a page that needs its own class registers it
with `@register_model_view`, into the same registry: `specs()` is every ledger, what the permission
matrix (tests/core/test_matrix.py) walks.

Import (`import_columns`): the fields a sheet fills, in order; by default the form's fields; `()`
for a ledger that is not imported (made by a page of its own). Each name is a model field;
`import_fields()` gives (name, verbose label, required) for a template.
"""

from dataclasses import dataclass, field

from django.urls import path

from fazhi.core.tables import Column, field_column

REGISTRY: dict[type, "LedgerSpec"] = {}
VIEW_KINDS = ("list", "detail", "form", "transition", "upload")


@dataclass
class LedgerSpec:
    model: type
    write_roles: tuple = ()
    columns: list = field(default_factory=list)  # field names ("village.name") or Columns
    groups: dict = field(default_factory=dict)  # group label -> field names, in page order
    form: tuple | None = None  # group labels the form edits; None: every group
    masks: dict = field(default_factory=dict)  # field -> mask, for readers outside the case
    filters: tuple = ()
    search: tuple = ()
    year_field: str | None = None
    select_related: tuple = ()
    prefetch_related: tuple = ()  # the list's, for columns that read a many-to-many
    annotate: dict = field(default_factory=dict)  # the list's annotations its columns read
    ordering: tuple = ("-id",)
    workflow: object = None
    create: object = None  # the creating action: create(record, user, expected_version=None) -> record
    change: object = None  # the changing action, same signature
    related_template: str | None = None  # an extra block on the record page
    detail_context: object = None  # function(record) -> extra context of the record page
    listed_relations: tuple = ()  # record page: (label, many-to-many name), the related names 、-joined
    widgets: dict = field(default_factory=dict)  # form field -> widget
    # Anything else a generated page needs, by kind: {"detail": {"template_name": …, "get_fields": f}}.
    # A function given here is a method of the page (it receives the view first).
    extra: dict = field(default_factory=dict)
    import_columns: tuple | None = None
    attachments: bool = True
    attachment_steps: list = field(default_factory=list)
    allow_delete: bool = False
    duplicates: tuple = ()  # fields whose equal values make a new record a likely duplicate
    api: str | None = None  # the API prefix ("petitions")
    api_read_only: tuple = ()
    views: dict = field(default_factory=dict)  # kind -> view class (declared or generated)
    viewset: type | None = None

    def __post_init__(self):
        REGISTRY[self.model] = self

    # --- declarations --------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.model._meta.model_name

    def fields_of(self, *groups) -> tuple:
        chosen = groups or tuple(self.groups)
        return tuple(name for label in chosen for name in self.groups[label])

    def form_fields(self) -> tuple:
        editable = {f.name for f in self.model._meta.fields if f.editable}
        return tuple(n for n in self.fields_of(*(self.form or ())) if n in editable)

    def list_columns(self) -> list[Column]:
        return [
            c
            if isinstance(c, Column)
            else field_column(
                self.model, c, mask=self.masks.get(c), **({"sort": None} if c in self.masks else {})
            )
            for c in self.columns
        ]

    def import_fields(self) -> list[tuple[str, str, bool]]:
        """(field name, Chinese label, required) of each column an import sheet has, in order."""
        names = self.import_columns if self.import_columns is not None else self.form_fields()
        out = []
        for name in names:
            f = self.model._meta.get_field(name)
            out.append((name, str(f.verbose_name), not (f.blank or f.null or f.has_default())))
        return out

    # --- what is built from them ---------------------------------------------------------------

    def view(self, kind: str):
        if kind not in self.views:
            self.views[kind] = getattr(self, f"_build_{kind}")()
        return self.views[kind]

    def _attrs(self, kind, **attrs):
        return {
            "model": self.model,
            "write_roles": self.write_roles,
            "spec": self,
            **attrs,
            **self.extra.get(kind, {}),
        }

    def _build_list(self):
        from fazhi.core.views import LedgerListView

        attrs = self._attrs(
            "list",
            columns=self.list_columns(),
            search_fields=self.search,
            filter_fields=self.filters,
            year_field=self.year_field,
            select_related=self.select_related,
            prefetch_related=self.prefetch_related,
            annotations=self.annotate,
            ordering=self.ordering,
        )
        return type(f"{self.model.__name__}List", (LedgerListView,), attrs)

    def _build_detail(self):
        from fazhi.core.views import LedgerDetailView

        attrs = self._attrs(
            "detail",
            fields=self.fields_of(),
            masked=self.masks,
            workflow=self.workflow,
            attachments=self.attachments,
            attachment_steps=self.attachment_steps,
            related_template=self.related_template,
            listed_relations=self.listed_relations,
        )
        if self.detail_context is not None:
            extra = self.detail_context

            def get_context_data(view, **kwargs):
                return {**LedgerDetailView.get_context_data(view, **kwargs), **extra(view.object)}

            attrs["get_context_data"] = get_context_data
        return type(f"{self.model.__name__}Detail", (LedgerDetailView,), attrs)

    def _build_form(self):
        from fazhi.core.views import LedgerFormView

        def before_save(view, record, form):
            record.clean()  # the form checked its fields; fields it does not show are the action's

        attrs = self._attrs(
            "form",
            fields=self.form_fields(),
            before_save=before_save,
            duplicate_fields=self.duplicates,
            widgets=self.widgets,
        )
        return type(f"{self.model.__name__}Form", (LedgerFormView,), attrs)

    def _build_transition(self):
        from fazhi.core.views import TransitionView

        if self.workflow is None:
            return None
        return type(
            f"{self.model.__name__}Transition",
            (TransitionView,),
            self._attrs("transition", workflow=self.workflow),
        )

    def _build_upload(self):
        from fazhi.core.views import AttachmentUploadView

        if not self.attachments:
            return None
        return type(f"{self.model.__name__}Upload", (AttachmentUploadView,), self._attrs("upload"))

    def urls(self) -> list:
        for kind in VIEW_KINDS:
            self.view(kind)
        return get_model_urls(self.model)

    def serializer(self):
        from fazhi.api.base import serializer_for

        names = [n for n in self.fields_of() if n != "village"]
        return serializer_for(self.model, tuple(names), self.masks, read_only=self.api_read_only)

    def api_route(self):
        """(prefix, viewset) for `router.register`."""
        from fazhi.api.base import viewset_for

        if self.viewset is None:
            self.viewset = viewset_for(
                self.model,
                self.serializer(),
                self.write_roles,
                self.filters,
                related=self.select_related,
                search=self.search,
                queryset=self.model.objects.select_related(*self.select_related).order_by(*self.ordering),
                allow_delete=self.allow_delete,
                create_action=staticmethod(self.create) if self.create else None,
                change_action=staticmethod(self.change) if self.change else None,
            )
        return self.api, self.viewset


def spec_for(model) -> LedgerSpec:
    """The model's spec, created empty for ledgers whose views are declared one by one."""
    return REGISTRY.get(model) or LedgerSpec(model)


def register_model_view(model, kind: str):
    """Class decorator: this view is the model's `kind` page (list, detail, form, transition, upload)."""

    def decorate(view):
        spec = spec_for(model)
        spec.views[kind] = view
        if kind == "detail" and not spec.write_roles:
            spec.write_roles = view.write_roles
        return view

    return decorate


def get_model_urls(model) -> list:
    """The URL patterns of a ledger's registered views, named `<model>_list`, `_detail`, `_create`, …"""
    views = spec_for(model).views
    name = model._meta.model_name
    routes = {
        "list": [(f"{name}/", "list")],
        "form": [(f"{name}/new/", "create"), (f"{name}/<int:pk>/edit/", "update")],
        "detail": [(f"{name}/<int:pk>/", "detail")],
        "transition": [(f"{name}/<int:pk>/do/<slug:name>/", "transition")],
        "upload": [(f"{name}/<int:pk>/attach/", "attach")],
    }
    return [
        path(route, views[kind].as_view(), name=f"{name}_{suffix}")
        for kind in VIEW_KINDS
        if views.get(kind) is not None
        for route, suffix in routes[kind]
    ]


def specs() -> list[LedgerSpec]:
    """Every declared ledger with pages, its API viewset attached (loads the URLconf and the router)."""
    from django.urls import get_resolver

    from fazhi.api.urls import router

    get_resolver().url_patterns  # noqa: B018 — importing every app's urls registers its views
    for _prefix, viewset, _basename in router.registry:
        model = getattr(getattr(viewset, "queryset", None), "model", None)
        if model in REGISTRY:
            REGISTRY[model].viewset = viewset
            REGISTRY[model].api = REGISTRY[model].api or _prefix
    return [s for s in REGISTRY.values() if s.views.get("list") is not None]
