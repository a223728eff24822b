"""`flask --app service keysets`: signing keys held in AWS Secrets Manager, and their rotation."""

from __future__ import annotations

import json

import click

from service.cli_support import CommandGroup, current_services, echo_rows, friendly
from service.errors import BrokerError
from service.keys import rotation
from service.keys.jwks import keyset_ref
from service.keys.material import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_RSA_BITS
from service.keys.setup import check_secret, create_keyset
from service.keys.source import KeysetRef
from service.wiring import Services, sweeper

keysets_cli = CommandGroup("keysets", help="Signing keys held in AWS Secrets Manager.")


@keysets_cli.command("create")
@click.argument("name")
@click.option("--alg", type=click.Choice(ALGORITHMS), default=DEFAULT_ALGORITHM, show_default=True)
@click.option("--rsa-bits", type=int, default=DEFAULT_RSA_BITS, show_default=True)
@click.option("--secret-name", help="Secrets Manager name; default sso-token-broker/keysets/NAME.")
@click.option("--default", "is_default", is_flag=True, help="Serve it at /.well-known/jwks.json.")
@friendly
def keysets_create(name: str, alg: str, rsa_bits: int, secret_name: str | None, is_default: bool) -> None:
    """Generate a key and store it (base64 PEM) as a new Secrets Manager secret."""
    keyset, kid = create_keyset(current_services(), name, alg, rsa_bits, secret_name, is_default)
    click.echo(json.dumps({"name": keyset.name, "alg": keyset.alg, "secretId": keyset.secret_id, "kid": kid}))


@keysets_cli.command("import")
@click.argument("name")
@click.option("--secret-id", required=True, help="Name or ARN of an existing secret holding the private key.")
@click.option("--alg", type=click.Choice(ALGORITHMS), default=DEFAULT_ALGORITHM, show_default=True)
@click.option("--default", "is_default", is_flag=True)
@friendly
def keysets_import(name: str, secret_id: str, alg: str, is_default: bool) -> None:
    """Register a keyset for an existing secret, after checking its key is usable for ALG."""
    kid = check_secret(current_services(), name, secret_id, alg)
    keyset = current_services().stores.keysets.add_keyset(name, secret_id, alg, is_default)
    click.echo(json.dumps({"name": keyset.name, "alg": keyset.alg, "secretId": keyset.secret_id, "kid": kid}))


@keysets_cli.command("list")
def keysets_list() -> None:
    svc = current_services()
    rows = []
    for keyset in svc.stores.keysets.list_keysets():
        try:
            kids = [key.kid for key in svc.key_source.published_keys(keyset_ref(keyset))]
        except BrokerError:
            kids = []
        rows.append(
            {
                "name": keyset.name,
                "alg": keyset.alg,
                "secretId": keyset.secret_id,
                "default": keyset.is_default,
                "publishedKids": kids,
            }
        )
    echo_rows(rows)


def _now() -> float:
    """The app's clock (tests move it)."""
    return float(current_services().clock())


def _rotation_context(name: str) -> tuple[Services, KeysetRef, rotation.RotationWindows]:
    svc = current_services()
    return (
        svc,
        keyset_ref(svc.stores.keysets.keyset_by_name(name)),
        rotation.RotationWindows.from_settings(svc.settings),
    )


@keysets_cli.command("rotate")
@click.argument("name")
@friendly
def keysets_rotate(name: str) -> None:
    """Add a new key as AWSPENDING: published in the JWKS at once, signing only after `keysets promote`."""
    svc, ref, windows = _rotation_context(name)
    kid = rotation.rotate(svc.secrets_client, ref, _now())
    wait = rotation.status(svc.secrets_client, ref, _now(), windows)["promote"]["allowedInSeconds"]
    click.echo(json.dumps({"name": name, "pendingKid": kid, "promoteAllowedInSeconds": wait}))
    click.echo(f"Key {kid} is published and pending; `keysets promote {name}` is allowed in {wait} s.", err=True)


@keysets_cli.command("promote")
@click.argument("name")
@click.option("--force", is_flag=True, help="Skip the publish and retire windows. Emergencies only.")
@friendly
def keysets_promote(name: str, force: bool) -> None:
    """Make the pending key sign (AWSCURRENT); the current key becomes AWSPREVIOUS and stays published."""
    svc, ref, windows = _rotation_context(name)
    try:
        result = rotation.promote(svc.secrets_client, ref, _now(), windows=windows, force=force)
    except rotation.RotationNotReady as error:
        raise click.ClickException(f"{error.detail} Or use --force.") from None
    click.echo(
        json.dumps(
            {
                "name": name,
                "currentKid": result.current_kid,
                "previousKid": result.previous_kid,
                "unpublishedKid": result.unpublished_kid,
                "forcedEarlyBySeconds": result.early_seconds,
            }
        )
    )
    # The tenants signing with it hear of it now (the dispatcher's sweep would tell them within a round).
    sweeper(svc).announce_signing_key(svc.stores.keysets.keyset_by_name(name), result.current_kid, result.previous_kid)
    if result.early_seconds:
        click.secho(
            f"WARNING: --force promoted kid {result.current_kid} {result.early_seconds} s before the rotation windows "
            f"allowed it. Relying parties holding a JWKS cached before that key was published (up to "
            f"{windows.jwks_max_age_seconds} s) reject its tokens until their copy expires"
            + (
                f", and tokens signed by kid {result.unpublished_kid} (no longer published) may be rejected "
                "until they expire."
                if result.unpublished_kid
                else "."
            ),
            err=True,
            fg="red",
            bold=True,
        )


@keysets_cli.command("status")
@click.argument("name")
@friendly
def keysets_status(name: str) -> None:
    """Each published stage's kid and age, the rotation windows, and when `keysets promote` is allowed."""
    svc, ref, windows = _rotation_context(name)
    click.echo(json.dumps(rotation.status(svc.secrets_client, ref, _now(), windows), indent=2))
