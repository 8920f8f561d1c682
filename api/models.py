from django.core.files.storage import default_storage
from django.db import models


class OpenDataFile(models.Model):
    """The current version of a dataset file (api/datasets.py): which file of the media storage it
    is, and what its answers say (Last-Modified, ETag). Switching this row is what publishes a new
    version: a file is referenced only once it is completely written."""

    name = models.CharField("nom public", max_length=40, unique=True)
    path = models.CharField("fichier dans le stockage des médias", max_length=255)
    generated_at = models.DateTimeField("produit le")
    rows = models.PositiveIntegerField("nombre de lignes")
    size = models.PositiveBigIntegerField("taille en octets")
    sha256 = models.CharField("empreinte SHA-256", max_length=64)

    class Meta:
        verbose_name = "fichier de données ouvertes"
        verbose_name_plural = "fichiers de données ouvertes"

    def __str__(self):
        return self.name

    @property
    def etag(self):
        return f'"{self.sha256[:32]}"'

    def open(self):
        return default_storage.open(self.path, "rb")
