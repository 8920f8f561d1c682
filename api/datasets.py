"""The open-data files of the open offers (docs/api.md, « Jeux de données »): one CSV and the same
rows as JSON Lines, with a Table Schema describing their columns (schema.data.gouv.fr conventions:
snake_case names, ISO 8601 dates, UTF-8, comma-separated, one row per offer).

    export()          # writes both files, then publishes them; run daily by api.tasks.refresh_open_data
                      # and by hand with `manage.py export_open_data`
    current("offres.csv")   # the OpenDataFile row of the published version, or None

Where: the media storage (default_storage: MEDIA_ROOT, or the S3 bucket when AWS_STORAGE_BUCKET_NAME
is set), under OPEN_DATA_DIR. Atomic on both: each run writes new files under new names (never
over the published ones: S3 has no rename, and its storage here never overwrites), and only once
both are complete does it switch the OpenDataFile rows to them, in one transaction. A run that fails
half-way leaves the published files and rows untouched; its partial file is never referenced, and
the next run deletes it.
"""

import datetime
import hashlib
import io
import json
import logging
import os
import tempfile
import uuid
from dataclasses import dataclass

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from jobs.models import JobOffer
from jobs.structured_data import employment_types
from metnum_site.rich_text import plain_text
from metnum_site.spreadsheets import TextCsvWriter

from .models import OpenDataFile
from .representation import DESCRIPTION_KEYS, apply_url, employer_page_url, offer_url

logger = logging.getLogger(__name__)

OPEN_DATA_DIR = "donnees-ouvertes"
CSV_NAME, JSONL_NAME = "offres.csv", "offres.jsonl"
CONTENT_TYPES = {CSV_NAME: "text/csv; charset=utf-8", JSONL_NAME: "application/jsonl; charset=utf-8"}
CHUNK_SIZE = 1000
# Files of a run that did not publish them are deleted by the next runs once this old.
ORPHAN_AGE = datetime.timedelta(hours=6)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema: string, integer, number, date, datetime
    description: str
    value: object  # offer → value (None when empty)
    format: str = "default"
    example: str = ""


def section_text(field):
    """offer → the plain text of one description section, or None."""
    return lambda offer: plain_text(getattr(offer, field)) or None


def joined(values):
    return ";".join(values) or None


def _date(value):
    return value.isoformat() if value else None


def _datetime(value):
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else None


