"""Administrative operations shared by the CLI and the dev seed: keysets, API keys, profiles."""

from __future__ import annotations

from typing import Any

from service.apikeys import credentials
from service.apikeys.settings import normalise_rate_limit
from service.errors import KeyMaterialError, ProfileNotFound, ValidationFailed
from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.keys.material import encode_secret_string, generate_private_key_pem, parse_signing_key
from service.keys.models import Keyset
from service.keys.secrets_manager import create_secret
from service.profiles.models import Profile
from service.profiles.origins import normalised_origin
from service.profiles.setup import check_display_name, check_people_settings, check_profile
from service.tenants.models import Tenant
from service.wiring import Services

SECRET_NAME_PREFIX = "sso-token-broker/keysets/"  # noqa: S105 - a name prefix, not a secret


def create_api_key(
    svc: Services,
    tenant_name: str,
    scopes: list[str],
    label: str,
    rate_limit: str | None = None,
    *,
    test: bool = False,
) -> str:
    """Create and return a new API key (a test-mode one with `test`): the only moment it exists in clear."""
    unknown = sorted(set(scopes) - set(credentials.SCOPES))
    if unknown:
        raise ValidationFailed(f"Unknown scopes: {', '.join(unknown)}.")
    administering = sorted(scope for scope in scopes if scope in credentials.ADMIN_SCOPES)
    if test and administering:
        raise ValidationFailed(
            f"A test key may not hold {', '.join(administering)}: it would reach live links, keys and webhooks. "
            "Give test keys links:long and links:email at most."
        )
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    api_key = credentials.new_api_key(test)
    svc.stores.api_keys.add_api_key(
        tenant.id,
        credentials.api_key_prefix(api_key),
        credentials.hash_api_key(api_key),
        sorted(set(scopes)),
        label,
        checked_rate_limit(rate_limit),
    )
    return api_key


def checked_rate_limit(rate_limit: str | None) -> str | None:
    """A per-key rate limit in canonical form; None or "default" for the broker's RATE_LIMIT."""
    if rate_limit is None or rate_limit.strip().lower() == "default":
        return None
    try:
        return normalise_rate_limit(rate_limit)
    except ValueError as error:
        raise ValidationFailed(f"Invalid rate limit: {error}.") from None


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


def create_profile(
    svc: Services,
    tenant_name: str,
    keyset_name: str | None,
    origins: list[str],
    *,
    name: str,
    kind: str,
    delivery_mode: str,
    issuer: str,
    audience: str,
    rp_url: str,
    rp_domain: str | None = None,
    max_ttl: int = MAX_TOKEN_TTL_SECONDS,
    check_ssn: bool = False,
    link_uses: int = 1,
    test: bool = False,
    **people: Any,
) -> Profile:
    """A new profile with a fresh public profile key; `people` are what pages and mails show (see PEOPLE_FIELDS)."""
    people = {name: value for name, value in people.items() if value is not None}
    check_profile(kind, delivery_mode, rp_url, max_ttl, origins, **_checked_people(people))
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    keyset = (
        svc.stores.keysets.default_keyset() if keyset_name is None else svc.stores.keysets.keyset_by_name(keyset_name)
    )
    return svc.stores.profiles.add_profile(
        tenant_id=tenant.id,
        keyset_id=keyset.id,
        name=name,
        profile_key=credentials.new_profile_key(),
        kind=kind,
        delivery_mode=delivery_mode,
        issuer=issuer,
        audience=audience,
        rp_url=rp_url,
        rp_domain=rp_domain,
        allowed_redirect_origins=[normalised_origin(o) for o in origins],
        max_token_ttl=max_ttl,
        check_ssn=check_ssn,
        link_max_uses=link_uses,
        test=test,
        **people,
    )


# What pages and mails show of a profile, settable at creation and later (`profiles update`).
PEOPLE_FIELDS = ("display_name", "refresh_url", "link_renewals", "locale", "time_zone")


def _checked_people(people: dict[str, Any]) -> dict[str, str | None]:
    unknown = set(people) - set(PEOPLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile settings: {sorted(unknown)}")
    return {name: people.get(name) for name in ("display_name", "refresh_url", "locale", "time_zone")}


def update_profile(svc: Services, tenant_name: str, name: str, **people: Any) -> Profile:
    """Change what pages and mails show of a profile; None leaves a setting as it is."""
    profile = svc.stores.profiles.find_profile(svc.stores.tenants.tenant_by_name(tenant_name).id, name)
    if profile is None:
        raise ProfileNotFound(f"No profile {name!r} in tenant {tenant_name!r}.")
    people = {field: value for field, value in people.items() if value is not None}
    errors = check_people_settings(profile.allowed_redirect_origins, **_checked_people(people))
    if errors:
        raise ValidationFailed("The profile is not valid.", errors=errors)
    svc.stores.profiles.update_profile(profile.id, **people)
    updated = svc.stores.profiles.find_profile(profile.tenant_id, name)
    assert updated is not None
    return updated


def create_tenant(svc: Services, name: str, display_name: str | None = None) -> Tenant:
    """A new tenant (a partner account); its display name checked as pages and mail headers need it."""
    if display_name is not None:
        _check_tenant_display_name(display_name)
    return svc.stores.tenants.create_tenant(name, display_name)


def set_tenant_display_name(svc: Services, name: str, display_name: str) -> Tenant:
    """Change the name people see on a tenant's pages and in its mails."""
    _check_tenant_display_name(display_name)
    return svc.stores.tenants.set_tenant_display_name(name, display_name)


def _check_tenant_display_name(display_name: str) -> None:
    errors = check_display_name(display_name)
    if errors:
        raise ValidationFailed("The tenant's display name is not valid.", errors={"displayName": errors})
