"""The check of a CV before it is stored: a PDF by its content, whatever its name, small enough, well
formed enough, and carrying nothing active. No PDF library is installed (requirements.txt): this is a
strict structural check, written to refuse rather than guess.

- the size: settings.CANDIDATES_CV_MAX_BYTES at most;
- the structure: starts with "%PDF-1." or "%PDF-2.", ends with "%%EOF", has objects, a catalog
  and pages, and no encryption (a recruiter could not open it);
- compressed streams (FlateDecode) are inflated, by chunks, up to INFLATED_MAX_BYTES in all: a
  "zip bomb" (a few kilobytes that inflate to gigabytes) is refused, a stream that does not inflate
  is refused as damaged;
- nothing active, in the file or in its inflated object streams: JavaScript, launched programs,
  embedded files, forms that submit, multimedia, additional actions (/AA), an /OpenAction that is an
  action. An /OpenAction that is only a destination (the page a reader opens at, which most office
  suites write) is allowed. Names are compared after decoding their "#xx" escapes (/J#61vaScript).
"""

import re
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError

INFLATED_MAX_BYTES = 64 * 1024 * 1024
CHUNK = 1024 * 1024
FORBIDDEN_NAMES = {
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
    b"SubmitForm",
    b"ImportData",
    b"GoToE",
    b"AA",
}
NAME = re.compile(rb"/([^\s/\[\]<>(){}%]+)")
OPEN_ACTION = re.compile(rb"/OpenAction\s*<<")
STREAM_START = re.compile(rb"stream(?:\r\n|\n|\r)")
OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")

NOT_PDF = "Ce fichier n'est pas un PDF. Enregistrez votre CV au format PDF, puis envoyez-le de nouveau."
DAMAGED = (
    "Ce PDF est endommagé ou incomplet. Enregistrez de nouveau votre CV au format PDF depuis votre "
    "traitement de texte, puis envoyez-le."
)
ENCRYPTED = "Ce PDF est protégé par un mot de passe. Envoyez une version sans protection."
ACTIVE = (
    "Ce PDF contient du contenu actif (script, fichier joint, formulaire ou action automatique), que "
    "nous n'acceptons pas. Enregistrez votre CV en PDF simple, par exemple avec « Imprimer en PDF »."
)
TOO_INFLATED = (
    "Ce PDF est trop volumineux une fois décompressé. Enregistrez votre CV en PDF simple, par exemple "
    "avec « Imprimer en PDF »."
)
EMPTY = "Ce fichier est vide. Choisissez votre CV au format PDF."


def too_large_message():
    return f"Ce fichier dépasse {megabytes(settings.CANDIDATES_CV_MAX_BYTES)}. Envoyez un PDF plus léger."


def megabytes(size):
    return f"{size / (1024 * 1024):g}\u00a0Mo".replace(".", ",")


def decoded_name(raw):
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda match: bytes([int(match.group(1), 16)]), raw)


def has_active_content(data):
    if OPEN_ACTION.search(data):
        return True
    return any(decoded_name(match.group(1)) in FORBIDDEN_NAMES for match in NAME.finditer(data))


def check_pdf(uploaded):
    """Raise ValidationError (French message, code) unless `uploaded` (an UploadedFile) is an acceptable CV."""
    if uploaded.size is not None and uploaded.size > settings.CANDIDATES_CV_MAX_BYTES:
        raise ValidationError(too_large_message(), code="too_large")
    uploaded.seek(0)
    data = uploaded.read(settings.CANDIDATES_CV_MAX_BYTES + 1)
    uploaded.seek(0)
    if not data:
        raise ValidationError(EMPTY, code="empty")
    if len(data) > settings.CANDIDATES_CV_MAX_BYTES:
        raise ValidationError(too_large_message(), code="too_large")
    check_pdf_bytes(data)


def check_pdf_bytes(data):
    if not (data.startswith(b"%PDF-1.") or data.startswith(b"%PDF-2.")):
        raise ValidationError(NOT_PDF, code="not_pdf")
    if b"%%EOF" not in data[-2048:] or not OBJECT.search(data) or b"endobj" not in data:
        raise ValidationError(DAMAGED, code="damaged")
    if b"/Encrypt" in data:
        raise ValidationError(ENCRYPTED, code="encrypted")
    if has_active_content(data):
        raise ValidationError(ACTIVE, code="active")
    structure, budget = bytearray(data), Budget()
    for dictionary, stream in streams(data):
        if b"/FlateDecode" not in dictionary and b"/Fl " not in dictionary and b"/Fl]" not in dictionary:
            continue
        scanned = b"/Type/ObjStm" in dictionary.replace(b" ", b"") or not (
            b"/Subtype" in dictionary or b"/Length1" in dictionary
        )
        structure += inflate_and_scan(stream, scanned, budget)
    if b"/Catalog" not in structure or b"/Page" not in structure:
        raise ValidationError(DAMAGED, code="damaged")


def streams(data):
    """(dictionary, raw bytes) of each stream of the file, in order."""
    position = 0
    while match := STREAM_START.search(data, position):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            raise ValidationError(DAMAGED, code="damaged")
        header_start = data.rfind(b"obj", 0, match.start())
        dictionary = data[header_start if header_start >= 0 else 0 : match.start()]
        yield dictionary, data[start:end]
        position = end + len(b"endstream")


class Budget:
    def __init__(self):
        self.left = INFLATED_MAX_BYTES


def inflate_and_scan(raw, scanned, budget):
    """Inflate one stream chunk by chunk within the shared budget; scan it for active content when
    `scanned`; return its text when it is an object stream (where a catalog can hide), else b""."""
    inflater = zlib.decompressobj()
    kept, tail = bytearray(), b""
    pending = raw
    try:
        while True:
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            budget.left -= len(chunk)
            if budget.left < 0:
                raise ValidationError(TOO_INFLATED, code="too_inflated")
            if scanned:
                window = tail + chunk
                if has_active_content(window):
                    raise ValidationError(ACTIVE, code="active")
                tail = window[-64:]
                if len(kept) < CHUNK:
                    kept += chunk[: CHUNK - len(kept)]
            if not chunk:
                break
    except zlib.error as error:
        raise ValidationError(DAMAGED, code="damaged") from error
    return bytes(kept)
