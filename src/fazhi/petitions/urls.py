from django.urls import path

from fazhi.core.routes import ledger_urls
from fazhi.petitions import models, views

app_name = "petitions"


urlpatterns = [
    path("petition/<int:pk>/close/", views.PetitionClose.as_view(), name="petition_close"),
    *ledger_urls(
        models.Petition,
        views.PetitionList,
        views.PetitionDetail,
        views.PetitionForm,
    ),
    *ledger_urls(
        models.HotlineTicket,
        views.HotlineList,
        views.HotlineDetail,
        views.HotlineForm,
    ),
]
