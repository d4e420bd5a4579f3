from django.urls import path

from fazhi.assessment import views, views_items

app_name = "assessment"
urlpatterns = [
    path("", views.SchemeListView.as_view(), name="scheme_list"),
    path("<int:pk>/", views.SchemeDetailView.as_view(), name="scheme_detail"),
    path("<int:pk>/item/new/", views_items.ItemEditView.as_view(), name="item_create"),
    path("<int:pk>/item/<int:item>/", views_items.ItemEditView.as_view(), name="item_update"),
    path("<int:pk>/results/", views.ResultsView.as_view(), name="results"),
    path("<int:pk>/notice.docx", views.NoticeView.as_view(), name="notice"),
    path("<int:pk>/<str:action>/", views.SchemeActionView.as_view(), name="scheme_action"),
    path("<int:pk>/township/<int:township>/", views.ScorecardView.as_view(), name="scorecard"),
    path(
        "<int:pk>/township/<int:township>/item/<int:item>/records/",
        views.ItemRecordsView.as_view(),
        name="item_records",
    ),
    path("score/<int:pk>/<str:action>/", views.ScoreActionView.as_view(), name="score_action"),
]
