from django.urls import path

from fazhi.disputes import public

urlpatterns = [
    path("apply/", public.SubmitView.as_view(), name="submit"),
    path("track/", public.TrackView.as_view(), name="track"),
]
