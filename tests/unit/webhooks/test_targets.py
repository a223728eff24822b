"""Where webhooks may go: https, http only to loopback outside production, and in production no internal address,
at registration and again at delivery after DNS (a DNS change cannot turn an endpoint inward)."""

from __future__ import annotations

import pytest

from service.errors import WebhookUrlRefused
from service.webhooks.targets import AddressRefused, UrlPolicy, is_public


def _resolver(answers: dict[str, list[str]]) -> object:
    def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise OSError("no such host")
        return answers[host]

    return resolve


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "::1", "fd00:ec2::254", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1", "not-an-address",
    ],
)  # fmt: skip
def test_internal_addresses_are_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_are(address: str) -> None:
    assert is_public(address)


def test_outside_production_http_goes_only_to_loopback() -> None:
    policy = UrlPolicy(production=False, resolver=_resolver({}))  # type: ignore[arg-type]
    for url in ("http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:9/x", "https://10.0.0.1/x"):
        policy.check(url)
    with pytest.raises(WebhookUrlRefused):
        policy.check("http://hooks.example.com/x")


def test_production_refuses_http_and_internal_hosts_at_registration() -> None:
    resolver = _resolver({"hooks.example.com": ["93.184.215.14"], "inside.example.com": ["93.184.215.14", "10.0.0.5"]})
    policy = UrlPolicy(production=True, resolver=resolver)  # type: ignore[arg-type]
    policy.check("https://hooks.example.com/x")
    for url in (
        "http://127.0.0.1/x",
        "https://127.0.0.1/x",
        "https://localhost/x",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/x",
        "https://inside.example.com/x",  # one internal address among public ones is enough
        "https://nowhere.example.com/x",  # does not resolve
    ):
        with pytest.raises(WebhookUrlRefused) as refused:
            policy.check(url)
        assert refused.value.code == "webhook_url_not_allowed"


def test_a_dns_change_is_caught_at_delivery_and_the_checked_address_is_used() -> None:
    answers = {"hooks.example.com": ["93.184.215.14"]}
    policy = UrlPolicy(production=True, resolver=_resolver(answers))  # type: ignore[arg-type]
    policy.check("https://hooks.example.com/in?x=1")
    target = policy.resolve("https://hooks.example.com/in?x=1")
    assert (target.address, target.pinned_url, target.host_header) == (
        "93.184.215.14",
        "https://93.184.215.14:443/in?x=1",
        "hooks.example.com",
    )
    answers["hooks.example.com"] = ["127.0.0.1"]
    with pytest.raises(AddressRefused) as refused:
        policy.resolve("https://hooks.example.com/in?x=1")
    assert refused.value.reason == "address_not_allowed"
    answers.clear()
    with pytest.raises(AddressRefused) as unresolved:
        policy.resolve("https://hooks.example.com/in")
    assert unresolved.value.reason == "dns_failed"


def test_ipv6_targets_are_bracketed() -> None:
    policy = UrlPolicy(production=False, resolver=_resolver({}))  # type: ignore[arg-type]
    target = policy.resolve("http://[::1]:8080/x")
    assert (target.pinned_url, target.host_header) == ("http://[::1]:8080/x", "[::1]:8080")


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1: a DNS64 answer on an IPv6-only subnet reaches inside the VPC
        "64:ff9b::a9fe:a9fe",  # NAT64 of the metadata address 169.254.169.254
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "::7f00:1",  # IPv4-compatible 127.0.0.1
        "fec0::1",  # deprecated site-local
        "192.0.0.8",  # IETF protocol assignments
    ],
)
def test_ipv6_forms_that_wrap_an_internal_address_are_not_public(address: str) -> None:
    assert not is_public(address)


def test_nat64_of_a_public_address_is_public() -> None:
    assert is_public("64:ff9b::808:808")  # 8.8.8.8


def test_an_internationalised_host_is_called_by_its_idna_name() -> None:
    policy = UrlPolicy(production=True, resolver=_resolver({"xn--bcher-kva.example": ["93.184.216.34"]}))  # type: ignore[arg-type]
    policy.check("https://bücher.example/hooks")
    target = policy.resolve("https://bücher.example/hooks")
    assert (target.host, target.address) == ("xn--bcher-kva.example", "93.184.216.34")
    with pytest.raises(WebhookUrlRefused):
        policy.check("https://" + "ü" * 70 + ".example/hooks")  # a label too long for IDNA
