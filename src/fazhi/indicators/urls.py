from django.urls import path

from fazhi.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="list"),
    path("compare/", views.CountyComparisonView.as_view(), name="compare"),
    path("<str:code>/", views.IndicatorRecordsView.as_view(), name="records"),
]
