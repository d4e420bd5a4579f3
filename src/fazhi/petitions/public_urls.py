from django.urls import path

from fazhi.petitions import public

urlpatterns = [
    path("submit/", public.SubmitView.as_view(), name="submit"),
    path("track/", public.TrackView.as_view(), name="track"),
]
