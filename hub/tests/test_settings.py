"""Production settings refuse to start half-configured, and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hub.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
    "DJANGO_ALLOWED_HOSTS": "hub.dataide.example",
    "DATABASE_URL": "sqlite:////tmp/hub-deploy-check.sqlite3",
}


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV}
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    env = {**PRODUCTION_ENV}
    del env["DATABASE_URL"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL must be set in production" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
