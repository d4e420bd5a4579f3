from django.urls import path

from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.petitions import models, views

app_name = "petitions"


class PetitionUpload(AttachmentUploadView):
    model = models.Petition
    write_roles = views.WRITE_ROLES


urlpatterns = [
    path("petition/<int:pk>/close/", views.PetitionClose.as_view(), name="petition_close"),
    *ledger_urls(
        models.Petition,
        list_view=views.PetitionList,
        detail_view=views.PetitionDetail,
        form_view=views.PetitionForm,
        transition_view=views.PetitionTransition,
        upload_view=PetitionUpload,
    ),
    *ledger_urls(
        models.HotlineTicket,
        list_view=views.HotlineList,
        detail_view=views.HotlineDetail,
        form_view=views.HotlineForm,
        transition_view=views.HotlineTransition,
    ),
]
