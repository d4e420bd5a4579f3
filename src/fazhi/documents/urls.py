from django.urls import path

from fazhi.core.routes import ledger_urls, views_of
from fazhi.core.views import AttachmentUploadView
from fazhi.documents import views
from fazhi.documents.models import CleanupCampaign, Contract, NormativeDocument


def upload(model, roles):
    return type(f"{model.__name__}Attach", (AttachmentUploadView,), {"model": model, "write_roles": roles})


app_name = "documents"
urlpatterns = [
    *ledger_urls(
        NormativeDocument,
        **views_of(views, "Document", upload_view=upload(NormativeDocument, views.ROLES)),
    ),
    *ledger_urls(
        CleanupCampaign,
        **views_of(views, "Campaign", upload_view=upload(CleanupCampaign, views.ROLES)),
    ),
    path("cleanupcampaign/<int:pk>/scope/", views.CampaignScopeView.as_view(), name="cleanupcampaign_scope"),
    path(
        "cleanupcampaign/<int:pk>/item/<int:item>/",
        views.CampaignItemView.as_view(),
        name="cleanupcampaign_item",
    ),
    *ledger_urls(
        Contract,
        **views_of(views, "Contract", upload_view=upload(Contract, views.CONTRACT_ROLES)),
    ),
]
