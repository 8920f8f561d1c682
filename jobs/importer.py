"""Import job offers from other systems: CSV or JSON Lines files, or rows built in memory.

`read_offer_file()` turns a file into rows (or refuses the whole file with an `ImportFileError`
before anything is written); `OfferImporter(source).run(rows)` validates each row with the rules of
the admin form and upserts it by (source, external_id). A changed offer is written in a transaction of
its own, as a Wagtail revision published through Wagtail's publish action and logged like an editor's;
new offers are written by batches of 200 in one transaction each, leaving the same revision and log
entries (and, when a batch fails, go one by one through the editor's path).

Column → model mapping (see docs/import.md):
    external_id → external_id (with --source: the upsert key)   title → title
    institution → institution (name, acronym or slug)            profession → profession (name or slug)
    contract_types → contract_types (codes separated by "|")     category, versant, experience_level, remote → same
    city, postal_code → same (département and région derived)   salary_min, salary_max → same (euros/year)
    description → missions; profile, benefits, process → same    (rich text, sanitised)
    context → team_context (rich text; left as the editor wrote it when the file has no such column)
    apply_url, apply_email → same                                published_at → first_published_at
    deadline → deadline                                          skills → skills (tags separated by "|")
"""

import codecs
import csv
import datetime
import gc
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Revision
from wagtail.signals import published

from metnum_site.characters import printable
from metnum_site.upstream import PublishSavedRevision

from .bulk import insert_rows
from .choices import Category, ContractTypeCode, ExperienceLevel, RemoteWork, Versant, contract_mask
from .indexing import defer, deferred_offer_indexing, for_indexing, offers_written
from .models import (
    ContractType,
    Institution,
    JobOffer,
    JobOfferSkill,
    Profession,
    Skill,
    add_months,
    internal_acronyms,
)
from .sanitizer import sanitize_rich_text

