"""What each entry point loads: production never loads development code; light entry points stay light.

Each check runs in a fresh interpreter, since this test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the project root


def _modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """The names in sys.modules after running `code` in a new interpreter at the project root."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env, check=True
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


# Authlib and requests (console sign-in through a provider; the webhook dispatcher's process), pygal (the
# Overview's charts), markdown-it (/guides), segno (QR codes): about 20 MB a worker together, loaded on first use.
LOADED_ON_FIRST_USE = ("authlib", "requests", "pygal", "markdown_it", "segno")


def test_the_production_app_built_and_answering_has_loaded_no_development_code_and_no_page_library(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    code = (
        "from service import create_app\n"
        f"app = create_app({{'BROKER_ENV': 'production', 'DATABASE_URL': '{database}',"
        " 'SUBJECT_HASH_KEY': 'k' * 32, 'SERVER_SECRET': 's' * 32, 'PUBLIC_BASE_URL': 'https://sso.example.org',"
        " 'AWS_ENDPOINT_URL_SECRETS_MANAGER': 'http://127.0.0.1:9', 'LOG_LEVEL': 'ERROR'})\n"
        "assert app.test_client().get('/healthz').status_code == 200\n"
    )
    env = {"PATH": "/usr/bin:/bin", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x", "AWS_REGION": "eu-north-1"}
    loaded = _modules_after(code, env)
    assert "service.app" in loaded  # the app was built
    assert not {m for m in loaded if m == "service.dev" or m.startswith("service.dev.")}
    assert not {m for m in loaded if m == "aiosmtpd" or m.startswith("aiosmtpd.")}
    assert [name for name in LOADED_ON_FIRST_USE if name in {m.split(".")[0] for m in loaded}] == []


def test_importing_the_package_is_cheap() -> None:
    loaded = _modules_after("import service")
    assert "flask" not in loaded
    assert "sqlalchemy" not in loaded
    assert "service.app" not in loaded


@pytest.mark.parametrize("module", ["service.keys.rotation_function", "service.rotation_lambda"])
def test_the_rotation_function_loads_neither_flask_nor_sqlalchemy(module: str) -> None:
    loaded = _modules_after(f"from {module} import handler\nassert callable(handler)")
    assert "flask" not in loaded
    assert "sqlalchemy" not in loaded


def test_listing_the_commands_loads_no_development_code(tmp_path: Path) -> None:
    """`flask --help` lists every group with its help, `dev` too, without importing service/dev/cli.py."""
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    code = (
        "from service import create_app\n"
        f"app = create_app({{'BROKER_ENV': 'production', 'DATABASE_URL': '{database}',"
        " 'SUBJECT_HASH_KEY': 'k' * 32, 'SERVER_SECRET': 's' * 32, 'PUBLIC_BASE_URL': 'https://sso.example.org',"
        " 'AWS_ENDPOINT_URL_SECRETS_MANAGER': 'http://127.0.0.1:9'})\n"
        "names = app.cli.list_commands(None)\n"
        "listing = {name: app.cli.get_command(None, name).get_short_help_str() for name in names}\n"
        "assert listing['dev'] == 'Development helpers (never for production).', listing\n"
        "assert set(listing) == {'apikeys', 'audit', 'console', 'db', 'dev', 'keysets', 'links', 'profiles', 'tenants',"
        " 'webhooks'}\n"
    )
    env = {"PATH": "/usr/bin:/bin", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x", "AWS_REGION": "eu-north-1"}
    loaded = _modules_after(code, env)
    assert not {m for m in loaded if m == "service.dev" or m.startswith("service.dev.")}
