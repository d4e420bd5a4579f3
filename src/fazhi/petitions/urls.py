from django.urls import path

from fazhi.petitions import views
from fazhi.petitions.ledgers import HOTLINE, SPEC

app_name = "petitions"
urlpatterns = [
    path("petition/<int:pk>/close/", views.PetitionClose.as_view(), name="petition_close"),
    *SPEC.urls(),
    *HOTLINE.urls(),
]
