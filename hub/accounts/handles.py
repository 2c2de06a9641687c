"""Handles: the unique, stable name a member is @mentioned by ("@marie.tremblay").

A handle is built from the member's *public* name (display name, or first name and initial),
never from the email address or the full last name the member did not choose to show, so it
reveals nothing the forum does not show already. It does not follow later name changes
(mentions written earlier must keep pointing at the same person); the member can change it
on their profile. A homonym gets the next free number: marie.tremblay, marie.tremblay2...

This module holds no model import at load time so the forum's Markdown renderer and the
migrations can use the pattern and the builders."""

import re
import unicodedata
from collections.abc import Callable

HANDLE_MIN_LENGTH = 2
HANDLE_MAX_LENGTH = 30
# Lowercase ASCII letters and digits, with dots, hyphens or underscores inside.
HANDLE_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")
# "@handle" in a text: not glued to a word, an email address ("ana@exemple.org") or a URL
# ("https://exemple.org/@ana"). The trailing dot, hyphen or underscore of "@nadia.b." is
# punctuation, not the handle.
MENTION_RE = re.compile(r"(?<![\w@./:=?&#%+~-])@([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")
# Handles a member may not take: they would look like the site speaking, or a group.
RESERVED = frozenset(
    {
        "admin",
        "administrateur",
        "administratrice",
        "all",
        "dataide",
        "equipe",
        "everyone",
        "here",
        "moderateur",
        "moderatrice",
        "moderation",
        "staff",
        "support",
        "tous",
        "toutes",
    }
)
FALLBACK_BASE = "membre"


def normalise(value: str) -> str:
    """What a member typed, as stored: no leading @, no surrounding spaces, lowercase."""
    return (value or "").strip().lstrip("@").strip().lower()


def is_valid(handle: str) -> bool:
    return (
        HANDLE_MIN_LENGTH <= len(handle) <= HANDLE_MAX_LENGTH
        and bool(HANDLE_RE.match(handle))
        and ".." not in handle
    )


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    # Hyphens inside a word stay (Marie-Ève → marie-eve); everything else separates words.
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", folded.lower())
    return words


def base_for(*, display_name: str = "", first_name: str = "", last_name: str = "") -> str:
    """The handle a member's public name suggests, before homonyms are numbered."""
    if display_name.strip():
        words = _ascii_words(display_name)
    elif first_name.strip():
        words = _ascii_words(first_name) + _ascii_words(last_name[:1])
    else:
        words = []
    base = ".".join(words)[: HANDLE_MAX_LENGTH - 3].strip(".-_")
    if not is_valid(base) or base in RESERVED:
        base = FALLBACK_BASE if not base else f"{base}.{FALLBACK_BASE}"[: HANDLE_MAX_LENGTH - 3]
        if not is_valid(base):
            base = FALLBACK_BASE
    return base


def first_free(base: str, *, taken: Callable[[str], set[str]]) -> str:
    """`base`, or `base2`, `base3`... whichever is free. `taken(prefix)` returns the handles
    in use that start with `prefix` (one query)."""
    used = taken(base)
    if base not in used and base not in RESERVED:
        return base
    number = 2
    while True:
        suffix = str(number)
        candidate = base[: HANDLE_MAX_LENGTH - len(suffix)].rstrip(".-_") + suffix
        if candidate not in used:
            return candidate
        number += 1
