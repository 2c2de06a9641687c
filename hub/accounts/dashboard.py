"""Panels of "Mon espace". Feature apps register theirs in AppConfig.ready(), so accounts
never imports them: `register_panel("events/panels/my_events.html", build, order=20)`."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template_name: str
    build_context: Callable[[object], dict]  # receives the request
    order: int = 50


_panels: dict[str, Panel] = {}


def register_panel(template_name: str, build_context: Callable[[object], dict], order: int = 50):
    _panels[template_name] = Panel(template_name, build_context, order)


def panels_for(request) -> list[dict]:
    return [
        {"template_name": panel.template_name, **panel.build_context(request)}
        for panel in sorted(_panels.values(), key=lambda panel: panel.order)
    ]
