"""Who may import whom (ARCHITECTURE.md): dependencies point one way, from the feature rooms
down to what they share. Every module that runs in the hub is parsed with `ast`, so an
import inside a function counts as much as one at the top; nothing is imported to find out.
Tests are left out: a test may build another room's rows to exercise a path across rooms
(a cms document attached to a forum post, the site-wide URL and CSP checks)."""

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_DIRECTORIES = {".venv", "node_modules", "var", "static", "__pycache__", "tests"}

# Longest names first, so "hub.accounts.models" belongs to hub.accounts, not to hub.
ROOMS = ("hub.accounts", "hub.notifications", "hub.privacy")
FEATURES = ("cms", "forum", "events", "search", "diagnostic", "grants")
FEATURE_ROOMS = ("forum", "events", "diagnostic", "grants")  # features side by side
TOP_LEVEL = (*FEATURES, "demo", "bench")

# Outside forum/, only these may name machina: the settings install it, the URLs mount it.
MACHINA_ALLOWED = ("hub.settings", "hub.urls")
# Modules outside the runtime rooms that still import machina: the demo loader and the
# benchmark build forum content with machina's models. Listed so that no new one appears;
# remove a line when its module stops.
MACHINA_KNOWN_OUTSIDE = {
    "bench.forum_bench",
    "demo.loaders.forum",
    # `make rehearsal` builds its forum rows and checks the restored copy with machina's models.
    "rehearsal.restore_check",
    "rehearsal.setup_data",
    "rehearsal.setup_load",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def imports_by_module() -> dict[str, frozenset[str]]:
    """Every module of the project and the absolute names of what it imports."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        if SKIPPED_DIRECTORIES & set(path.relative_to(ROOT).parts) or path.name == "conftest.py":
            continue
        module = _module_name(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against the module's package
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module
                # "from hub import extensions" imports hub.extensions, not just hub.
                names.update(f"{prefix}.{alias.name}" for alias in node.names)
                names.add(prefix)
        found[module] = frozenset(names)
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _room(name: str) -> str | None:
    for room in (*ROOMS, *TOP_LEVEL):
        if _within(name, room):
            return room
    return None


def _offenders(modules_of: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {name}"
        for module, names in imports_by_module().items()
        if _within(module, modules_of)
        for name in names
        if any(_within(name, room) for room in forbidden) and _room(name) != _room(module)
    )


def test_the_parser_sees_function_level_and_relative_imports():
    imports = imports_by_module()
    assert len(imports) > 100
    assert "hub.accounts.services" in imports["hub.accounts.retention"]  # from .services
    assert "hub.extensions" in imports["hub.accounts.services"]  # from hub import extensions
    assert "forum.receivers" in imports["forum.apps"]  # inside ready()


def test_accounts_imports_no_other_room():
    others = tuple(room for room in (*ROOMS, *TOP_LEVEL) if room != "hub.accounts")
    assert _offenders("hub.accounts", others) == []


def test_notifications_and_privacy_know_no_source_room():
    for room in ("hub.notifications", "hub.privacy"):
        assert _offenders(room, (*FEATURES, "demo")) == []


def test_notifications_and_privacy_do_not_import_each_other():
    assert _offenders("hub.notifications", ("hub.privacy",)) == []
    assert _offenders("hub.privacy", ("hub.notifications",)) == []


def test_features_side_by_side_never_import_each_other():
    allowed = {("grants", "diagnostic")}  # eligibility and the final-report retake
    for room in FEATURE_ROOMS:
        others = tuple(
            other for other in FEATURE_ROOMS if other != room and (room, other) not in allowed
        )
        assert _offenders(room, others) == []


def test_cms_never_imports_a_feature_room():
    assert _offenders("cms", (*FEATURE_ROOMS, "search")) == []


def test_the_leaves_import_nothing_of_ours():
    ours = ("hub", *TOP_LEVEL)
    for leaf in ("hub.sanitize", "hub.extensions"):
        imported = imports_by_module()[leaf]
        assert sorted(name for name in imported if any(_within(name, o) for o in ours)) == []


def test_only_the_forum_touches_machina():
    outside = {
        module
        for module, names in imports_by_module().items()
        if any(_within(name, "machina") for name in names)
        and not _within(module, "forum")
        and not any(_within(module, allowed) for allowed in MACHINA_ALLOWED)
    }
    assert outside <= MACHINA_KNOWN_OUTSIDE, sorted(outside - MACHINA_KNOWN_OUTSIDE)


def _import_cycles(room: str) -> list[list[str]]:
    """Import cycles among the modules of `room`. Importing `a.b.c` runs `a.b` first, so a
    module's edges also reach the packages above what it names; a module's own packages are
    left out (they are being imported already when it runs)."""
    imports = imports_by_module()
    edges: dict[str, set[str]] = {}
    for module, names in imports.items():
        if not _within(module, room):
            continue
        own = {module.rsplit(".", depth)[0] for depth in range(1, module.count(".") + 1)}
        targets = set()
        for name in names:
            parts = name.split(".")
            for end in range(1, len(parts) + 1):
                target = ".".join(parts[:end])
                if target in imports and _within(target, room) and target not in own:
                    targets.add(target)
        edges[module] = targets - {module}
    cycles, done = [], set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycles.append(path[path.index(module) :] + [module])
            return
        if module in done:
            return
        for target in sorted(edges.get(module, ())):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    return cycles


def test_notifications_events_and_forum_have_no_import_cycle():
    """No cycle hidden behind a function-level import either (the parser sees those too):
    events.models imports its selectors at the top, notify enqueues the email task without
    the task importing services back."""
    for room in ("hub.notifications", "events", "forum"):
        assert _import_cycles(room) == [], room
