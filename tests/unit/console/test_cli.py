"""`flask --app service console users list|set-role|remove`: the Users page's service from the command line."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask

from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services


def _run(app: Flask, *args: str) -> Any:
    return app.test_cli_runner().invoke(args=["console", "users", *args])


def test_list_set_role_and_remove_never_print_an_address(app: Flask, svc: Services, creds: dict[str, Any]) -> None:
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    viewer = svc.console.users.add(tenant.id, "viewer@dev.example", Role.VIEWER)
    listed = _run(app, "list", "--tenant", devseed.DEV_TENANT)
    assert listed.exit_code == 0, listed.output
    assert "dev.example" not in listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [(row["role"], row["lastSignInAt"]) for row in rows] == [("owner", None), ("viewer", None)]
    changed = _run(app, "set-role", "--tenant", devseed.DEV_TENANT, viewer.public_id, "admin")
    assert changed.exit_code == 0, changed.output
    assert json.loads(changed.output)["role"] == "admin"
    removed = _run(app, "remove", "--tenant", devseed.DEV_TENANT, viewer.public_id)
    assert removed.exit_code == 0, removed.output
    assert svc.console.users.in_tenant(tenant.id, "viewer@dev.example") is None


def test_the_last_owner_and_unknown_ids_are_refused_in_one_line(
    app: Flask, svc: Services, creds: dict[str, Any]
) -> None:
    rows = _run(app, "list", "--tenant", devseed.DEV_TENANT).output
    owner_id = json.loads(rows.splitlines()[0])["id"]
    for args in (
        ("set-role", "--tenant", devseed.DEV_TENANT, owner_id, "viewer"),
        ("remove", "--tenant", devseed.DEV_TENANT, owner_id),
    ):
        refused = _run(app, *args)
        assert refused.exit_code == 1
        assert "last owner" in refused.output
        assert "Traceback" not in refused.output
    unknown = _run(app, "remove", "--tenant", devseed.DEV_TENANT, "cu_nosuchuser")
    assert unknown.exit_code == 1
    assert "no console user" in unknown.output
