"""Reading the sources' files, before anything is written: encoding (UTF-8 with or without BOM,
else Windows-1252/Latin-1), separators, header names in any order, truncated or empty files refused
with ImportFileError (the importer's own refusal: same message, same exit status), and a download
that fails half-way leaving nothing behind."""

import codecs
import csv
import json
import os
import tempfile
import urllib.error
import urllib.request
from http.client import HTTPException
from pathlib import Path

from jobs.importer import MAX_FIELD_CHARACTERS, MAX_FILE_BYTES, ImportFileError

from .text import normalised

READ_CHUNK = 1024 * 1024
DOWNLOAD_TIMEOUT = 60
SEPARATORS = (";", "|", ",", "\t")


def file_encoding(path):
    """ "utf-8-sig" for UTF-8 (with or without BOM), "cp1252" or "latin-1" otherwise; ImportFileError
    for a file too large, empty or binary."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportFileError(f"Impossible de lire le fichier « {path} » : {error.strerror or error}.") from error
    if size > MAX_FILE_BYTES:
        raise ImportFileError(f"Le fichier fait plus de {MAX_FILE_BYTES // 1024 // 1024} Mo acceptés.")
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, blank = True, True
    with path.open("rb") as file:
        while chunk := file.read(READ_CHUNK):
            if b"\x00" in chunk:
                raise ImportFileError("Le fichier est un fichier binaire, pas un fichier texte (CSV ou JSON).")
            if blank and chunk.lstrip(b"\xef\xbb\xbf \t\r\n"):
                blank = False
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    if blank:
        raise ImportFileError("Le fichier est vide.")
    if utf8:
        return "utf-8-sig"
    try:
        with path.open(encoding="cp1252") as file:
            while file.read(READ_CHUNK):
                pass
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def header_key(name):
    """Header names compared without case, accents, BOM or surrounding spaces."""
    return normalised(str(name).replace("\ufeff", ""))


class CsvTable:
    """The records of a CSV file as {header key: value}, in any column order; unknown columns are
    kept aside (`unknown`). Checked whole (`check()`) before the first record is used: a record
    with fewer or more values than the header, an unclosed quote or a file with no record refuses
    the file — a truncated weekly file must not close the offers it no longer lists."""

    def __init__(self, path, *, known, required, separator=None):
        self.path = Path(path)
        self.known = {header_key(name): name for name in known}
        self.required = required
        self.separator = separator
        self.encoding = None
        self.unknown = []

    def check(self):
        self.encoding = file_encoding(self.path)
        with self.path.open(encoding=self.encoding, newline="") as file:
            first_line = file.readline(MAX_FIELD_CHARACTERS)
        if self.separator is None:
            self.separator = max(SEPARATORS, key=first_line.count)
        count = sum(1 for _ in self._records())
        if not count:
            raise ImportFileError("Le fichier ne contient aucune offre, seulement l'en-tête.")
        return count

    def _records(self):
        csv.field_size_limit(MAX_FIELD_CHARACTERS)
        with self.path.open(encoding=self.encoding, newline="") as file:
            reader = csv.reader(file, delimiter=self.separator, strict=True)
            try:
                header = next(reader, None)
                if not header:
                    raise ImportFileError("Le fichier est vide.")
                keys = [header_key(name) for name in header]
                self._check_header(header, keys)
                previous_end = reader.line_num
                for values in reader:
                    line, previous_end = previous_end + 1, reader.line_num
                    if not any(value.strip() for value in values):
                        continue
                    if len(values) != len(keys):
                        raise ImportFileError(
                            f"L'enregistrement de la ligne {line} a {len(values)} valeurs pour {len(keys)} colonnes : "
                            f"le fichier est tronqué ou ses séparateurs « {self.separator} » sont mal placés."
                        )
                    yield line, {key: value for key, value in zip(keys, values, strict=True) if key in self.known}
            except csv.Error as error:
                raise ImportFileError(
                    f"Le fichier CSV est mal formé vers la ligne {reader.line_num} ({error}) : il est tronqué ou un "
                    "guillemet n'est pas fermé."
                ) from error

    def _check_header(self, header, keys):
        missing = [self.known[key] for key in map(header_key, self.required) if key not in keys]
        if missing:
            raise ImportFileError(
                f"Colonnes obligatoires absentes : {', '.join(missing)} (séparateur lu : « {self.separator} »). "
                "Vérifiez que le fichier est bien celui de cette source."
            )
        duplicates = sorted({name for name, key in zip(header, keys, strict=True) if keys.count(key) > 1 and key})
        if duplicates:
            raise ImportFileError(f"Colonnes en double : {', '.join(duplicates)}.")
        self.unknown = [name.strip() for name, key in zip(header, keys, strict=True) if key and key not in self.known]

    def __iter__(self):
        if self.encoding is None:
            self.check()
        return self._records()


def load_json(path):
    """The JSON value of a file (an API answer saved as is); ImportFileError when it is empty,
    truncated or not JSON."""
    encoding = file_encoding(path)
    try:
        with Path(path).open(encoding=encoding) as file:
            return json.load(file)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"Le fichier JSON est illisible ou tronqué (ligne {error.lineno}, colonne {error.colno} : {error.msg})."
        ) from error
    except RecursionError as error:
        raise ImportFileError("Le fichier JSON est trop imbriqué pour être une réponse d'API.") from error


def is_url(value):
    return str(value).startswith(("http://", "https://"))


def download(url, *, opener=urllib.request.urlopen):
    """Download `url` into a temporary file and return its path (the caller removes it). A failure
    half-way removes the partial file and raises ImportFileError: the import reads only whole files."""
    handle, name = tempfile.mkstemp(prefix="metnum-intake-", suffix=".download")
    received = 0
    try:
        with os.fdopen(handle, "wb") as file, opener(url, timeout=DOWNLOAD_TIMEOUT) as response:
            expected = response.headers.get("Content-Length")
            while chunk := response.read(READ_CHUNK):
                received += len(chunk)
                if received > MAX_FILE_BYTES:
                    raise ImportFileError(f"Le fichier dépasse les {MAX_FILE_BYTES // 1024 // 1024} Mo acceptés.")
                file.write(chunk)
        if expected is not None and expected.isdigit() and int(expected) != received:
            raise ImportFileError(
                f"Téléchargement incomplet : {received} octets reçus sur {expected} annoncés. Rien n'a été "
                "enregistré ; relancez la collecte."
            )
    except ImportFileError:
        os.unlink(name)
        raise
    except (urllib.error.URLError, HTTPException, OSError, ValueError) as error:
        os.unlink(name)
        reason = getattr(error, "reason", None) or error
        raise ImportFileError(
            f"Téléchargement de « {url} » interrompu ({reason}) après {received} octets. Rien n'a été enregistré ; "
            "relancez la collecte."
        ) from error
    return Path(name)
