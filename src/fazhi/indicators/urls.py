from django.urls import path

from fazhi.indicators import county, views

app_name = "indicators"
urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="list"),
    path("compare/", county.CountyComparisonView.as_view(), name="compare"),
    path("compare/<str:code>/<int:township>/", county.TownshipRecordsView.as_view(), name="township_records"),
    path("county-board/", county.CountyBoardView.as_view(), name="county_board"),
    path("county-board/<int:pk>/", county.open_entry, name="county_board_open"),
    path("<str:code>/", views.IndicatorRecordsView.as_view(), name="records"),
]
