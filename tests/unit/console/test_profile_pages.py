"""The console's Profiles pages: the account's profiles, one profile's settings and its integration snippets."""

from __future__ import annotations

import ast
import html
import re
import shlex
import subprocess
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.console.users import Role
from service.dev import seed as devseed
from service.profiles.setup import create_profile
from service.wiring import Services
from tests.support.console_session import signed_in_as

OWNER = devseed.DEV_CONSOLE_OWNER
_SNIPPET = re.compile(r'<pre class="code"[^>]*data-testid="snippet-(\w+)"><code>(.*?)</code></pre>', re.S)


def snippets(page: str) -> dict[str, str]:
    """Each snippet's text as a reader copies it (the page's HTML escaping undone)."""
    return {name: html.unescape(code) for name, code in _SNIPPET.findall(page)}


def _dev_tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def test_every_role_sees_the_profiles_by_display_name(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    for address, role in ((OWNER, Role.OWNER), ("admin@dev.example", Role.ADMIN), ("viewer@dev.example", Role.VIEWER)):
        signed_in_as(client, svc, _dev_tenant(svc), address, role)
        listing = client.get("/console/profiles")
        text = listing.get_data(as_text=True)
        assert listing.status_code == 200
        assert 'href="/console/profiles" aria-current="page"' in text
        for name in ("ExorLive", "ExorLive Go", "Sandbox App"):
            assert f">{name}</a>" in text
        assert 'data-profile="exorlive-go-test"' in text


def test_a_profile_shows_its_settings_and_snippets_with_its_key(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    signed_in_as(client, svc, _dev_tenant(svc), "viewer@dev.example", Role.VIEWER)
    page = client.get("/console/profiles/exorlive-go-test", headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    key = creds["testProfiles"]["exorlive-go"]
    assert f'data-testid="profile-key">{key}<' in text
    assert "Europe/Oslo" in text
    assert "ExorLive Go" in text
    found = snippets(text)
    assert sorted(found) == ["curl", "fetch", "kotlin", "python", "swift"]
    for code in found.values():
        assert "ExorLive Go (exorlive-go-test)" in code
    for name in ("curl", "fetch", "python"):
        assert key in found[name]
        assert "BROKER_API_KEY" in found[name]
        assert "http://broker.test/api/v1/generateJWT" in found[name]
    assert creds["testApiKey"] not in text
    assert creds["apiKey"] not in text
    assert "ASWebAuthenticationSession" in found["swift"]
    assert "CustomTabsIntent" in found["kotlin"]
    assert "&lt;contact firstname&gt;" in text  # the Bubble body's dynamic markers
    assert "&#34;profileKey&#34;" in text or "&quot;profileKey&quot;" in text


def test_a_display_name_with_quotes_and_line_breaks_breaks_no_snippet(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    hostile = 'Bob\'s "clinic" $(touch /tmp/x) `id`\n</code><script>alert(1)</script>\u2028x'
    profile = svc.stores.profiles.find_profile(_dev_tenant(svc), "exorlive-main-test")
    assert profile is not None
    svc.stores.profiles.update_profile(profile.id, display_name=hostile)
    signed_in_as(client, svc, _dev_tenant(svc), OWNER, Role.OWNER)
    text = client.get("/console/profiles/exorlive-main-test").get_data(as_text=True)
    assert "<script>" not in text
    found = snippets(text)
    # Each comment stays one line, and each snippet still parses in its language.
    for code in found.values():
        assert "</script> x (exorlive-main-test)" in code.splitlines()[0]
    words = shlex.split(found["curl"], comments=True)
    assert words[:4] == ["curl", "-sS", "-X", "POST"]
    subprocess.run(["bash", "-n"], input=found["curl"], text=True, check=True)
    ast.parse(found["python"])
    subprocess.run(["node", "--check", "--input-type=module"], input=found["fetch"], text=True, check=True)
    body = ast.literal_eval(re.search(r"json=(\{.*?\n    \}),", found["python"], re.S).group(1))  # type: ignore[union-attr]
    assert body["payload"]["contact"]["ssn"] == "13116900216"


def test_another_accounts_profile_and_odd_names_are_not_found(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    other = svc.stores.tenants.create_tenant("other", "Other Clinic")
    create_profile(
        svc,
        "other",
        devseed.DEV_KEYSET,
        ["https://rp.other.test"],
        name="theirs",
        kind="generic",
        delivery_mode="query",
        issuer="https://broker.test",
        audience="rp",
        rp_url="https://rp.other.test/sso",
    )
    assert other.id != _dev_tenant(svc)
    signed_in_as(client, svc, _dev_tenant(svc), OWNER, Role.OWNER)
    for path in ("theirs", "%00", "x" * 5000, "%E2%80%AE", "exorlive-go%00"):
        response = client.get(f"/console/profiles/{path}")
        assert response.status_code == 404, path
        assert "No such profile" in response.get_data(as_text=True)
    assert client.post("/console/profiles/exorlive-go").status_code == 405


@pytest.mark.parametrize("path", ["/console/profiles", "/console/profiles/exorlive-go"])
def test_signed_out_goes_to_sign_in(client: FlaskClient, creds: dict[str, Any], path: str) -> None:
    response = client.get(path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/console/sign-in"
