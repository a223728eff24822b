"""Each tenant's identity provider (OpenID Connect) for console sign-in, and the email domains that use it.

A tenant names its provider's issuer, the client id the provider gave this broker, where the client secret
is (an environment variable's name, or a Secrets Manager secret's id: the secret itself is never stored),
the email domains whose addresses sign in there (home-realm discovery), and the role of a person who signs in
for the first time. A domain belongs to one tenant at most, so an address leads to one provider.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import ipaddress
import os
import re
import urllib.parse
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError

from service.console.idp_store import IdentityProviderStore, ProviderRow
from service.console.users import Role, normalise_address
from service.errors import Conflict, ValidationFailed

CALLBACK_PATH = "/console/sign-in/oidc/callback"
MAX_DOMAINS = 50
_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")
_SECRET_ID = re.compile(r"^[A-Za-z0-9/_+=.@:-]{1,512}$")
_CLIENT_ID = re.compile(r"^[\x21-\x7e]{1,255}$")
_LOOPBACK_NAMES = {"localhost"}


class DomainTaken(Conflict):
    """An allowed domain already belongs to another tenant's provider."""


class SecretUnavailable(Exception):
    """The client secret's environment variable is unset, or Secrets Manager did not give it."""


@dataclasses.dataclass(frozen=True)
class Provider:
    """A tenant's identity provider, as sign-in uses it."""

    tenant_id: int
    issuer: str
    client_id: str
    secret_env: str | None
    secret_id: str | None
    default_role: Role
    domains: tuple[str, ...]
    updated_at: dt.datetime

    def describe(self) -> dict[str, Any]:
        """What `idp show` prints: never the secret, only where it is."""
        secret = {"clientSecretEnv": self.secret_env} if self.secret_env else {"clientSecretId": self.secret_id}
        return {
            "issuer": self.issuer,
            "clientId": self.client_id,
            **secret,
            "allowedDomains": list(self.domains),
            "defaultRole": self.default_role.value,
        }


def _provider(row: ProviderRow) -> Provider:
    return Provider(
        tenant_id=row.tenant_id,
        issuer=row.issuer,
        client_id=row.client_id,
        secret_env=row.secret_env,
        secret_id=row.secret_id,
        default_role=Role(row.default_role),
        domains=row.domains,
        updated_at=row.updated_at,
    )


def domain_of(address: str) -> str:
    """The domain of an address, as domains are kept (lower case, no trailing dot)."""
    return normalise_address(address).rpartition("@")[2].rstrip(".")


def _loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_issuer(issuer: str) -> str:
    """The issuer as kept (exactly as given: some end in a slash); ValidationFailed naming --issuer otherwise."""
    value = issuer.strip()
    try:
        parts = urllib.parse.urlsplit(value)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (a bad port raises ValueError)
    except ValueError:
        raise ValidationFailed("--issuer is not a URL (https://login.clinic.example).") from None
    if len(value) > 500 or parts.query or parts.fragment or parts.username or parts.password or not host:
        raise ValidationFailed("--issuer must be an https URL without query, fragment or credentials.")
    if parts.scheme != "https" and not (parts.scheme == "http" and _loopback(host)):
        raise ValidationFailed("--issuer must use https (plain http only on this machine's loopback, for tests).")
    if any(c.isspace() or ord(c) < 32 for c in value):
        raise ValidationFailed("--issuer must not hold spaces or control characters.")
    return value


def check_domains(domains: str) -> tuple[str, ...]:
    """The allowed domains, lower case, sorted, each once; ValidationFailed naming --allowed-domains otherwise."""
    found = sorted({d.strip().lower().rstrip(".") for d in domains.split(",") if d.strip()})
    if not found:
        raise ValidationFailed("--allowed-domains needs at least one domain (clinic.example).")
    if len(found) > MAX_DOMAINS:
        raise ValidationFailed(f"--allowed-domains takes at most {MAX_DOMAINS} domains.")
    bad = [d for d in found if not _DOMAIN.match(d)]
    if bad:
        raise ValidationFailed(f"--allowed-domains: {bad[0][:80]!r} is not a domain name (clinic.example).")
    return tuple(found)


