"""URL patterns of ledgers whose views are declared one by one (the generic views of core.views):
`ledger_urls` records them in the ledger's spec and routes them like `core.ledger.get_model_urls`.

Apart from core.views so that neither it nor core.ledger imports the other at load time.
"""

from fazhi.core.ledger import get_model_urls, spec_for
from fazhi.core.views import AttachmentUploadView, TransitionView

VIEW_SUFFIXES = {"list_view": "List", "detail_view": "Detail", "form_view": "Form"}
VIEW_SUFFIXES.update(transition_view="Transition", upload_view="Attach")


def views_of(module, prefix: str, **given) -> dict:
    """The `ledger_urls` keywords for the views a module names by convention: `<prefix>List`,
    `<prefix>Detail`, `<prefix>Form`, `<prefix>Transition`, `<prefix>Attach` (those it has);
    `given` ones (e.g. a generated upload view) win."""
    found = {kw: getattr(module, prefix + suffix, None) for kw, suffix in VIEW_SUFFIXES.items()}
    found.update(given)
    return {kw: view for kw, view in found.items() if hasattr(view, "as_view")}  # not a Django Form


def ledger_urls(
    model,
    list_view=None,
    detail_view=None,
    form_view=None,
    *,
    transition_view=None,
    upload_view=None,
    create=None,
    change=None,
):
    """The URL patterns of one ledger whose views are declared one by one (core.ledger.get_model_urls);
    the views are recorded in the ledger's spec, so the permission matrix finds them, and so are the
    ledger's creating and changing actions (`create`, `change`), which its form, API and import use.

    A detail page with attachments gets its upload view, and one with a workflow its transition view,
    with the detail page's write roles, unless the ledger passes its own.
    """
    if transition_view is None and getattr(detail_view, "workflow", None) is not None:
        transition_view = type(
            f"{model.__name__}Transition",
            (TransitionView,),
            {"model": model, "write_roles": detail_view.write_roles, "workflow": detail_view.workflow},
        )
    if upload_view is None and detail_view is not None and detail_view.attachments:
        upload_view = type(
            f"{model.__name__}Upload",
            (AttachmentUploadView,),
            {"model": model, "write_roles": detail_view.write_roles},
        )
    spec = spec_for(model)
    given = {
        "list": list_view,
        "detail": detail_view,
        "form": form_view,
        "transition": transition_view,
        "upload": upload_view,
    }
    spec.views.update({kind: view for kind, view in given.items() if view is not None})
    spec.write_roles = spec.write_roles or getattr(detail_view or list_view, "write_roles", ())
    spec.workflow = spec.workflow or getattr(transition_view, "workflow", None)
    spec.create, spec.change = create or spec.create, change or spec.change
    return get_model_urls(model)
