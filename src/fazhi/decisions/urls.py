from django.urls import path

from fazhi.core.routes import ledger_urls, views_of
from fazhi.core.views import AttachmentUploadView
from fazhi.decisions import views
from fazhi.decisions.models import DecisionCatalogue, MajorDecision


def upload(model):
    return type(
        f"{model.__name__}Attach", (AttachmentUploadView,), {"model": model, "write_roles": views.ROLES}
    )


app_name = "decisions"
urlpatterns = [
    *ledger_urls(
        DecisionCatalogue,
        **views_of(views, "Catalogue", upload_view=upload(DecisionCatalogue)),
    ),
    *ledger_urls(
        MajorDecision,
        **views_of(views, "Decision", upload_view=upload(MajorDecision)),
    ),
    path("majordecision/<int:pk>/step/", views.StepView.as_view(), name="majordecision_step"),
]
