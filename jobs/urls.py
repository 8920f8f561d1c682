from django.urls import path

from . import feeds, views

app_name = "jobs"

urlpatterns = [
    path("", views.offer_list, name="offer_list"),
    path("flux.rss", feeds.LatestOffersRss(), name="offer_feed_rss"),
    path("flux.atom", feeds.LatestOffersAtom(), name="offer_feed_atom"),
    path("<slug:slug>/", views.offer_detail, name="offer_detail"),
]
