from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("nouvelle/", views.subscribe, name="subscribe"),
    path("demande-envoyee/", views.requested, name="requested"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("gerer/<str:token>/", views.manage, name="manage"),
]
