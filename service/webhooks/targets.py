"""Where a webhook may go: https (http only to loopback outside production), and in production never into
the broker's own network: every address a host resolves to must be public, at registration and again at each
delivery, and the delivery connects to the address that was checked (no SSRF through a DNS change)."""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from service.errors import WebhookUrlRefused

# host, port -> the addresses it resolves to (as text).
Resolver = Callable[[str, int], list[str]]
MAX_URL_LENGTH = 2048
_LOOPBACK_NAMES = ("localhost",)


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclasses.dataclass(frozen=True)
class Target:
    """A checked webhook URL, and the address to connect to."""

    scheme: str
    host: str
    port: int
    path: str  # with the query, if any
    address: str

    @property
    def pinned_url(self) -> str:
        """The URL with the checked address in place of the host name (the name goes in Host and SNI)."""
        literal = f"[{self.address}]" if ":" in self.address else self.address
        return f"{self.scheme}://{literal}:{self.port}{self.path}"

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == default else f"{name}:{self.port}"


class AddressRefused(Exception):
    """At delivery: the host resolves to an address the broker must not call, or does not resolve."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


# IPv6 prefixes that carry an IPv4 address inside (NAT64, IPv4-compatible) or are deprecated site-local, and the
# IPv4 block of IETF protocol assignments: Python's `is_global` calls some of them global.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")
_IETF_PROTOCOL = ipaddress.ip_network("192.0.0.0/24")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one reaches through (6to4, Teredo, NAT64, IPv4-compatible), if any."""
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(text: str) -> bool:
    """Globally routable unicast: not loopback, private, link-local (cloud metadata), shared, reserved or multicast,
    nor an IPv6 address that wraps such an IPv4 address (a DNS64 answer on an IPv6-only subnet, say)."""
    address = _ip(text)
    if address is None or not address.is_global or address.is_multicast:
        return False
    if isinstance(address, ipaddress.IPv4Address):
        return address not in _IETF_PROTOCOL
    if address in _SITE_LOCAL or address in _NAT64_LOCAL:
        return False
    inner = _embedded_ipv4(address)
    return inner is None or is_public(str(inner))


def _is_loopback_host(host: str) -> bool:
    address = _ip(host)
    return host.lower() in _LOOPBACK_NAMES if address is None else address.is_loopback


def _refuse(message: str) -> WebhookUrlRefused:
    return WebhookUrlRefused("The webhook URL is not allowed.", errors={"url": [message]})


class UrlPolicy:
    def __init__(self, production: bool, resolver: Resolver = system_resolver) -> None:
        self._production = production
        self._resolver = resolver

    def _parts(self, url: str) -> tuple[str, str, int, str]:
        if len(url) > MAX_URL_LENGTH:
            raise _refuse(f"At most {MAX_URL_LENGTH} characters.")
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise _refuse("Not a valid URL.") from None
        host = parts.hostname or ""
        if not host.isascii():
            # An internationalised name goes on the wire (DNS, SNI, the certificate, Host) as its IDNA form.
            try:
                host = host.encode("idna").decode("ascii")
            except UnicodeError:
                raise _refuse("Not a valid host name.") from None
        if parts.scheme not in ("https", "http") or not host:
            raise _refuse("An https:// URL with a host.")
        if parts.username is not None or parts.password is not None:
            raise _refuse("No user name or password in the URL.")
        if parts.fragment or any(ord(char) < 33 or ord(char) == 127 for char in url):
            raise _refuse("No fragment, spaces or control characters.")
        if parts.scheme == "http" and (self._production or not _is_loopback_host(host)):
            raise _refuse("Must be https (http only to loopback, and only outside production).")
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return parts.scheme, host, port or (443 if parts.scheme == "https" else 80), path

    def _addresses(self, host: str, port: int) -> list[str]:
        if _ip(host) is not None:
            return [host]
        try:
            return self._resolver(host, port)
        except (OSError, UnicodeError):
            return []

    def check(self, url: str) -> None:
        """At registration: WebhookUrlRefused (422) for a URL the broker would not call."""
        _scheme, host, port, _path = self._parts(url)
        if not self._production:
            return
        addresses = self._addresses(host, port)
        if not addresses:
            raise _refuse("The host does not resolve.")
        if not all(is_public(address) for address in addresses):
            raise _refuse("The host resolves to a loopback, private, link-local or otherwise internal address.")

    def resolve(self, url: str) -> Target:
        """At delivery: the address to connect to, checked now; AddressRefused if there is none the broker may use."""
        try:
            scheme, host, port, path = self._parts(url)
        except WebhookUrlRefused:
            raise AddressRefused("url_not_allowed") from None
        addresses = self._addresses(host, port)
        if not addresses:
            raise AddressRefused("dns_failed")
        if self._production and not all(is_public(address) for address in addresses):
            raise AddressRefused("address_not_allowed")
        return Target(scheme=scheme, host=host, port=port, path=path, address=addresses[0])
