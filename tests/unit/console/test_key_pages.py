"""The console's Keys page: the keysets the account's profiles sign with, their stages, and the next promotion."""

from __future__ import annotations

import re
import uuid
from typing import Any

from flask.testing import FlaskClient

from service.console.users import Role
from service.dev import seed as devseed
from service.keys import rotation
from service.keys.jwks import keyset_ref
from service.keys.material import DEFAULT_ALGORITHM, DEFAULT_RSA_BITS
from service.keys.setup import create_keyset
from service.profiles.setup import create_profile
from service.wiring import Services
from tests.support.clock import Clock
from tests.support.console_session import signed_in_as


def _dev_tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _keyset_with_a_profile(svc: Services, tenant: str, profile: str) -> str:
    """A keyset of its own (never the dev keyset, which every test of the session signs with) and a profile."""
    name = f"{tenant}-{uuid.uuid4().hex[:8]}"
    create_keyset(svc, name, DEFAULT_ALGORITHM, DEFAULT_RSA_BITS, f"test/{name}", is_default=False)
    create_profile(
        svc,
        tenant,
        name,
        ["https://rp.example.test"],
        name=profile,
        kind="generic",
        delivery_mode="query",
        issuer="https://broker.test",
        audience="rp",
        rp_url="https://rp.example.test/sso",
    )
    return name


def _card(text: str, keyset: str) -> str:
    return text.split(f'data-keyset="{keyset}"', 1)[1].split('data-testid="keyset"', 1)[0]


def test_every_role_sees_only_its_accounts_keysets_and_where_a_rotation_stands(
    client: FlaskClient, svc: Services, creds: dict[str, Any], clock: Clock
) -> None:
    svc.stores.tenants.create_tenant("other", "Other Clinic")
    theirs = _keyset_with_a_profile(svc, "other", "theirs")
    ours = _keyset_with_a_profile(svc, devseed.DEV_TENANT, "rotating")
    signed_in_as(client, svc, _dev_tenant(svc), "viewer@dev.example", Role.VIEWER)
    en = {"Accept-Language": "en"}
    page = client.get("/console/keys", headers=en)
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'data-keyset="{devseed.DEV_KEYSET}"' in text
    assert theirs not in text
    keyset = svc.stores.keysets.keyset_by_name(ours)
    windows = rotation.RotationWindows.from_settings(svc.settings)
    current = rotation.status(svc.secrets_client, keyset_ref(keyset), clock(), windows)
    card = _card(text, ours)
    assert f"<code>{current['stages']['AWSCURRENT']['kid']}</code>" in card
    assert keyset.secret_id not in text
    assert "No rotation is under way" in card

    pending = rotation.rotate(svc.secrets_client, keyset_ref(keyset), clock())
    card = _card(client.get("/console/keys", headers=en).get_data(as_text=True), ours)
    assert f"<code>{pending}</code>" in card
    assert re.search(r"it may start signing in \d+ (minutes|hours?)", card), card
    clock.advance(rotation.publish_window(svc.settings) + 1)
    card = _card(client.get("/console/keys", headers=en).get_data(as_text=True), ours)
    assert "may start signing now" in card
    nb = client.get("/console/keys", headers={"Accept-Language": "nb"}).get_data(as_text=True)
    assert 'lang="nb"' in nb


def test_an_unreadable_keyset_is_a_sentence_not_a_500(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    keyset = svc.stores.keysets.keyset_by_name(devseed.DEV_KEYSET)
    with svc.db.session() as session:
        row = session.get(type(keyset), keyset.id)
        assert row is not None
        row.secret_id = "test/no-such-secret"
    signed_in_as(client, svc, _dev_tenant(svc), devseed.DEV_CONSOLE_OWNER, Role.OWNER)
    page = client.get("/console/keys", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "cannot be read just now" in page.get_data(as_text=True)


def test_signed_out_goes_to_sign_in_and_a_post_is_not_allowed(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert client.get("/console/keys").status_code == 303
    assert client.post("/console/keys").status_code == 405
