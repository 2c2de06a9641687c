"""docker/compose.yaml and `make rehearsal` run the same pieces: one Caddyfile, one
entrypoint, the same commands and environment variable names (rehearsal/topology.py)."""

import pytest

from rehearsal.topology import CADDYFILE, COMPOSE, DOCKERFILE, compose_drift

from .test_settings import ROOT

yaml = pytest.importorskip("yaml", reason="PyYAML parses the compose file (dev dependency)")


def _compose() -> dict:
    return yaml.safe_load((ROOT / COMPOSE).read_text(encoding="utf-8"))


def _drift(compose: dict) -> list[str]:
    return compose_drift(
        compose,
        dockerfile=(ROOT / DOCKERFILE).read_text(encoding="utf-8"),
        env_example=(ROOT / ".env.example").read_text(encoding="utf-8"),
        caddyfile=(ROOT / CADDYFILE).read_text(encoding="utf-8"),
    )


def test_the_compose_stack_and_the_rehearsal_run_the_same_pieces():
    assert _drift(_compose()) == []


def test_a_changed_worker_command_in_compose_is_caught():
    compose = _compose()
    compose["services"]["worker"]["command"] = ["python", "manage.py", "db_worker"]
    assert any("worker runs" in problem for problem in _drift(compose))


def test_a_new_environment_variable_in_compose_only_is_caught():
    compose = _compose()
    compose["services"]["web"]["environment"] = {"DATABASE_URL": "x", "REDIS_URL": "y", "NEW": "z"}
    assert any(problem.startswith("web sets") for problem in _drift(compose))
