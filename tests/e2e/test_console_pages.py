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
from typing import Any

import pytest
import requests

from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services

OWNER = devseed.DEV_CONSOLE_OWNER
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
