from django.urls import path

from fazhi.core.views import AttachmentUploadView, ledger_urls
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
        list_view=views.CatalogueList,
        detail_view=views.CatalogueDetail,
        form_view=views.CatalogueForm,
        transition_view=views.CatalogueTransition,
        upload_view=upload(DecisionCatalogue),
    ),
    *ledger_urls(
        MajorDecision,
        list_view=views.DecisionList,
        detail_view=views.DecisionDetail,
        form_view=views.DecisionForm,
        transition_view=views.DecisionTransition,
        upload_view=upload(MajorDecision),
    ),
    path("majordecision/<int:pk>/step/", views.StepView.as_view(), name="majordecision_step"),
]
