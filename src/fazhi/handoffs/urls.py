from django.urls import path

from fazhi.handoffs import views

app_name = "handoffs"
urlpatterns = [
    path("dispute/<int:pk>/", views.dispute_to_petition, name="dispute_to_petition"),
    path("petition/<int:pk>/", views.petition_to_litigation, name="petition_to_litigation"),
]
