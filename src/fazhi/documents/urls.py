from django.urls import path

from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.documents import views
from fazhi.documents.models import CleanupCampaign, Contract, NormativeDocument


def upload(model, roles):
    return type(f"{model.__name__}Attach", (AttachmentUploadView,), {"model": model, "write_roles": roles})


app_name = "documents"
urlpatterns = [
    *ledger_urls(
        NormativeDocument,
        list_view=views.DocumentList,
        detail_view=views.DocumentDetail,
        form_view=views.DocumentForm,
        transition_view=views.DocumentTransition,
        upload_view=upload(NormativeDocument, views.ROLES),
    ),
    *ledger_urls(
        CleanupCampaign,
        list_view=views.CampaignList,
        detail_view=views.CampaignDetail,
        form_view=views.CampaignForm,
        transition_view=views.CampaignTransition,
        upload_view=upload(CleanupCampaign, views.ROLES),
    ),
    path("cleanupcampaign/<int:pk>/scope/", views.CampaignScopeView.as_view(), name="cleanupcampaign_scope"),
    path(
        "cleanupcampaign/<int:pk>/item/<int:item>/",
        views.CampaignItemView.as_view(),
        name="cleanupcampaign_item",
    ),
    *ledger_urls(
        Contract,
        list_view=views.ContractList,
        detail_view=views.ContractDetail,
        form_view=views.ContractForm,
        transition_view=views.ContractTransition,
        upload_view=upload(Contract, views.CONTRACT_ROLES),
    ),
]
