from django.urls import path

from fazhi.supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.TaskListView.as_view(), name="task_list"),
    path("<int:pk>/", views.AssignmentDetailView.as_view(), name="assignment_detail"),
]
