"""Counts inside translated sentences are grouped the reader's way (issue 18, item 12):
"2 041 notifications non lues" (non-breaking space) in French, "2,041" in English, while
the plural choice still uses the raw integer."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [
    path
    for pattern in ("**/templates/**/*.html", "**/machina_templates/**/*.html")
    for path in ROOT.glob(pattern)
    if ".venv" not in path.parts and "node_modules" not in path.parts
]
COUNT_BLOCK = re.compile(
    r'(?P<attr>="\s*)?{% blocktranslate count (?P<var>\w+)=[^%]*%}'
    r"(?P<body>.*?){% endblocktranslate %}",
    re.S,
)


@pytest.mark.parametrize(
    ("language", "shown"), [("fr", "2\u00a0041 notifications non lues"), ("en", "2,041 unread")]
)
def test_a_count_in_a_translated_sentence_is_grouped(language, shown):
    panel = {"unread": 2041, "enabled": False, "at_once": 1041, "in_digest": 3}
    with translation.override(language):
        html = render_to_string("notifications/panels/notifications.html", {"panel": panel})
    assert shown in html


def test_no_count_printed_raw_inside_a_plural_sentence():
    """`{% blocktranslate count counter=n with shown=n|qc_number %}{{ shown }}…`: the raw
    counter picks the plural, people read the grouped one. Attributes keep the raw number."""
    raw = []
    for path in TEMPLATES:
        for block in COUNT_BLOCK.finditer(path.read_text(encoding="utf-8")):
            if not block["attr"] and "{{ " + block["var"] + " }}" in block["body"]:
                raw.append(f"{path.relative_to(ROOT)}: {block[0][:80]}")
    assert not raw, "\n".join(raw)
