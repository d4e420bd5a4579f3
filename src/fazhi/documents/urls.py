from django.urls import path

from fazhi.documents import views
from fazhi.documents.ledgers import CAMPAIGN, CONTRACT, DOCUMENT

app_name = "documents"
urlpatterns = [
    *DOCUMENT.urls(),
    *CAMPAIGN.urls(),
    path("cleanupcampaign/<int:pk>/scope/", views.CampaignScopeView.as_view(), name="cleanupcampaign_scope"),
    path(
        "cleanupcampaign/<int:pk>/item/<int:item>/",
        views.CampaignItemView.as_view(),
        name="cleanupcampaign_item",
    ),
    *CONTRACT.urls(),
]
