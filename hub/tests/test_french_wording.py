"""Wording that must never slip back (issue 18, item 12): plural forms, not "(s)"; filter
labels that agree with their noun; one word per state."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    path
    for pattern in (
        "*/locale/*/LC_MESSAGES/django.po",
        "locale/*/LC_MESSAGES/django.po",
        "hub/*/locale/*/LC_MESSAGES/django.po",
        "**/templates/**/*.html",
        "**/templates/**/*.txt",
        "**/machina_templates/**/*.html",
    )
    for path in ROOT.glob(pattern)
    if ".venv" not in path.parts and "node_modules" not in path.parts
]


def test_no_s_in_brackets_anywhere_people_read():
    # "0 étape(s) terminée(s)": ngettext / {% blocktranslate count %} say it properly.
    assert SOURCES
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in SOURCES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\w\(s\)", line)
    ]
    assert found == []


def test_no_filter_offers_a_bare_all():
    # A bare "All" is one msgid for every noun: "Thème : Toutes". Each filter says its own
    # ("Tous les thèmes", "Toutes les langues").
    templates = [path for path in SOURCES if path.suffix == ".html"]
    found = [
        str(path.relative_to(ROOT))
        for path in templates
        if re.search(r"<option[^>]*>\{% translate \"All\" %\}", path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_date_shown_to_people_goes_through_qc_date():
    # Django's |date knows no "1er": "1 déc. 2026, 10 h 15" slipped into the notifications.
    # Only machine formats (ISO 8601 for <time datetime>, RFC 5322) may use |date.
    machine = {"'c'", '"c"', "'Y-m-d'", '"Y-m-d"', "'r'", '"r"', "'U'", '"U"'}
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in SOURCES
        if path.suffix in {".html", ".txt"}
        for match in re.finditer(r"\|date(:(\"[^\"]*\"|'[^']*'))?", path.read_text("utf-8"))
        if match.group(2) not in machine
    ]
    assert found == []
