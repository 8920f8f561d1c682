"""The two addresses of a Wagtail report view (ReportView): its page and the results that its filters
reload, named after the view's `index_url_name` and `index_results_url_name`."""

from django.urls import path


def report_urls(address, view_class):
    return [
        path(address, view_class.as_view(), name=view_class.index_url_name),
        path(f"{address}resultats/", view_class.as_view(results_only=True), name=view_class.index_results_url_name),
    ]
