"""SMTP settings from one URL (SMTP_URL): scheme, host, port, credentials, sender, timeout."""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
from collections.abc import Callable
from email import policy
from email.headerregistry import Address
from typing import Literal
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from service.errors import ConfigError

log = logging.getLogger(__name__)

Security = Literal["plain", "starttls", "tls"]

_SCHEMES: dict[str, Security] = {"smtp": "plain", "smtp+starttls": "starttls", "smtps": "tls"}
# The ports registered for each kind of SMTP submission (RFC 8314: 465 implicit TLS, 587 STARTTLS).
_DEFAULT_PORTS: dict[Security, int] = {"plain": 25, "starttls": 587, "tls": 465}
_DEFAULT_TIMEOUT_SECONDS = 10.0
# Above this an admin's generateJWT call would hang longer than any client waits for it.
_MAX_TIMEOUT_SECONDS = 120.0
_QUERY_OPTIONS = frozenset({"from", "timeout", "starttls"})
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})


@dataclasses.dataclass(frozen=True)
class SmtpSettings:
    """Where and how to submit mail; parsed from one URL by `parse_smtp_url`."""

    host: str
    port: int
    security: Security
    sender: str  # The From header, e.g. "Broker <no-reply@example.com>".
    timeout: float = _DEFAULT_TIMEOUT_SECONDS
    username: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False)

    @property
    def sender_address(self) -> str:
        """The bare address of the sender, used as the envelope sender."""
        return sender_address(self.sender).addr_spec

    @property
    def redacted_url(self) -> str:
        """The settings as a URL without the password, for a start-up banner or a log line."""
        scheme = {"plain": "smtp", "starttls": "smtp+starttls", "tls": "smtps"}[self.security]
        user = f"{self.username}:***@" if self.username else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{user}{host}:{self.port}"


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sender_address(value: str) -> Address:
    """The one address of a From value, or ValueError."""
    if any(ch in value for ch in "\r\n"):
        raise ValueError("contains a line break")
    header = policy.default.header_factory("From", value)
    addresses: tuple[Address, ...] = tuple(getattr(header, "addresses", ()))
    if len(addresses) != 1 or header.defects or "@" not in addresses[0].addr_spec or not addresses[0].domain:
        raise ValueError("is not one mail address")
    return addresses[0]


def _flag(setting: str, name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{setting}: the option {name}= must be true or false")


# What the URL itself must be, checked in this order; each message follows the setting's name.
_URL_RULES: tuple[tuple[Callable[[SplitResult], bool], str], ...] = (
    (lambda parts: parts.scheme.lower() not in _SCHEMES, " must start with smtp://, smtp+starttls:// or smtps://"),
    (lambda parts: not parts.hostname, " has no host"),
    (
        lambda parts: parts.path not in ("", "/") or bool(parts.fragment),
        " may not have a path or a fragment; options go in the query (?from=...)",
    ),
    (lambda parts: parts.port == 0, ": the port must be 1-65535"),
)


def _starttls(setting: str, raw: str, security: Security) -> Security:
    """`starttls=` upgrades smtp:// and may confirm smtp+starttls://; it contradicts smtps://."""
    starttls = _flag(setting, "starttls", raw)
    if security == "tls":
        raise ConfigError(f"{setting}: smtps:// is TLS from the first byte; starttls= does not apply")
    if security == "starttls" and not starttls:
        raise ConfigError(f"{setting}: smtp+starttls:// with starttls=false contradicts itself")
    return "starttls" if starttls else security


def _sender_option(setting: str, raw: str) -> str:
    if not raw:
        raise ConfigError(f"{setting} needs the sender address: add ?from=no-reply%40example.com")
    try:
        sender_address(raw)
    except ValueError as error:
        example = "from=Broker%20%3Cno-reply%40example.com%3E"
        raise ConfigError(f"{setting}: from= {error}; percent-encode it, e.g. {example}") from None
    return raw


def _timeout_option(setting: str, raw: str | None) -> float:
    if raw is None:
        return _DEFAULT_TIMEOUT_SECONDS
    try:
        timeout = float(raw)
    except ValueError:
        raise ConfigError(f"{setting}: timeout= must be a number of seconds") from None
    if not 0 < timeout <= _MAX_TIMEOUT_SECONDS:
        raise ConfigError(f"{setting}: timeout= must be more than 0 and at most {_MAX_TIMEOUT_SECONDS:g} seconds")
    return timeout


def _query_options(setting: str, query: str) -> dict[str, str]:
    """The query's options, each known and given once."""
    options: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in _QUERY_OPTIONS:
            allowed = ", ".join(sorted(_QUERY_OPTIONS))
            raise ConfigError(f"{setting}: unknown option {name!r} (allowed: {allowed})")
        if name in options:
            raise ConfigError(f"{setting}: the option {name}= is given twice")
        options[name] = value
    return options


def _credentials(setting: str, parts: SplitResult, security: Security, host: str) -> tuple[str | None, str | None]:
    """(user, password): both or neither, and never sent in clear beyond this machine."""
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    if username and not password:
        raise ConfigError(f"{setting} names a user but no password (smtp://user:password@host)")
    if password and not username:
        raise ConfigError(f"{setting} has a password but no user name")
    # A password sent without TLS can be read on the way; only the same machine is exempt (a local relay).
    if username and security == "plain" and not _is_loopback(host):
        raise ConfigError(
            f"{setting} would send the SMTP password unencrypted; use smtps:// or smtp+starttls:// (or ?starttls=true)"
        )
    return username, password


def parse_smtp_url(url: str, setting: str = "SMTP_URL") -> SmtpSettings:
    """SmtpSettings from `smtp://`, `smtp+starttls://` or `smtps://` URLs; ConfigError naming `setting`.

    Messages never repeat the URL, since it may hold a password.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ConfigError(f"{setting} is not a valid URL (check the host and that the port is 1-65535)") from None
    for broken, message in _URL_RULES:
        if broken(parts):
            raise ConfigError(setting + message)
    host = parts.hostname or ""
    options = _query_options(setting, parts.query)
    security = _SCHEMES[parts.scheme.lower()]
    if "starttls" in options:
        security = _starttls(setting, options["starttls"], security)
    sender = _sender_option(setting, options.get("from", ""))
    timeout = _timeout_option(setting, options.get("timeout"))
    username, password = _credentials(setting, parts, security, host)
    return SmtpSettings(
        host=host,
        port=port or _DEFAULT_PORTS[security],
        security=security,
        sender=sender,
        timeout=timeout,
        username=username,
        password=password,
    )
