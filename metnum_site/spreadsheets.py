"""CSV exports that spreadsheet software opens as text, never as formulas.

A cell that starts with =, +, -, @, a tab or a carriage return is read as a formula by Excel and
LibreOffice when the file is opened (an offer titled "=HYPERLINK(…)" would run for whoever opens
the export). `as_text` prefixes such a cell with an apostrophe, which spreadsheets read as "text".

Every CSV of the admin comes from Wagtail's SpreadsheetExportMixin (the offer listing, the reports
such as the site history, redirects, form submissions). It writes cells in `stream_csv`, which has no
hook for the writer: `protect_wagtail_exports` (called once, by home.apps) replaces that method with
one that writes through `TextCsvWriter`. This is the only use of Wagtail's private export internals
(`SpreadsheetExportMixin.stream_csv` and `mixins.Echo`); tests/metnum_site/test_spreadsheets.py pins
the behaviour relied upon. XLSX exports need nothing: Wagtail turns every formula cell into a string
cell (`generate_xlsx_row`), which the same tests check.
"""

import csv

from wagtail.admin.views import mixins

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
WAGTAIL_STREAM_CSV = mixins.SpreadsheetExportMixin.stream_csv


def as_text(value):
    """The value, with an apostrophe in front when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class TextCsvWriter(csv.DictWriter):
    """A csv.DictWriter whose every cell goes through `as_text`."""

    def writerow(self, rowdict):
        return super().writerow({key: as_text(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        return [self.writerow(rowdict) for rowdict in rowdicts]


def stream_csv(view, queryset):
    """Wagtail's SpreadsheetExportMixin.stream_csv, writing through TextCsvWriter."""
    writer = TextCsvWriter(mixins.Echo(), fieldnames=view.list_export)
    yield writer.writerow({field: view.get_heading(queryset, field) for field in view.list_export})
    for item in queryset:
        yield view.write_csv_row(writer, view.to_row_dict(item))


def protect_wagtail_exports():
    mixins.SpreadsheetExportMixin.stream_csv = stream_csv
