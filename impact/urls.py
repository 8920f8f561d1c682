from django.urls import path

from . import views

app_name = "impact"

# Included at /offres/ before jobs.urls.
urlpatterns = [
    path("<slug:slug>/candidater/", views.apply, name="apply"),
]
