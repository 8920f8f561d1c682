"""Helpers for the import tests: offer files written like other systems write them, and the
physical line where each record starts (computed here, independently of the importer's reader)."""

import csv
import io
import json

from django.core.management import CommandError, call_command

from demo.offers import offer_rows
from jobs.importer import COLUMNS


def many_rows(count):
    """`count` valid rows of the demo employers: the demo offers over and over, each copy with an
    external_id of its own."""
    rows = offer_rows()
    return [
        dict(rows[number % len(rows)], external_id=f"{rows[number % len(rows)]['external_id']}-{number // len(rows)}")
        for number in range(count)
    ]


def csv_text(rows, delimiter=",", columns=COLUMNS):
    """The CSV text of `rows` and the first physical line of each record (header on line 1)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    starts, line = [], 2
    for row in rows:
        before = buffer.tell()
        writer.writerow({column: row.get(column, "") for column in columns})
        starts.append(line)
        line += buffer.getvalue()[before:].count("\n")
    return buffer.getvalue(), starts


def write_csv(path, rows, delimiter=",", bom=False, columns=COLUMNS):
    text, starts = csv_text(rows, delimiter, columns)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return starts


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def run_import(path, *options, source="test"):
    """(exit status, stdout, stderr) of `manage.py import_offers`."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_offers", str(path), "--source", source, *options, stdout=stdout, stderr=stderr)
    except CommandError as error:
        stderr.write(str(error))
        return error.returncode, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()
