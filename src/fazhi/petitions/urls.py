from django.urls import path

from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.petitions import models, views

app_name = "petitions"


def ledger(model, list_view, detail_view, form_view, **kwargs):
    """Every ledger takes attachments (the reply document, the notice, the ticket's record)."""
    upload = type(
        f"{model.__name__}Upload",
        (AttachmentUploadView,),
        {"model": model, "write_roles": detail_view.write_roles},
    )
    return ledger_urls(
        model, list_view=list_view, detail_view=detail_view, form_view=form_view, upload_view=upload, **kwargs
    )


urlpatterns = [
    path("petition/<int:pk>/close/", views.PetitionClose.as_view(), name="petition_close"),
    *ledger(
        models.Petition,
        views.PetitionList,
        views.PetitionDetail,
        views.PetitionForm,
        transition_view=views.PetitionTransition,
    ),
    *ledger(
        models.HotlineTicket,
        views.HotlineList,
        views.HotlineDetail,
        views.HotlineForm,
        transition_view=views.HotlineTransition,
    ),
]
