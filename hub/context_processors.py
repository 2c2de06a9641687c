"""Context every page of the layout needs."""

# First path segment after the language prefix → the header's section, for aria-current.
SECTIONS = {
    "ressources": "resources",
    "resources": "resources",
    "forum": "forum",
    "evenements": "events",
    "events": "events",
    "agenda": "events",
    "mon-espace": "account",
    "notifications": "account",
}


def navigation(request):
    parts = request.path.strip("/").split("/")
    segment = parts[1] if len(parts) > 1 else ""
    return {"nav_section": SECTIONS.get(segment, "")}