class IdentityProviders:
    def __init__(
        self,
        store: IdentityProviderStore,
        public_base_url: str,
        secrets_client: Any,
        clock: Callable[[], float],
        environ: Callable[[str], str | None] = os.environ.get,
    ) -> None:
        self._store = store
        self._public_base_url = public_base_url.rstrip("/")
        self._secrets_client = secrets_client
        self._clock = clock
        self._environ = environ

    @property
    def redirect_uri(self) -> str:
        """The address to register at every provider: where it sends the browser back with a code."""
        return self._public_base_url + CALLBACK_PATH

    def set(
        self,
        tenant_id: int,
        *,
        issuer: str,
        client_id: str,
        secret_env: str | None,
        secret_id: str | None,
        domains: str,
        default_role: Role,
    ) -> Provider:
        """Set (or replace) the tenant's provider; ValidationFailed naming the bad option; DomainTaken."""
        if (secret_env is None) == (secret_id is None):
            raise ValidationFailed("Give one of --client-secret-env or --client-secret-id.")
        if secret_env is not None and not _ENV_NAME.match(secret_env):
            raise ValidationFailed("--client-secret-env must be an environment variable's name (IDP_CLIENT_SECRET).")
        if secret_id is not None and not _SECRET_ID.match(secret_id):
            raise ValidationFailed("--client-secret-id must be a Secrets Manager secret's name or ARN.")
        if not _CLIENT_ID.match(client_id):
            raise ValidationFailed("--client-id must be 1 to 255 printable characters without spaces.")
        row = ProviderRow(
            tenant_id=tenant_id,
            issuer=check_issuer(issuer),
            client_id=client_id,
            secret_env=secret_env,
            secret_id=secret_id,
            default_role=default_role.value,
            domains=check_domains(domains),
            updated_at=dt.datetime.fromtimestamp(self._clock(), dt.UTC),
        )
        self._check_domains_free(tenant_id, row.domains)
        try:
            self._store.put(row)
        except IntegrityError:
            self._check_domains_free(tenant_id, row.domains)
            raise
        return _provider(row)

    def _check_domains_free(self, tenant_id: int, domains: tuple[str, ...]) -> None:
        taken = sorted(d for d, owner in self._store.owners_of(domains).items() if owner != tenant_id)
        if taken:
            raise DomainTaken(f"--allowed-domains: {taken[0]} already signs in through another tenant's provider.")

    def of_tenant(self, tenant_id: int) -> Provider | None:
        row = self._store.for_tenant(tenant_id)
        return _provider(row) if row is not None else None

    def for_address(self, address: str) -> Provider | None:
        """Home-realm discovery: the provider of the address's domain, if a tenant has one."""
        row = self._store.for_domain(domain_of(address))
        return _provider(row) if row is not None else None

    def remove(self, tenant_id: int) -> bool:
        return self._store.remove(tenant_id)

    def client_secret(self, provider: Provider) -> str:
        """The client secret from where the provider's settings say it is; SecretUnavailable if it is not there."""
        if provider.secret_env is not None:
            value = self._environ(provider.secret_env)
            if not value:
                raise SecretUnavailable(f"environment variable {provider.secret_env} is not set")
            return value
        try:
            answer = self._secrets_client.get_secret_value(SecretId=provider.secret_id)
        except Exception as error:  # noqa: BLE001  (botocore's errors, or no answer: said without the secret)
            raise SecretUnavailable(
                f"Secrets Manager did not give {provider.secret_id}: {type(error).__name__}"
            ) from None
        value = answer.get("SecretString")
        if not isinstance(value, str) or not value:
            raise SecretUnavailable(f"Secrets Manager secret {provider.secret_id} holds no string")
        return value