COLUMNS = (
    "external_id",
    "title",
    "institution",
    "profession",
    "contract_types",
    "category",
    "versant",
    "experience_level",
    "remote",
    "city",
    "postal_code",
    "salary_min",
    "salary_max",
    "description",
    "context",
    "profile",
    "benefits",
    "process",
    "apply_url",
    "apply_email",
    "published_at",
    "deadline",
    "skills",
)
REQUIRED_COLUMNS = ("external_id", "title", "institution", "contract_types", "city", "postal_code", "description")
APPLY_COLUMNS = ("apply_url", "apply_email")
RICH_TEXT_COLUMNS = {
    "description": "missions",
    "context": "team_context",
    "profile": "profile",
    "benefits": "benefits",
    "process": "process",
}
# Columns that fill a field editors also write: without the column in the file, the field is kept.
EDITOR_KEPT_COLUMNS = ("context",)
PLAIN_COLUMNS = ("title", "city", "postal_code", "apply_url", "apply_email")
MULTI_VALUE_SEPARATOR = "|"
# A model field's errors are reported under the column that fills it.
COLUMN_OF_FIELD = {"missions": "description", "team_context": "context", "first_published_at": "published_at"}
SOURCE_NAME = re.compile(r"^[\w.-]{1,40}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Derived or generated fields, and foreign keys: their values come from the importer's own caches,
# so validating them would only cost one query each.
# New offers to publish are written together, this many at a time (see OfferImporter._create_batch).
CREATION_BATCH_SIZE = 200
# … or fewer when the rows are long: a batch's offers are held several times over while it is written,
# and what a batch leaves scattered in memory sets the import's peak (bench/import_memory.py: 500 kB
# batches peaked some 15 MB higher than these, for the same time).
CREATION_BATCH_BYTES = 100_000
NOT_VALIDATED_FIELDS = ["slug", "departement_code", "region_code", "latitude", "longitude"] + [
    field.name for field in JobOffer._meta.concrete_fields if field.is_relation
]
# Bump when the meaning of a stored fingerprint changes, so that every offer is refreshed once.
FINGERPRINT_VERSION = 1


class ImportFileError(Exception):
    """The file (or the import as a whole) cannot be read: nothing was written. Message in French."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    values: dict
    problem: str = ""  # set when the line could not even be split into columns


@dataclass(frozen=True)
class RowError:
    line: int
    external_id: str
    field: str
    message: str

    def __str__(self):
        where = f"ligne {self.line}" + (f" (external_id « {self.external_id} »)" if self.external_id else "")
        return f"{where}, {self.field} : {self.message}" if self.field else f"{where} : {self.message}"


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    errors: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def rejected(self):
        return len({error.line for error in self.errors})

    def summary(self):
        counts = (
            f"créées : {self.created}, mises à jour : {self.updated}, inchangées : {self.unchanged}, "
            f"rejetées : {self.rejected}, fermées : {self.closed}"
        )
        if self.dry_run:
            return f"Simulation (--dry-run), rien n'a été enregistré. Offres {counts}."
        return f"Offres {counts}."


# Reading files.
#
# A file is read twice, one row at a time, never whole: once to refuse it before anything is written
# (bytes, encoding, columns, CSV structure), then to import its rows. Memory stays that of one row
# whatever the size of the file; what needs the whole file (identifiers seen twice, offers missing
# from it) keeps only the identifiers (OfferImporter.run).

# A larger file is refused outright: it cannot be an offer feed (100 000 offers of 5 KB each is 500 MB).
MAX_FILE_BYTES = 500 * 1024 * 1024
# Beyond this, a CSV field or a JSON line is not read at all (the file or the line is refused): an
# unclosed quote makes the rest of the file one field. Below it, the column limits give a row's error.
MAX_FIELD_CHARACTERS = 10_000_000
# Rich text gets a cap of its own (a long offer is 10 000 characters); the other columns the length
# of the field they fill, or 1 000 characters (references to institutions, lists of codes or skills).
RICH_TEXT_MAX_CHARACTERS = 50_000
OTHER_MAX_CHARACTERS = 1_000
READ_CHUNK = 1024 * 1024


def column_limit(column):
    """The most characters a column accepts (after the spaces around it are removed)."""
    if column in RICH_TEXT_COLUMNS:
        return RICH_TEXT_MAX_CHARACTERS
    if column in (*PLAIN_COLUMNS, "external_id"):
        return JobOffer._meta.get_field(column).max_length
    return OTHER_MAX_CHARACTERS


def read_offer_file(path):
    """The rows of a CSV or JSON Lines file, as an OfferFile (read again at each iteration), or
    ImportFileError when the file cannot be used at all."""
    path = Path(path)
    try:
        kind = _check_bytes(path)
        offer_file = OfferFile(path, kind)
        offers = sum(1 for _ in offer_file)
    except OSError as error:
        raise ImportFileError(f"Impossible de lire le fichier « {path} » : {error.strerror or error}.") from error
    if not offers:
        raise ImportFileError("Le fichier ne contient aucune offre, seulement l'en-tête.")
    return offer_file


def _check_bytes(path):
    """Refuse a file too large, empty, binary or not in UTF-8, a JSON array; return "csv" or "jsonl"."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"Le fichier fait {size / 1024 / 1024:.0f} Mo, plus que les {MAX_FILE_BYTES // 1024 // 1024} Mo "
            "acceptés. Découpez-le en plusieurs fichiers (sans --close-missing, qui fermerait les offres "
            "des autres fichiers)."
        )
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines, first_character = 1, ""
    with path.open("rb") as file:
        while chunk := file.read(READ_CHUNK):
            if b"\x00" in chunk:
                raise ImportFileError("Le fichier est un fichier binaire, pas un fichier CSV ou JSON Lines.")
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as error:
                _not_utf8(lines + chunk[: error.start].count(b"\n"), error)
            if not first_character:
                first_character = text.lstrip("\ufeff \t\r\n")[:1]
            lines += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            _not_utf8(lines, error)
    if not first_character:
        raise ImportFileError("Le fichier est vide.")
    if first_character == "[":
        raise ImportFileError(
            "Le fichier est un tableau JSON, pas du JSON Lines : écrivez une offre (un objet JSON) par ligne."
        )
    return "jsonl" if first_character == "{" else "csv"


def _count(number):
    """12 345 678, as French writes it."""
    return f"{number:,}".replace(",", "\u202f")


def _not_utf8(line, error):
    raise ImportFileError(
        f"Le fichier n'est pas encodé en UTF-8 (octet invalide ligne {line}). "
        "Enregistrez-le en UTF-8, par exemple avec « Enregistrer sous… › CSV UTF-8 » dans un tableur."
    ) from error


class OfferFile:
    """The rows (SourceRow) of a file already checked by read_offer_file, read anew at each iteration."""

    def __init__(self, path, kind):
        self.path, self.kind = Path(path), kind

    def __iter__(self):
        with self.path.open(encoding="utf-8-sig", newline="" if self.kind == "csv" else "\n") as file:
            yield from _csv_rows(file) if self.kind == "csv" else _json_lines_rows(file)


def check_columns(columns):
    """Refuse a header that misses required columns, repeats one, or has unknown ones."""
    problems = []
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        problems.append(f"colonnes obligatoires absentes : {', '.join(missing)}")
    if not any(column in columns for column in APPLY_COLUMNS):
        problems.append("il faut au moins une des colonnes apply_url ou apply_email")
    duplicates = sorted({column for column in columns if columns.count(column) > 1})
    if duplicates:
        problems.append(f"colonnes en double : {', '.join(duplicates)}")
    unknown = [column for column in columns if column not in COLUMNS]
    if unknown:
        shown = ", ".join(f"« {column} »" for column in unknown[:5])
        more = f" et {len(unknown) - 5} autres" if len(unknown) > 5 else ""
        problems.append(f"colonnes inconnues : {shown}{more}")
    if problems:
        raise ImportFileError(
            "Les colonnes du fichier ne conviennent pas ("
            + " ; ".join(problems)
            + f"). Colonnes attendues : {', '.join(COLUMNS)} (obligatoires : {', '.join(REQUIRED_COLUMNS)})."
        )


def _csv_rows(file):
    header_line = file.readline(MAX_FIELD_CHARACTERS)
    file.seek(0)
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    csv.field_size_limit(MAX_FIELD_CHARACTERS)
    reader = csv.reader(file, delimiter=delimiter, strict=True)
    line = 1
    try:
        header = next(reader)
        columns = [name.strip().lower() for name in header]
        kept = [index for index, name in enumerate(columns) if name]  # trailing separators leave blank names
        check_columns([columns[index] for index in kept])
        previous_end = reader.line_num
        for record in reader:
            line, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(columns):
                problem = (
                    f"{len(record)} valeurs pour {len(columns)} colonnes : vérifiez les séparateurs « {delimiter} » "
                    "et les guillemets."
                )
                yield SourceRow(line, {}, problem=problem)
                continue
            yield SourceRow(line, {columns[index]: record[index] for index in kept})
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(
                f"L'enregistrement qui commence ligne {previous_end + 1} a un champ de plus de "
                f"{_count(MAX_FIELD_CHARACTERS)} caractères : un guillemet n'est sans doute pas fermé."
            ) from error
        raise ImportFileError(
            f"Le fichier CSV est mal formé vers la ligne {reader.line_num} ({error}) : "
            "un guillemet n'est sans doute pas fermé."
        ) from error


def _json_lines_rows(file):
    first = True
    for number, line in enumerate(iter(lambda: file.readline(MAX_FIELD_CHARACTERS), ""), start=1):
        if len(line) == MAX_FIELD_CHARACTERS and not line.endswith("\n"):
            while (rest := file.readline(READ_CHUNK)) and not rest.endswith("\n"):
                pass
            problem = f"ligne de plus de {_count(MAX_FIELD_CHARACTERS)} caractères, ignorée"
            value = None
        elif not line.strip():
            continue
        else:
            try:
                value = json.loads(line)
            except ValueError as error:
                value, problem = None, f"JSON illisible ({error.msg}, colonne {error.colno})"
            else:
                problem = "" if isinstance(value, dict) else "ce n'est pas un objet JSON"
        if problem and first:
            raise ImportFileError(
                f"Ce n'est ni un fichier CSV ni un fichier JSON Lines : ligne {number}, {problem}. "
                "Écrivez une offre par ligne, chacune un objet JSON complet."
            )
        if problem:
            yield SourceRow(number, {}, problem=problem)
            continue
        values = {str(key).strip().lower(): item for key, item in value.items()}
        if first:
            check_columns(list(values))
            first = False
        yield SourceRow(number, values)


# Normalising values.


def match_key(value):
    """Names compared ignoring case, accents and punctuation: « Ministère des Armées » = "ministere-des-armees"."""
    return slugify(str(value))


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        raise ValueError("Valeur vrai/faux inattendue : écrivez du texte.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        return MULTI_VALUE_SEPARATOR.join(_text(item) for item in value)
    if isinstance(value, dict):
        raise ValueError("Objet JSON inattendu : écrivez du texte.")
    return printable(str(value)).strip()


def _split(value):
    seen, items = set(), []
    for item in value.split(MULTI_VALUE_SEPARATOR):
        item = " ".join(item.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return items


def _parse_int(value):
    digits = re.sub(r"[\s\u00a0\u202f]", "", value)
    if re.fullmatch(r"\d+([.,]0+)?", digits):
        return int(re.split(r"[.,]", digits)[0])
    raise ValueError(f"Nombre entier d'euros attendu, par exemple 42000 (reçu « {value} »).")


def _parse_date(value):
    if ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"Date invalide « {value} » : format attendu AAAA-MM-JJ, par exemple 2026-03-31.")


def _choice(value, choices, label):
    code = value.lower()
    if code in choices.values:
        return code
    raise ValueError(f"{label} inconnu « {value} ». Codes possibles : {', '.join(choices.values)}.")


@dataclass
class Creation:
    """A valid new row waiting for its batch (OfferImporter._create_batch)."""

    line: int
    external_id: str
    offer: JobOffer
    parsed: "ParsedRow"
    fingerprint: str

    def reset(self):
        """Back to an unsaved offer after a failed batch, for the row-by-row retry."""
        offer = self.offer
        offer.pk, offer._state.adding = None, True
        offer.latest_revision = offer.live_revision = None
        offer.first_published_at = offer.last_published_at = None
        offer.slug = ""


@dataclass
class ParsedRow:
    """A row's values, normalised: what the fingerprint covers and what is written to the offer."""

    fields: dict  # model field → value
    contract_codes: list
    skills: list
    published_at: datetime.date | None
    deadline: datetime.date | None

    def fingerprint(self):
        data = {
            "version": FINGERPRINT_VERSION,
            **self.fields,
            "contract_types": sorted(self.contract_codes),
            "skills": sorted(skill.casefold() for skill in self.skills),
            "published_at": self.published_at,
            "deadline": self.deadline,
        }
        serialized = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(serialized.encode()).hexdigest()


def checked_source(source):
    """The source name without surrounding spaces, or ImportFileError."""
    source = (source or "").strip()
    if not SOURCE_NAME.match(source):
        raise ImportFileError(
            f"Nom de source invalide « {source} » : de 1 à 40 lettres, chiffres, points, tirets ou soulignés."
        )
    return source


class OfferImporter:
    """Upserts rows into offers of one source. Build one per import: it caches the reference data."""

    def __init__(self, source, *, draft=False, dry_run=False, today=None):
        source = checked_source(source)
        self.source, self.draft, self.dry_run = source, draft, dry_run
        self.today = today or timezone.localdate()
        self.institutions = self._index(Institution.objects.values_list("pk", "name", "acronym", "slug"))
        self.professions = self._index(Profession.objects.values_list("pk", "name", "slug"))
        self.contract_types = {contract.code: contract for contract in ContractType.objects.all()}
        self.first_free_slugs = {}
        self.tags = {}
        for tag in Skill.objects.order_by("pk"):
            self.tags.setdefault(tag.name.casefold(), tag)
        self.existing = {
            external_id: (pk, fingerprint, live)
            for external_id, pk, fingerprint, live in JobOffer.objects.filter(source=source)
            .exclude(external_id="")
            .values_list("external_id", "pk", "import_fingerprint", "live")
        }

    @staticmethod
    def _index(rows):
        index = {}
        for pk, *names in rows:
            for name in names:
                if name:
                    index.setdefault(match_key(name), set()).add(pk)
        return index

    def run(self, rows, *, close_missing=False):
        """Import `rows` (SourceRow, or plain dicts numbered from 1) and return an ImportResult."""
        result = ImportResult(dry_run=self.dry_run)
        seen = {}
        self.creations, self.creation_bytes = [], 0
        with translation.override("fr"), deferred_offer_indexing() as indexing:
            try:
                for number, row in enumerate(rows, start=1):
                    if not isinstance(row, SourceRow):
                        row = SourceRow(number, row)
                    self._import_row(row, seen, result)
                    if len(self.creations) >= CREATION_BATCH_SIZE or self.creation_bytes >= CREATION_BATCH_BYTES:
                        self._create_batch(result)
                        indexing.flush()  # hands over the batch's offers, read back with their texts
                        # A written batch leaves its offers in reference cycles (Wagtail's revisions,
                        # modelcluster's relations) that only a full collection frees; left to the
                        # collector's own pace they piled up to 15 MB over 5,000 offers
                        # (docs/benchmarks.md, import memory).
                        gc.collect()
                    indexing.flush_every(500)
            finally:
                self._create_batch(result)  # rows read before an error are written too
            if close_missing:
                self._close_missing(seen, result)
        return result

    # One row.

    def _import_row(self, row, seen, result):
        def reject(field_name, message, external_id=""):
            result.errors.append(RowError(row.line, external_id, field_name, message))

        if row.problem:
            reject("", row.problem)
            return
        try:
            external_id = _text(row.values.get("external_id"))
        except ValueError as error:
            reject("external_id", str(error))
            return
        if not external_id:
            reject("external_id", "Ce champ est obligatoire : l'identifiant de l'offre dans la source.")
            return
        if len(external_id) > (limit := column_limit("external_id")):
            reject("external_id", f"{_count(len(external_id))} caractères, plus que les {limit} acceptés.")
            return
        if external_id in seen:
            reject("external_id", f"Identifiant déjà présent ligne {seen[external_id]} du fichier.", external_id)
            return
        seen[external_id] = row.line

        parsed, errors = self._parse(row.values)
        pk, stored_fingerprint, live = self.existing.get(external_id, (None, "", False))
        fingerprint = None if errors else parsed.fingerprint()
        if pk and fingerprint == stored_fingerprint and (live or self.draft):
            result.unchanged += 1
            return
        offer = JobOffer.objects.get(pk=pk) if pk else JobOffer(source=self.source, external_id=external_id)
        for column, message in self._apply_and_validate(offer, parsed).items():
            errors.setdefault(column, message)
        if errors:
            for column in sorted(errors, key=lambda name: COLUMNS.index(name) if name in COLUMNS else len(COLUMNS)):
                reject(column, errors[column], external_id)
            return
        if self.dry_run:
            result.updated += bool(pk)
            result.created += not pk
            return
        if not pk and not self.draft:
            self.creations.append(Creation(row.line, external_id, offer, parsed, fingerprint))
            self.creation_bytes += sum(len(value) for value in parsed.fields.values() if isinstance(value, str))
            return
        try:
            self._save(offer, parsed, fingerprint)
        except (DatabaseError, ValidationError) as error:
            reject("", f"Enregistrement impossible ({error}) ; rien n'a été écrit pour cette ligne.", external_id)
            return
        self.existing[external_id] = (offer.pk, fingerprint, not self.draft or live)
        result.updated += bool(pk)
        result.created += not pk

    def _parse(self, values):
        """ParsedRow and {column: French message} for what cannot be read."""
        errors, fields = {}, {}
        unknown = [key for key in values if key not in COLUMNS]
        for key in unknown:
            errors[key] = f"Colonne inconnue. Colonnes acceptées : {', '.join(COLUMNS)}."
        text = {}
        for column in COLUMNS:
            try:
                text[column] = _text(values.get(column))
            except ValueError as error:
                errors[column] = str(error)
                text[column] = ""
            if len(text[column]) > (limit := column_limit(column)):
                errors[column] = (
                    f"{_count(len(text[column]))} caractères, plus que les {_count(limit)} acceptés dans cette colonne."
                )
                text[column] = ""

        def parse(column, parser):
            if column in errors or not text[column]:
                return None
            try:
                return parser(text[column])
            except ValueError as error:
                errors[column] = str(error)
                return None

        for column in PLAIN_COLUMNS:
            fields[column] = text[column]
        for column, model_field in RICH_TEXT_COLUMNS.items():
            if column in values or column not in EDITOR_KEPT_COLUMNS:
                fields[model_field] = sanitize_rich_text(text[column])
        fields["institution_id"] = parse("institution", lambda value: self._lookup(self.institutions, value, "Aucune"))
        if not text["institution"] and "institution" not in errors:
            errors["institution"] = "Ce champ est obligatoire : nom, sigle ou identifiant d'une institution existante."
        fields["profession_id"] = parse("profession", lambda value: self._lookup(self.professions, value, "Aucun"))
        fields["category"] = parse("category", lambda value: _choice(value, Category, "Code de catégorie")) or ""
        # A column added later: without it in the file, the field is kept, and the fingerprint of a row
        # from an older file does not change (its offer is not rewritten for nothing).
        if "versant" in values:
            fields["versant"] = parse("versant", lambda value: _choice(value, Versant, "Code de versant")) or ""
        fields["experience_level"] = parse(
            "experience_level", lambda value: _choice(value, ExperienceLevel, "Niveau d'expérience")
        )
        fields["remote"] = parse("remote", lambda value: _choice(value, RemoteWork, "Code de télétravail"))
        fields["salary_min"] = parse("salary_min", _parse_int)
        fields["salary_max"] = parse("salary_max", _parse_int)
        contract_codes = [code.lower() for code in _split(text["contract_types"])]
        unknown_codes = [code for code in contract_codes if code not in self.contract_types]
        if unknown_codes:
            errors["contract_types"] = (
                f"Type de contrat inconnu : {', '.join(unknown_codes)}. "
                f"Codes possibles : {', '.join(ContractTypeCode.values)} (séparés par « | »)."
            )
        elif not contract_codes and "contract_types" not in errors:
            errors["contract_types"] = "Indiquez au moins un type de contrat (codes séparés par « | »)."
        skills = _split(text["skills"])
        if any(len(skill) > 100 for skill in skills):
            errors["skills"] = "Une compétence dépasse 100 caractères : séparez-les par « | »."
        published_at = parse("published_at", _parse_date)
        if published_at and published_at > self.today:
            errors["published_at"] = (
                f"La date de publication ({published_at:%d/%m/%Y}) ne peut pas être dans le futur : "
                "importez l'offre le jour de sa publication."
            )
        deadline = parse("deadline", _parse_date)
        parsed = ParsedRow(fields, contract_codes, skills, published_at, deadline)
        return parsed, errors

    def _lookup(self, index, value, none):
        """The pk of the only institution or profession called `value`; `none` is "Aucune" or "Aucun"."""
        label = "institution" if index is self.institutions else "métier"
        matches = index.get(match_key(value), set())
        if len(matches) == 1:
            return next(iter(matches))
        if matches:
            raise ValueError(f"« {value} » désigne plusieurs {label}s : indiquez son identifiant (slug).")
        raise ValueError(f"{none} {label} ne correspond à « {value} » (nom, sigle ou identifiant, accents ignorés).")

    def _apply_and_validate(self, offer, parsed):
        """Set the row's values on `offer` and judge it like the admin form does."""
        for name, value in parsed.fields.items():
            if value is None and name in {"experience_level", "remote"}:
                value = offer._meta.get_field(name).get_default() if offer.pk is None else getattr(offer, name)
            setattr(offer, name, value)
        publication_date = parsed.published_at or (
            timezone.localdate(offer.first_published_at) if offer.first_published_at else self.today
        )
        if parsed.deadline:
            offer.deadline = parsed.deadline
        elif offer.pk is None:
            offer.deadline = add_months(publication_date, 2)
        offer.stated_publication_date = publication_date
        errors = {}
        try:
            offer.full_clean(
                exclude=NOT_VALIDATED_FIELDS,
                validate_unique=False,  # the upsert key and the generated slug are unique by construction
                validate_constraints=False,
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors[COLUMN_OF_FIELD.get(name, name)] = " ".join(messages)
        return errors

    # Writing.

    def _save(self, offer, parsed, fingerprint):
        """Write one offer like an editor would: save, new revision, publication (unless --draft), with
        Wagtail's log entries. All or nothing."""
        created_tags = []
        publish = not self.draft
        try:
            with transaction.atomic():
                offer.import_fingerprint = fingerprint
                if publish and parsed.published_at:
                    offer.first_published_at = timezone.make_aware(
                        datetime.datetime.combine(parsed.published_at, datetime.time())
                    )
                elif publish and offer.first_published_at is None:
                    offer.first_published_at = timezone.now()
                contract_types = [self.contract_types[code] for code in parsed.contract_codes]
                tags = [self._tag(name, created_tags) for name in parsed.skills]
                is_new = offer.pk is None
                if is_new:
                    offer.live = False
                    offer.contract_mask = contract_mask(parsed.contract_codes)
                    offer.save()
                    # One insert per relation (the cluster machinery would insert the tags one by one).
                    JobOffer.contract_types.through.objects.bulk_create(
                        [JobOffer.contract_types.through(joboffer=offer, contracttype=item) for item in contract_types]
                    )
                    JobOfferSkill.objects.bulk_create([JobOfferSkill(content_object=offer, tag=tag) for tag in tags])
                else:
                    offer.contract_types.set(contract_types)
                    offer.skills.set(tags)
                    if not offer.live:
                        offer.save()  # like the admin: a live offer only changes when a revision is published
                revision = offer.save_revision(clean=False)
                log(offer, "wagtail.create" if is_new else "wagtail.edit", revision=revision, content_changed=True)
                if publish:
                    PublishSavedRevision(revision, offer, is_new=is_new).execute(skip_permission_checks=True)
                elif offer.live:
                    # A draft of a live offer is only a revision: remember that this row was seen.
                    JobOffer.objects.filter(pk=offer.pk).update(import_fingerprint=fingerprint)
        except Exception:
            for tag in created_tags:
                self.tags.pop(tag.name.casefold(), None)
            raise

    def _create_batch(self, result):
        """Create and publish the pending new offers together: a few bulk statements for the whole
        batch instead of some thirty per offer, with what Wagtail's publication leaves behind (a
        revision that is both the latest and the live one, "create" and "publish" log entries, the
        published signal). All or nothing: when the batch fails, its rows go one by one through
        `_save`, which reports the row that cannot be written."""
        creations, self.creations, self.creation_bytes = self.creations, [], 0
        if not creations:
            return
        created_tags = []
        try:
            with transaction.atomic():
                stored = self._write_batch(creations, created_tags)
        except (DatabaseError, ValidationError):
            for tag in created_tags:
                self.tags.pop(tag.name.casefold(), None)
            for creation in creations:
                creation.reset()
                self._save_one(creation, result)
            return
        for creation in creations:
            offer = creation.offer
            defer(offer.pk, stored[offer.pk])
            published.send(sender=JobOffer, instance=offer, revision=offer.live_revision)
            self.existing[creation.external_id] = (offer.pk, creation.fingerprint, True)
        result.created += len(creations)

    def _save_one(self, creation, result):
        try:
            self._save(creation.offer, creation.parsed, creation.fingerprint)
        except (DatabaseError, ValidationError) as error:
            message = f"Enregistrement impossible ({error}) ; rien n'a été écrit pour cette ligne."
            result.errors.append(RowError(creation.line, creation.external_id, "", message))
            return
        self.existing[creation.external_id] = (creation.offer.pk, creation.fingerprint, True)
        result.created += 1

    def _write_batch(self, creations, created_tags):
        """Write the batch; return its offers as stored ({pk: offer}, read through for_indexing())."""
        now = timezone.now()
        acronyms = internal_acronyms()
        for creation in creations:
            offer, parsed = creation.offer, creation.parsed
            offer.import_fingerprint = creation.fingerprint
            offer.live, offer.has_unpublished_changes, offer.expired = True, False, False
            offer.last_published_at = now
            offer.first_published_at = (
                timezone.make_aware(datetime.datetime.combine(parsed.published_at, datetime.time()))
                if parsed.published_at
                else now
            )
            offer.contract_mask = contract_mask(parsed.contract_codes)
            offer.derive_location()
            offer.quality_score = offer.quality(skills=parsed.skills, acronyms=acronyms).score
        offers = [creation.offer for creation in creations]
        JobOffer.assign_unique_slugs(offers, self.first_free_slugs)
        JobOffer.objects.bulk_create(offers)
        offers_written.send(sender=JobOffer, pks=[offer.pk for offer in offers])
        contracts_through = JobOffer.contract_types.through
        insert_rows(
            contracts_through,
            (
                contracts_through(joboffer=creation.offer, contracttype=self.contract_types[code])
                for creation in creations
                for code in creation.parsed.contract_codes
            ),
        )
        insert_rows(
            JobOfferSkill,
            (
                JobOfferSkill(content_object=creation.offer, tag=self._tag(name, created_tags))
                for creation in creations
                for name in creation.parsed.skills
            ),
        )
        # The revisions hold the relations as saved: read them back for the batch, with what the
        # search and reference indexes will need.
        stored = {
            offer.pk: offer
            for offer in for_indexing(JobOffer.objects.filter(pk__in=[offer.pk for offer in offers])).prefetch_related(
                "contract_types"
            )
        }
        content = {pk: offer.serializable_data() for pk, offer in stored.items()}
        content_type = ContentType.objects.get_for_model(JobOffer)
        base_content_type = offers[0].get_base_content_type()
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(offer.pk),
                created_at=now,
                content=content[offer.pk],
                object_str=str(offer),
            )
            for offer in offers
        )
        for offer, revision in zip(offers, revisions, strict=True):
            offer.latest_revision = offer.live_revision = revision
        # One UPDATE … SET = (subquery): bulk_update's CASE over 200 offers costs more than it saves.
        revision_of_offer = Subquery(
            Revision.objects.filter(content_type=content_type, object_id=Cast(OuterRef("pk"), CharField()))
            .order_by("-pk")
            .values("pk")[:1]
        )
        JobOffer.objects.filter(pk__in=[offer.pk for offer in offers]).update(
            latest_revision=revision_of_offer, live_revision=revision_of_offer
        )
        insert_rows(
            ModelLogEntry,
            (
                ModelLogEntry(
                    content_type=content_type,
                    object_id=str(offer.pk),
                    label=str(offer),
                    action=action,
                    timestamp=now,
                    data={},
                    revision=revision,
                    content_changed=True,
                )
                for offer, revision in zip(offers, revisions, strict=True)
                for action in ("wagtail.create", "wagtail.publish")
            ),
        )
        return stored

    def _tag(self, name, created_tags):
        tag = self.tags.get(name.casefold())
        if tag is None:
            try:
                with transaction.atomic():
                    tag = Skill.objects.create(name=name)
                created_tags.append(tag)
            except IntegrityError:  # created since the import began (by an import of another source)
                tag = Skill.objects.get(name=name)
            self.tags[name.casefold()] = tag
        return tag

    def _close_missing(self, seen, result):
        """Unpublish this source's live offers that the file no longer lists."""
        missing = [pk for external_id, (pk, _, live) in self.existing.items() if live and external_id not in seen]
        if self.dry_run:
            result.closed += len(missing)
            return
        for offer in JobOffer.objects.filter(pk__in=missing, live=True):
            with transaction.atomic():
                offer.unpublish()
            result.closed += 1


def import_offers(rows, source, *, draft=False, dry_run=False, close_missing=False, today=None):
    """Import rows (SourceRow or dicts with the COLUMNS keys) into offers of `source`."""
    importer = OfferImporter(source, draft=draft, dry_run=dry_run, today=today)
    return importer.run(rows, close_missing=close_missing)