COLUMNS = [
    Column("identifiant", "integer", "Identifiant de l'offre sur le site, stable.", lambda o: o.pk, example="1234"),
    Column("intitule", "string", "Intitulé du poste.", lambda o: o.title, example="Développeuse ou développeur Python"),
    Column("url", "string", "Adresse de l'offre sur le site, où l'on candidate.", offer_url, format="uri"),
    Column("reference", "string", "Référence interne de l'employeur.", lambda o: o.reference or None),
    Column(
        "date_publication",
        "datetime",
        "Date et heure de première publication (ISO 8601, heure de Paris).",
        lambda o: _datetime(o.first_published_at),
        example="2026-03-02T09:30:00+01:00",
    ),
    Column(
        "date_limite",
        "date",
        "Dernier jour pour candidater, inclus (ISO 8601).",
        lambda o: _date(o.deadline),
        example="2026-04-30",
    ),
    Column("date_prise_de_poste", "date", "Date de prise de poste souhaitée.", lambda o: _date(o.start_date)),
    Column(
        "employeur_identifiant",
        "string",
        "Identifiant de l'employeur (paramètre institution de l'API).",
        lambda o: o.institution.slug,
        example="dinum",
    ),
    Column("employeur_nom", "string", "Nom de l'employeur.", lambda o: o.institution.name),
    Column("employeur_sigle", "string", "Sigle de l'employeur.", lambda o: o.institution.acronym or None),
    Column(
        "employeur_page", "string", "Page employeur sur le site.", lambda o: employer_page_url(o.institution), "uri"
    ),
    Column("service", "string", "Service ou équipe qui recrute.", lambda o: o.team or None),
    Column(
        "metier_identifiant",
        "string",
        "Identifiant du métier (paramètre metier de l'API).",
        lambda o: o.profession.slug if o.profession else None,
    ),
    Column("metier_nom", "string", "Métier.", lambda o: o.profession.name if o.profession else None),
    Column(
        "types_contrat",
        "string",
        "Codes des types de contrat possibles, séparés par des points-virgules : titulaire_ou_contractuel, "
        "contractuel, apprentissage, stage, freelance, volontariat.",
        lambda o: joined(contract.code for contract in o.contract_types.all()),
        example="titulaire_ou_contractuel;contractuel",
    ),
    Column(
        "types_emploi",
        "string",
        "Types d'emploi schema.org (employmentType des données structurées), séparés par des points-virgules.",
        lambda o: joined(employment_types(contract.code for contract in o.contract_types.all())),
        example="FULL_TIME",
    ),
    Column("categorie", "string", "Catégorie de la fonction publique : aplus, a, b, c.", lambda o: o.category or None),
    Column(
        "experience",
        "string",
        "Expérience attendue : debutant, confirme, senior, expert.",
        lambda o: o.experience_level,
    ),
    Column("teletravail", "string", "Télétravail : aucun, partiel, total.", lambda o: o.remote),
    Column("commune", "string", "Commune du lieu de travail.", lambda o: o.city),
    Column("code_postal", "string", "Code postal du lieu de travail.", lambda o: o.postal_code, example="75007"),
    Column(
        "code_departement", "string", "Code INSEE du département.", lambda o: o.departement_code or None, example="75"
    ),
    Column("departement", "string", "Département.", lambda o: o.departement.name if o.departement else None),
    Column("code_region", "string", "Code INSEE de la région.", lambda o: o.region_code or None, example="11"),
    Column("region", "string", "Région.", lambda o: o.region.name if o.region else None),
    Column("latitude", "number", "Latitude de la commune (WGS 84), si elle est connue.", lambda o: o.latitude),
    Column("longitude", "number", "Longitude de la commune (WGS 84), si elle est connue.", lambda o: o.longitude),
    Column("salaire_minimum", "integer", "Salaire minimum, en euros bruts par an.", lambda o: o.salary_min),
    Column("salaire_maximum", "integer", "Salaire maximum, en euros bruts par an.", lambda o: o.salary_max),
    Column(
        "competences",
        "string",
        "Compétences demandées, séparées par des points-virgules.",
        lambda o: joined(sorted((skill.name for skill in o.skills.all()), key=str.casefold)),
    ),
    *[
        Column(
            key,
            "string",
            f"Description : « {heading} », en texte brut.",
            section_text(name),
        )
        for (name, key), heading in zip(
            DESCRIPTION_KEYS.items(),
            ["Missions", "Équipe et contexte", "Profil recherché", "Avantages", "Processus de recrutement"],
            strict=True,
        )
    ],
    Column(
        "url_candidature",
        "string",
        "Formulaire de candidature : celui de ce site quand l'institution y reçoit ses candidatures, sinon "
        "celui de l'employeur, s'il y en a un (sinon, voir la page de l'offre).",
        apply_url,
        "uri",
    ),
]
FIELD_NAMES = [column.name for column in COLUMNS]


def rows():
    """One dict per open offer (JobOffer.objects.open()), by identifier, read in chunks."""
    offers = (
        JobOffer.objects.open()
        .select_related("institution", "institution__employer_page", "profession")
        .prefetch_related("contract_types", "skills")
        .order_by("pk")
    )
    for offer in offers.iterator(chunk_size=CHUNK_SIZE):
        yield {column.name: column.value(offer) for column in COLUMNS}


class _HashingWriter:
    """A binary temporary file that counts and hashes what is written to it."""

    def __init__(self, suffix):
        self.file = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)  # noqa: SIM115 (closed in export)
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data):
        data = data.encode() if isinstance(data, str) else data
        self.digest.update(data)
        self.size += len(data)
        self.file.write(data)


