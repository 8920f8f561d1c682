from django.urls import path

from . import feeds, views

app_name = "search"

# Included at /offres/ before jobs.urls (the offer pages, /offres/<slug>/).
urlpatterns = [
    path("", views.offer_search, name="offers"),
    path("suggestions", views.suggestions, name="suggestions"),
    path("communes", views.places, name="places"),
    path("flux.rss", feeds.SearchRss(), name="offers_rss"),
    path("flux.atom", feeds.SearchAtom(), name="offers_atom"),
]
