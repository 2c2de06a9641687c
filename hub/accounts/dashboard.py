"""Panels of "Mon espace". Rooms register theirs on `hub.extensions.dashboard_panels` from
their hooks.py, so accounts never imports them."""

from hub import extensions


def panels_for(request) -> list[dict]:
    return [
        {"template_name": template_name, **build(request)}
        for template_name, build in extensions.dashboard_panels.items()
    ]
