"""Loi 25 hooks: what a member can download, and what happens when they leave.

Feature apps register an export section and listen to `member_deleting`; accounts never
imports them (see ARCHITECTURE.md, "Who may import whom")."""

from collections.abc import Callable

from django.dispatch import Signal

# Sent inside the deletion transaction, before the member is anonymised.
# Receivers remove what belongs only to the member (registrations, notifications...).
member_deleting = Signal()

ExportSection = Callable[[object], object]
_export_sections: dict[str, ExportSection] = {}


def register_export_section(name: str, build: ExportSection) -> None:
    """`build(user)` returns JSON-ready data for the member's download, under `name`."""
    _export_sections[name] = build


def export_sections() -> dict[str, ExportSection]:
    return dict(_export_sections)