def export(now=None):
    """Write the CSV and JSON Lines files of the open offers, then publish both; returns the number
    of rows. Nothing published changes if anything fails before the switch."""
    now = now or timezone.now()
    stamp = f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    csv_file, jsonl_file = _HashingWriter(".csv"), _HashingWriter(".jsonl")
    saved = []
    try:
        text = io.StringIO()
        writer = TextCsvWriter(text, fieldnames=FIELD_NAMES, lineterminator="\r\n")
        writer.writeheader()
        count = 0
        for row in rows():
            writer.writerow({name: "" if value is None else value for name, value in row.items()})
            jsonl_file.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
            if text.tell() > 1 << 20:
                csv_file.write(text.getvalue())
                text.seek(0)
                text.truncate()
        csv_file.write(text.getvalue())
        versions = {}
        for name, written in ((CSV_NAME, csv_file), (JSONL_NAME, jsonl_file)):
            written.file.close()
            stem, extension = os.path.splitext(name)
            with open(written.file.name, "rb") as handle:
                path = default_storage.save(f"{OPEN_DATA_DIR}/{stem}-{stamp}{extension}", File(handle))
            saved.append(path)
            versions[name] = (path, written)
        with transaction.atomic():
            previous = {row.name: row.path for row in OpenDataFile.objects.select_for_update()}
            for name, (path, written) in versions.items():
                OpenDataFile.objects.update_or_create(
                    name=name,
                    defaults={
                        "path": path,
                        "generated_at": now,
                        "rows": count,
                        "size": written.size,
                        "sha256": written.digest.hexdigest(),
                    },
                )
        saved = []  # published: no longer ours to delete
    finally:
        for written in (csv_file, jsonl_file):
            written.file.close()
            os.unlink(written.file.name)
        for path in saved:  # written but never published
            _delete(path)
    for path in previous.values():
        if path not in {path for path, _ in versions.values()}:
            _delete(path)
    _delete_orphans(now, keep={path for path, _ in versions.values()})
    return count


def _delete(path):
    try:
        default_storage.delete(path)
    except Exception:
        logger.exception("Données ouvertes : l'ancien fichier %s n'a pas pu être supprimé.", path)


def _delete_orphans(now, keep):
    """Files of runs that never published them (a crash after writing), once older than ORPHAN_AGE:
    a run still writing its own is younger."""
    try:
        _, names = default_storage.listdir(OPEN_DATA_DIR)
    except (FileNotFoundError, OSError):
        return
    published = set(OpenDataFile.objects.values_list("path", flat=True)) | keep
    for name in names:
        path = f"{OPEN_DATA_DIR}/{name}"
        if path in published:
            continue
        try:
            stamp = datetime.datetime.strptime(name.split("-", 1)[1][:15], "%Y%m%dT%H%M%S")
        except (IndexError, ValueError):
            continue
        if timezone.make_aware(stamp) < now - ORPHAN_AGE:
            _delete(path)


def current(name):
    return OpenDataFile.objects.filter(name=name).first()


def table_schema():
    """The Table Schema (frictionlessdata.io) of the two files' columns, as schema.data.gouv.fr wants."""
    return {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": "offres-emploi-numerique-etat",
        "title": "Offres d'emploi ouvertes du numérique de l'État",
        "description": "Une ligne par offre ouverte aux candidatures sur Métiers du numérique, le jour de "
        "l'export. Même contenu en CSV (UTF-8, virgule, guillemets doubles) et en JSON Lines.",
        "version": "1.0.0",
        "licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte / Open Licence version 2.0"}],
        "missingValues": [""],
        "primaryKey": "identifiant",
        "fields": [
            {
                "name": column.name,
                "type": column.type,
                "format": column.format,
                "description": column.description,
                **({"example": column.example} if column.example else {}),
                **({"constraints": {"required": True}} if column.name in REQUIRED else {}),
            }
            for column in COLUMNS
        ],
    }


REQUIRED = {"identifiant", "intitule", "url", "date_limite", "employeur_identifiant", "employeur_nom", "commune"}
