"""The console's read-mostly pages against a live broker: a profile's snippets run as pasted (curl, Python,
Node's fetch) and mint; axe-core finds nothing serious on Profiles, Keys, Webhooks, the Token inspector and
the Test inbox, in nb and en, on a phone and a desktop; code scrolls inside its box on a phone.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of every audited page.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import uuid
from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, Page
from playwright.sync_api import Response as PageResponse

from service.console.users import Role
from service.dev import seed as devseed
from service.keys import rotation
from service.keys.jwks import keyset_ref
from service.keys.material import DEFAULT_ALGORITHM, DEFAULT_RSA_BITS
from service.keys.setup import create_keyset
from service.profiles.setup import create_profile
from service.wiring import Services, dispatcher
from tests.support.accessibility import VIEWPORTS, audited_page, keep_screenshot, serious_violations
from tests.support.api import SEED_PAYLOADS
from tests.support.live import mint
from tests.support.privacy import WATCH
from tests.support.webhooks import Receiver

OWNER = devseed.DEV_CONSOLE_OWNER
LOCALES = ("nb", "en")
_SNIPPET = re.compile(r'<pre class="code"[^>]*data-testid="snippet-(\w+)"><code>(.*?)</code></pre>', re.S)
_URL = re.compile(r"^http://127\.0\.0\.1:\d+/\S+$")


def _session(live: dict[str, Any], address: str = OWNER, role: Role = Role.OWNER) -> str:
    svc: Services = live["svc"]
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    user = svc.console.users.in_tenant(tenant.id, address) or svc.console.users.add(tenant.id, address, role)
    return svc.console.sessions.start(user.id)


def _snippets(live: dict[str, Any], profile: str) -> dict[str, str]:
    page = requests.get(f"{live['base']}/console/profiles/{profile}", cookies={"console": _session(live)}, timeout=10)
    assert page.status_code == 200, page.text
    return {name: html.unescape(code) for name, code in _SNIPPET.findall(page.text)}


@pytest.mark.parametrize(("profile", "key"), [("exorlive-go-test", "testApiKey"), ("exorlive-main", "apiKey")])
def test_the_snippets_run_as_pasted_and_mint(live: dict[str, Any], profile: str, key: str) -> None:
    found = _snippets(live, profile)
    env = {**os.environ, "BROKER_API_KEY": live["creds"][key]}
    curl = subprocess.run(["bash", "-c", found["curl"]], env=env, capture_output=True, text=True, timeout=30)
    assert curl.returncode == 0, curl.stderr
    assert '"url"' in curl.stdout, curl.stdout
    python = subprocess.run(
        [sys.executable, "-c", found["python"]], env=env, capture_output=True, text=True, timeout=30
    )
    assert python.returncode == 0, python.stderr
    assert _URL.match(python.stdout.strip()), python.stdout
    node = subprocess.run(
        ["node", "--input-type=module", "-e", found["fetch"]], env=env, capture_output=True, text=True, timeout=30
    )
    assert node.returncode == 0, node.stderr
    assert _URL.match(node.stdout.strip()), node.stdout
    # Without the key, each says what the broker said rather than printing nothing.
    env["BROKER_API_KEY"] = "wrong"
    refused = subprocess.run(
        [sys.executable, "-c", found["python"]], env=env, capture_output=True, text=True, timeout=30
    )
    assert refused.returncode != 0
    assert "401 unauthorized" in refused.stderr


def _fixtures(live: dict[str, Any]) -> dict[str, str]:
    """What the pages show: a pending key, a webhook endpoint with a delivery, a kept test mail."""
    svc: Services = live["svc"]
    creds = live["creds"]
    # A keyset of its own with a key pending (the dev keyset signs for every test of the session).
    name = f"console-{uuid.uuid4().hex[:8]}"
    keyset, _ = create_keyset(svc, name, DEFAULT_ALGORITHM, DEFAULT_RSA_BITS, f"test/{name}", is_default=False)
    create_profile(
        svc,
        devseed.DEV_TENANT,
        name,
        [live["sandbox"]],
        name=name,
        kind="generic",
        delivery_mode="query",
        issuer=live["base"],
        audience="sandbox-rp",
        rp_url=f"{live['sandbox']}/partner/dev/landing",
    )
    rotation.rotate(svc.secrets_client, keyset_ref(keyset), live["clock"]())
    receiver = Receiver()
    admin = {"Authorization": f"Bearer {creds['adminApiKey']}"}
    body = {"url": receiver.url, "events": ["link.created"], "description": "Clinic booking system"}
    created = requests.post(f"{live['base']}/api/v1/webhooks", json=body, headers=admin, timeout=10).json()
    WATCH.watch(created["secret"])
    mint(live, "exorlive-go", key="adminApiKey", expireIn=600, email={"to": "babyyoda@galaxy.com"})
    with receiver.serving():
        assert dispatcher(svc).run_once() == 1
    test_mail = {
        "profileKey": creds["testProfiles"]["exorlive-go"],
        "payload": SEED_PAYLOADS["exorlive-go"],
        "expireIn": 600,
        "email": {"to": "babyyoda@galaxy.com"},
    }
    headers = {"Authorization": f"Bearer {creds['testApiKey']}"}
    made = requests.post(f"{live['base']}/api/v1/generateJWT", json=test_mail, headers=headers, timeout=10)
    assert made.status_code == 200, made.text
    WATCH.watch(made.json()["url"].rsplit("/", 1)[-1])
    token = mint(live, "generic")["token"]
    return {"endpoint": created["id"], "token": token}


def _signed_in(live: dict[str, Any], page: Page) -> None:
    page.context.add_cookies([{"name": "console", "value": _session(live), "url": live["base"]}])


# Each page of this file, with its status.
PAGES = {
    "profiles": 200,
    "profile": 200,
    "keys": 200,
    "webhooks": 200,
    "webhook": 200,
    "webhook-new-secret": 200,
    "inspector": 200,
    "inspector-report": 200,
    "test-inbox": 200,
    "no-such-profile": 404,
}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_passes_axe_and_fits_the_screen(
    live: dict[str, Any], browser: Browser, locale: str, viewport: str
) -> None:
    made = _fixtures(live)
    base = live["base"]
    found: dict[str, list[str]] = {}
    wide: dict[str, int] = {}
    with audited_page(browser, locale, viewport) as page:
        _signed_in(live, page)

        def check(name: str, response: PageResponse | None) -> None:
            assert response is not None, name
            assert response.status == PAGES[name], name
            assert page.locator("html").get_attribute("lang") == locale, name
            page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
            keep_screenshot(page, f"console-{name}-{locale}-{viewport}")
            found[name] = serious_violations(page)
            # The page never scrolls sideways: code scrolls inside its own box.
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > VIEWPORTS[viewport]["width"]:
                wide[name] = width

        check("profiles", page.goto(f"{base}/console/profiles"))
        check("profile", page.goto(f"{base}/console/profiles/exorlive-main-test"))
        if viewport == "390x844":
            curl = page.get_by_test_id("snippet-curl")
            assert curl.evaluate("e => e.scrollWidth > e.clientWidth")  # it scrolls, inside its box
        check("keys", page.goto(f"{base}/console/keys"))
        check("webhooks", page.goto(f"{base}/console/webhooks"))
        check("webhook", page.goto(f"{base}/console/webhooks/{made['endpoint']}"))
        with page.expect_navigation() as navigation:
            page.get_by_test_id("rotate-secret").click()
        check("webhook-new-secret", navigation.value)
        WATCH.watch(page.get_by_test_id("secret").inner_text())
        check("inspector", page.goto(f"{base}/console/inspector"))
        page.locator("#token").fill(made["token"])
        page.locator("#profile").select_option("generic")
        with page.expect_navigation() as navigation:
            page.get_by_test_id("inspect").click()
        check("inspector-report", navigation.value)
        assert made["token"] not in page.url
        check("test-inbox", page.goto(f"{base}/console/test-inbox"))
        check("no-such-profile", page.goto(f"{base}/console/profiles/nope"))
    assert found == {name: [] for name in PAGES}
    assert wide == {}
