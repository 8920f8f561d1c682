"""Background tasks (django-tasks) of the open data."""

from django_tasks import task

from . import datasets


@task()
def refresh_open_data():
    """The daily export of the open offers (api/datasets.py): the same as `manage.py export_open_data`."""
    return datasets.export()
