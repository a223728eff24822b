"""`links`: list, revoke, purge."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask.testing import FlaskClient

from service.links.models import LaunchLink
from service.wiring import Services
from tests.support.api import generate
from tests.support.links import FROM_ITS_PAGE
from tests.support.privacy import WATCH


def test_cli_lists_revokes_and_purges(app: Flask, client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    runner = app.test_cli_runner()
    used = generate(client, creds, "exorlive-main").get_json()["url"]
    kept = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json()["url"]
    WATCH.watch(used.rsplit("/", 1)[1], kept.rsplit("/", 1)[1])
    client.post(urlsplit(used).path, headers=FROM_ITS_PAGE)
    listed = [json.loads(line) for line in runner.invoke(args=["links", "list", "--tenant", "dev"]).stdout.splitlines()]
    assert sorted(link["state"] for link in listed) == ["usable", "used"]
    purged = json.loads(runner.invoke(args=["links", "purge"]).stdout.splitlines()[-1])
    assert purged["linksPurged"] == 1
    with svc.db.session() as session:
        sealed = {row.uses: row.sealed_payload for row in session.query(LaunchLink)}
    assert sealed[1] is None
    assert sealed[0] is not None
    usable = next(link for link in listed if link["state"] == "usable")
    result = runner.invoke(args=["links", "revoke", usable["id"]])
    assert json.loads(result.stdout.splitlines()[-1])["state"] == "revoked"
    assert json.loads(runner.invoke(args=["links", "purge"]).stdout.splitlines()[-1])["linksPurged"] == 1
    assert client.get(urlsplit(kept).path).status_code == 410


# --- the CLI -------------------------------------------------------------------------------------------------
