from django.urls import path

from fazhi.drafts import views

app_name = "drafts"
urlpatterns = [
    path("review/<int:pk>/check/", views.CheckDraft.as_view(), name="check"),
    path("review/<int:pk>/finding/<int:finding>/", views.DecideFinding.as_view(), name="decide"),
    path("review/<int:pk>/opinion/", views.DraftOpinion.as_view(), name="opinion"),
]
