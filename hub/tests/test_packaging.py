"""The two locks: the production image installs the runtime one, developers and CI the dev one."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z0-9_.-]+)==(\S+)", text, re.M))


def test_locks_carry_no_machine_local_index_or_find_links_lines():
    for name in ("requirements.lock", "requirements-dev.lock"):
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        option_lines = [line for line in lines if line.startswith("--")]
        assert option_lines == [], (name, option_lines)


def test_the_runtime_lock_has_no_test_or_lint_tools():
    runtime = pins("requirements.lock")
    for tool in ("pytest", "ruff", "playwright", "factory-boy", "pip-tools"):
        assert tool not in runtime


def test_the_dev_lock_pins_every_runtime_package_at_the_same_version():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime
