"""`dev seed`: the development tenant, keyset, profiles and API keys, created once and found again.

Idempotent: run on every `make run`. The emulator keeps secrets only in memory, so a keyset whose
secret vanished with a restarted emulator gets a new key under the same secret name. API keys exist
in clear only at creation, so the ones in instance/dev-credentials.json are reused while they still
authenticate, and replaced otherwise.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from service.apikeys.authentication import authenticate
from service.apikeys.credentials import SCOPES
from service.apikeys.issuing import create_api_key
from service.console.users import Role
from service.errors import Unauthorized
from service.keys.material import DEFAULT_ALGORITHM, DEFAULT_RSA_BITS
from service.keys.setup import SECRET_NAME_PREFIX, check_secret, create_keyset, store_new_key
from service.profiles.examples import EXAMPLE_PAYLOADS
from service.profiles.setup import create_profile
from service.wiring import Services

log = logging.getLogger(__name__)

DEV_TENANT = "dev"
DEV_KEYSET = "dev-es256"
CREDENTIALS_FILE = "dev-credentials.json"
DEFAULT_SANDBOX_URL = "http://127.0.0.1:8001"
SANDBOX_AUDIENCE = "sandbox-rp"
# Dev profile name -> (payload kind, delivery mode, sandbox endpoint).
DEV_PROFILES = {
    "exorlive-main": ("exorlive-main", "form", "payload"),
    "exorlive-go": ("exorlive-go", "exchange", "url"),
    "generic": ("generic", "query", "landing"),
}

# The ExorLive document's example payloads (fictional people), for the printed curls and demos.
SAMPLE_PAYLOADS: dict[str, dict[str, Any]] = EXAMPLE_PAYLOADS


# What people see on the dev data's pages and mails: real-looking names, never the slugs.
DEV_TENANT_DISPLAY_NAME = "Mos Espa Physio"
# The dev tenant's console owner: sign in at /console with this address, and open the mail in the dev mailbox.
DEV_CONSOLE_OWNER = "owner@dev.example"
DEV_DISPLAY_NAMES = {"exorlive-main": "ExorLive", "exorlive-go": "ExorLive Go", "generic": "Sandbox App"}


def _secret_exists(svc: Services, secret_id: str) -> bool:
    try:
        svc.secrets_client.describe_secret(SecretId=secret_id)
    except svc.secrets_client.exceptions.ResourceNotFoundException:
        return False
    return True


def _ensure_keyset(svc: Services) -> None:
    keyset = svc.stores.keysets.find_keyset(DEV_KEYSET)
    secret_name = SECRET_NAME_PREFIX + DEV_KEYSET
    if keyset is None:
        if _secret_exists(svc, secret_name):
            check_secret(svc, DEV_KEYSET, secret_name, DEFAULT_ALGORITHM)
            svc.stores.keysets.add_keyset(DEV_KEYSET, secret_name, DEFAULT_ALGORITHM, is_default=True)
        else:
            create_keyset(svc, DEV_KEYSET, DEFAULT_ALGORITHM, DEFAULT_RSA_BITS, secret_name, is_default=True)
    elif not _secret_exists(svc, keyset.secret_id):
        log.warning("dev keyset secret missing (emulator restarted); generating a new dev key")
        store_new_key(svc, DEV_KEYSET, keyset.secret_id, DEFAULT_ALGORITHM, DEFAULT_RSA_BITS)


def _reusable_key(svc: Services, api_key: Any, scopes: set[str]) -> bool:
    if not isinstance(api_key, str):
        return False
    try:
        caller = authenticate(svc.stores.api_keys, f"Bearer {api_key}")
    except Unauthorized:
        return False
    return caller.scopes == scopes


def _ensure_profiles(svc: Services, tenant_id: int, sandbox: str, *, test: bool = False) -> dict[str, str]:
    """The dev profiles (their test twins, "<name>-test", with `test`), made once and re-pointed at today's
    sandbox and broker; their profile keys by name."""
    profile_keys = {}
    for base_name, (kind, mode, endpoint) in DEV_PROFILES.items():
        name = f"{base_name}-test" if test else base_name
        rp_url = f"{sandbox}/partner/{DEV_TENANT}/{endpoint}"
        profile = svc.stores.profiles.find_profile(tenant_id, name)
        if profile is not None:
            # Another port or sandbox than last time: the same profile key, pointed at where things are now.
            profile = svc.stores.profiles.update_profile(
                profile.id,
                issuer=svc.settings.public_base_url,
                rp_url=rp_url,
                allowed_redirect_origins=[sandbox],
                display_name=DEV_DISPLAY_NAMES[base_name],
            )
        else:
            profile = create_profile(
                svc,
                DEV_TENANT,
                DEV_KEYSET,
                [sandbox],
                name=name,
                kind=kind,
                delivery_mode=mode,
                issuer=svc.settings.public_base_url,
                audience=SANDBOX_AUDIENCE,
                rp_url=rp_url,
                check_ssn=kind != "generic",
                display_name=DEV_DISPLAY_NAMES[base_name],
                test=test,
            )
        profile_keys[base_name] = profile.profile_key
    return profile_keys


# What a Bubble builder's keys may do: make links that outlive the token and mail them. The test key does it only
# for the test profiles (its mails wait in the test inbox); the live key, its twin, has the same scopes, so what
# worked in test works live.
BUILDER_SCOPES = ("links:long", "links:email")


def _ensure_api_keys(svc: Services, previous: dict[str, Any]) -> tuple[str, str, str]:
    """(apiKey, adminApiKey, testApiKey): last run's keys while they still authenticate with the same scopes."""
    wanted = {
        "apiKey": (set(BUILDER_SCOPES), "dev", False),
        "adminApiKey": (set(SCOPES), "dev-admin", False),
        "testApiKey": (set(BUILDER_SCOPES), "dev-test", True),
    }
    keys = []
    for field, (scopes, label, test) in wanted.items():
        key = previous.get(field)
        if not (isinstance(key, str) and _reusable_key(svc, key, scopes)):
            key = create_api_key(svc, DEV_TENANT, sorted(scopes), label, test=test)
        keys.append(key)
    return keys[0], keys[1], keys[2]


def _read_document(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text()) if path.exists() else {}
    except ValueError:
        return {}
    return document if isinstance(document, dict) else {}


def _write_document(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # The file holds live dev credentials: readable by its owner only.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(document, handle, indent=2)


def seed(svc: Services, instance_path: str, sandbox_url: str | None = None) -> dict[str, Any]:
    """Ensure the dev data exists; write and return the credentials document."""
    sandbox = (sandbox_url or os.environ.get("SANDBOX_URL") or DEFAULT_SANDBOX_URL).rstrip("/")
    if svc.stores.tenants.find_tenant(DEV_TENANT) is None:
        svc.stores.tenants.create_tenant(DEV_TENANT, DEV_TENANT_DISPLAY_NAME)
    tenant = svc.stores.tenants.tenant_by_name(DEV_TENANT)
    if tenant.display_name is None:  # made by an older seed
        tenant = svc.stores.tenants.set_tenant_display_name(DEV_TENANT, DEV_TENANT_DISPLAY_NAME)
    _ensure_keyset(svc)
    if svc.console.users.in_tenant(tenant.id, DEV_CONSOLE_OWNER) is None:
        svc.console.users.add(tenant.id, DEV_CONSOLE_OWNER, Role.OWNER)
    profile_keys = _ensure_profiles(svc, tenant.id, sandbox)
    test_profile_keys = _ensure_profiles(svc, tenant.id, sandbox, test=True)
    path = Path(instance_path) / CREDENTIALS_FILE
    api_key, admin_key, test_key = _ensure_api_keys(svc, _read_document(path))
    base = svc.settings.public_base_url
    document = {
        "baseUrl": base,
        "apiKey": api_key,
        "adminApiKey": admin_key,
        "profiles": profile_keys,
        # Test mode: give these to a Bubble builder (test profiles at the sandbox; mails in the test inbox).
        "testApiKey": test_key,
        "testProfiles": test_profile_keys,
        "jwksUrl": f"{base}/.well-known/jwks.json",
        "sandboxUrl": sandbox,
        "consoleUrl": f"{base}/console",
        "consoleOwner": DEV_CONSOLE_OWNER,
    }
    if os.environ.get("DEV_MAILBOX_URL"):
        document["mailboxUrl"] = os.environ["DEV_MAILBOX_URL"]
    _write_document(path, document)
    return document
