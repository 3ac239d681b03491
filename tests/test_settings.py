"""Settings refuse an unsafe production start; each case runs in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "x" * 20 + "production-secret-key-for-this-test-only-1234567890"


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_in_production_without_a_secret_key():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="factcheck.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_refuses_the_development_key_in_production():
    result = manage(
        "check",
        DEBUG="0",
        ALLOWED_HOSTS="factcheck.example.org",
        SECRET_KEY="django-insecure-development-key-do-not-use-in-production",
    )
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_it_refuses_production_without_allowed_hosts():
    result = manage("check", DEBUG="0", SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_it_rejects_a_malformed_boolean():
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_it_passes_the_deployment_checks_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="factcheck.example.org",
        CSRF_TRUSTED_ORIGINS="https://factcheck.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("debug", ["1", ""])
def test_it_starts_for_development_without_any_variables(debug):
    result = manage("check", DEBUG=debug)
    assert result.returncode == 0, result.stderr
