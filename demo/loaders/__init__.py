"""One loader per room, each with `seed(log)`: it reads the room's content from
`demo/content/<room>.toml` and creates, through the room's models and services, only what
is missing (found by name, slug or email), so running it twice changes nothing."""

import tomllib
from functools import cache
from pathlib import Path

CONTENT = Path(__file__).resolve().parent.parent / "content"


@cache
def content(room: str) -> dict:
    """The parsed content of one room (shared between calls: read it, never change it)."""
    with (CONTENT / f"{room}.toml").open("rb") as file:
        return tomllib.load(file)
