"""A CV file goes with its application, however the row is deleted (a candidate, an offer, a purge)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Application


@receiver(post_delete, sender=Application, dispatch_uid="candidates_delete_cv_file")
def delete_cv_file(sender, instance, **kwargs):
    if instance.cv:
        name, storage = instance.cv.name, instance.cv.storage
        transaction.on_commit(lambda: storage.delete(name))
