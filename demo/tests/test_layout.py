"""The runtime rooms never import the demo app: demo content stays out of what ships."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROOMS = ("hub", "cms", "forum", "events")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_no_runtime_module_imports_the_demo_app():
    offenders = []
    for room in ROOMS:
        for path in (ROOT / room).rglob("*.py"):
            if "tests" in path.relative_to(ROOT).parts:
                continue  # tests may seed demo content through the loaders
            demo = {name for name in imported_modules(path) if name.split(".")[0] == "demo"}
            if demo or path.stem in {"demo", "demo_content"}:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(demo)}")
    assert offenders == []
