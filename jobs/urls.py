from django.urls import path

from . import views

app_name = "jobs"

# /offres/ itself, its feeds and its suggestions are the search app's (search/urls.py).
urlpatterns = [
    path("<slug:slug>/", views.offer_detail, name="offer_detail"),
]
