from django.urls import path

from fazhi.rounds import views

app_name = "rounds"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/nothing/", views.file_nothing, name="file_nothing"),
    path("<str:code>/county/", views.county, name="county"),
]
