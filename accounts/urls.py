from django.urls import path

from . import views

app_name = "accounts"

# Included under /admin/ before Wagtail's admin URLs.
urlpatterns = [
    path("double-facteur/", views.verify, name="verify"),
    path("double-facteur/activer/", views.enrol, name="enrol"),
]
