"""hub/settings/base.py (with headers.py) says each value once: no setting is bound twice,
and none is built up by appending or inserting further down (a reader finds a value where
it is written)."""

import ast
from pathlib import Path

SETTINGS = Path(__file__).resolve().parents[1] / "settings"


def _top_level_statements(body):
    for node in body:
        if isinstance(node, ast.If):  # `if REDIS_URL: ... else: ...` binds a value once
            yield from _top_level_statements(node.body)
            yield from _top_level_statements(node.orelse)
        else:
            yield node


def test_no_setting_is_bound_twice_or_appended_to():
    # base.py and the part it imports at its end: one namespace, each value said once.
    source = "\n".join(
        (SETTINGS / name).read_text(encoding="utf-8") for name in ("base.py", "headers.py")
    )
    tree = ast.parse(source)
    bound: dict[str, int] = {}
    rebound, mutated = [], []
    branches = [node for node in tree.body if isinstance(node, ast.If)]
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    if target.id in bound:
                        rebound.append(target.id)
                    bound[target.id] = node.lineno
        for call in ast.walk(node) if not isinstance(node, ast.FunctionDef) else ():
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr in {"append", "insert", "extend"}
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id.isupper()
            ):
                mutated.append(f"{call.func.value.id}.{call.func.attr} (line {call.lineno})")
    assert branches  # the walk above does see the environment-driven branches
    assert rebound == [] and mutated == [], (rebound, mutated)
