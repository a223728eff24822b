"""`flask --app service console idp`: a tenant's identity provider, set, shown and removed; one-line errors."""

from __future__ import annotations

import json

import pytest
from flask import Flask

from service.console.users import Role
from service.wiring import Services
from tests.support.api import BROKER_URL
from tests.support.cli import last_json, run

GOOD = [
    "--issuer", "https://login.clinic.example/",
    "--client-id", "broker-console",
    "--allowed-domains", "Clinic.Example,physio.example",
    "--default-role", "admin",
]  # fmt: skip


def _set(app: Flask, tenant: str, *extra: str) -> tuple[int, str]:
    result = app.test_cli_runner().invoke(args=["console", "idp", "set", "--tenant", tenant, *extra])
    return result.exit_code, result.output


def test_set_prints_one_json_line_with_the_redirect_uri_and_no_secret(app: Flask, svc: Services) -> None:
    runner = app.test_cli_runner()
    run(runner, "tenants", "create", "acme")
    result = run(runner, "console", "idp", "set", "--tenant", "acme", *GOOD, "--client-secret-env", "ACME_IDP_SECRET")
    assert len(result.stdout.strip().splitlines()) == 1
    assert last_json(result.stdout) == {
        "tenant": "acme",
        "issuer": "https://login.clinic.example/",
        "clientId": "broker-console",
        "clientSecretEnv": "ACME_IDP_SECRET",
        "allowedDomains": ["clinic.example", "physio.example"],
        "defaultRole": "admin",
        "redirectUri": f"{BROKER_URL}/console/sign-in/oidc/callback",
    }
    shown = last_json(run(runner, "console", "idp", "show", "--tenant", "acme").stdout)
    assert shown["allowedDomains"] == ["clinic.example", "physio.example"]
    tenant = svc.stores.tenants.tenant_by_name("acme")
    provider = svc.console.identity_providers.for_address("Ann@PHYSIO.example")
    assert provider is not None
    assert provider.tenant_id == tenant.id
    assert provider.default_role is Role.ADMIN
    # Set again: replaced, with a Secrets Manager secret this time and other domains.
    again = run(
        runner, "console", "idp", "set", "--tenant", "acme", "--issuer", "https://idp.example", "--client-id", "c2",
        "--client-secret-id", "prod/console/acme-idp", "--allowed-domains", "acme.example", "--default-role", "viewer",
    )  # fmt: skip
    assert last_json(again.stdout)["clientSecretId"] == "prod/console/acme-idp"
    assert "clientSecretEnv" not in last_json(again.stdout)
    assert svc.console.identity_providers.for_address("ann@physio.example") is None
    assert last_json(run(runner, "console", "idp", "remove", "--tenant", "acme").stdout) == {
        "tenant": "acme",
        "removed": True,
    }
    assert svc.console.identity_providers.for_address("ann@acme.example") is None
    missing = runner.invoke(args=["console", "idp", "show", "--tenant", "acme"])
    assert missing.exit_code == 1
    assert "has no identity provider" in missing.output


def test_a_domain_belongs_to_one_tenant_only(app: Flask) -> None:
    runner = app.test_cli_runner()
    run(runner, "tenants", "create", "acme")
    run(runner, "tenants", "create", "other")
    run(runner, "console", "idp", "set", "--tenant", "acme", *GOOD, "--client-secret-env", "A")
    code, output = _set(app, "other", *GOOD[:-4], "--allowed-domains", "x.example,PHYSIO.example.", "--default-role",
                        "admin", "--client-secret-env", "B")  # fmt: skip
    assert code == 1
    assert (
        output.strip() == "Error: --allowed-domains: physio.example already signs in through another tenant's provider."
    )
    # The tenant that holds it may set it again.
    run(runner, "console", "idp", "set", "--tenant", "acme", *GOOD, "--client-secret-env", "A")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"--issuer": "http://login.clinic.example"}, "--issuer"),
        ({"--issuer": "not a url"}, "--issuer"),
        ({"--issuer": "https://login.clinic.example/?tenant=1"}, "--issuer"),
        ({"--issuer": "https://user:pw@login.clinic.example"}, "--issuer"),
        ({"--issuer": "https://login.clinic.example:99999"}, "--issuer"),
        ({"--issuer": "https://x\x00.example"}, "--issuer"),
        ({"--issuer": "https://" + "a" * 600 + ".example"}, "--issuer"),
        ({"--client-id": ""}, "--client-id"),
        ({"--client-id": "has space"}, "--client-id"),
        ({"--client-id": "x" * 300}, "--client-id"),
        ({"--allowed-domains": ""}, "--allowed-domains"),
        ({"--allowed-domains": ","}, "--allowed-domains"),
        ({"--allowed-domains": "clinic"}, "--allowed-domains"),
        ({"--allowed-domains": "ann@clinic.example"}, "--allowed-domains"),
        ({"--allowed-domains": "clinic.example,bad_domain.example"}, "--allowed-domains"),
        ({"--allowed-domains": ",".join(f"d{i}.example" for i in range(51))}, "--allowed-domains"),
        ({"--default-role": "god"}, "--default-role"),
    ],
)
def test_bad_options_are_one_line_naming_the_option(app: Flask, change: dict[str, str], named: str) -> None:
    run(app.test_cli_runner(), "tenants", "create", "acme")
    options = dict(zip(GOOD[::2], GOOD[1::2], strict=True)) | change
    code, output = _set(app, "acme", *[part for pair in options.items() for part in pair], "--client-secret-env", "S")
    assert code != 0
    assert named in output
    # Ours are one line; click's own (a bad choice) ends with its one Error line after the usage.
    assert output.strip().splitlines()[-1].startswith("Error: ")
    assert len(output.strip().splitlines()) == 1 or code == 2
    assert "Traceback" not in output


@pytest.mark.parametrize(
    "secret",
    [
        [],
        ["--client-secret-env", "A", "--client-secret-id", "b"],
        ["--client-secret-env", "1BAD"],
        ["--client-secret-env", "HAS SPACE"],
        ["--client-secret-id", "has space"],
    ],
)
def test_exactly_one_well_formed_secret_reference(app: Flask, secret: list[str]) -> None:
    run(app.test_cli_runner(), "tenants", "create", "acme")
    code, output = _set(app, "acme", *GOOD, *secret)
    assert code == 1
    assert "--client-secret" in output
    assert len(output.strip().splitlines()) == 1


def test_an_unknown_tenant_is_one_line(app: Flask) -> None:
    code, output = _set(app, "nobody", *GOOD, "--client-secret-env", "A")
    assert code == 1
    assert output.strip() == "Error: No tenant named 'nobody'."


def test_show_prints_no_secret_even_when_the_variable_is_set(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_IDP_SECRET", "the-real-secret")
    runner = app.test_cli_runner()
    run(runner, "tenants", "create", "acme")
    output = run(runner, "console", "idp", "set", "--tenant", "acme", *GOOD, "--client-secret-env", "ACME_IDP_SECRET")
    shown = run(runner, "console", "idp", "show", "--tenant", "acme")
    assert "the-real-secret" not in output.stdout + shown.stdout
    assert json.loads(shown.stdout)["clientSecretEnv"] == "ACME_IDP_SECRET"
