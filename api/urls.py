from django.urls import path

from . import datasets, views

app_name = "api"

# Included at /api/ (metnum_site/urls.py). Version 1: what docs/api.md promises never changes under
# /api/v1/; a breaking change opens /api/v2/.
urlpatterns = [
    path("", views.documentation, name="documentation"),
    path("v1/offres/", views.offers, name="offers"),
    path("v1/institutions/", views.institutions, name="institutions"),
    path("v1/openapi.json", views.openapi_schema, name="openapi"),
    path("v1/donnees/offres.csv", views.dataset, {"name": datasets.CSV_NAME}, name="offers_csv"),
    path("v1/donnees/offres.jsonl", views.dataset, {"name": datasets.JSONL_NAME}, name="offers_jsonl"),
    path("v1/donnees/offres.schema.json", views.table_schema, name="table_schema"),
]
