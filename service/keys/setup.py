"""Setting up keysets: a new key generated into a new secret, or an existing secret's key checked before use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from service.errors import KeyMaterialError, ValidationFailed
from service.keys.material import encode_secret_string, generate_private_key_pem, parse_signing_key
from service.keys.models import Keyset
from service.keys.secrets_manager import create_secret

if TYPE_CHECKING:
    from service.wiring import Services

SECRET_NAME_PREFIX = "sso-token-broker/keysets/"  # noqa: S105 - a name prefix, not a secret


def check_secret(svc: Services, keyset_name: str, secret_id: str, alg: str) -> str:
    """Read a secret's AWSCURRENT key directly (no cache) and check it; returns its kid."""
    try:
        value = svc.secrets_client.get_secret_value(SecretId=secret_id, VersionStage="AWSCURRENT")
    except Exception as error:  # noqa: BLE001 - botocore raises many types; the name is enough here.
        raise KeyMaterialError(
            f"keyset {keyset_name!r}: cannot read secret {secret_id!r} ({type(error).__name__})"
        ) from None
    secret_string = value.get("SecretString")
    if not secret_string:
        raise KeyMaterialError(f"keyset {keyset_name!r}: secret {secret_id!r} has no SecretString")
    return parse_signing_key(secret_string, alg, keyset_name).kid


def store_new_key(svc: Services, keyset_name: str, secret_name: str, alg: str, rsa_bits: int) -> tuple[str, str]:
    """Generate a key, store it as a new secret, and return (secret ARN, kid)."""
    pem = generate_private_key_pem(alg, rsa_bits)
    kid = parse_signing_key(pem, alg, keyset_name).kid
    arn = create_secret(
        svc.secrets_client,
        secret_name,
        encode_secret_string(pem),
        f"SSO token broker signing key ({alg}) for {keyset_name}",
    )
    return arn, kid


def create_keyset(
    svc: Services, name: str, alg: str, rsa_bits: int, secret_name: str | None, is_default: bool
) -> tuple[Keyset, str]:
    """A new keyset with a freshly generated key in a new secret; returns it and its kid."""
    if svc.stores.keysets.find_keyset(name) is not None:
        raise ValidationFailed(f"A keyset named {name!r} already exists.")
    secret_name = secret_name or SECRET_NAME_PREFIX + name
    _arn, kid = store_new_key(svc, name, secret_name, alg, rsa_bits)
    # The name, not the ARN: a name stays valid if the secret is ever re-created (as in the emulator).
    return svc.stores.keysets.add_keyset(name, secret_name, alg, is_default), kid
