"""SMTP_URL: scheme, port, TLS, credentials and sender parsed, and every bad URL refused without its password."""

from __future__ import annotations

import pytest

from service.email.settings import parse_smtp_url
from service.errors import ConfigError
from tests.support.mail import (
    FROM_QUERY,
    PASSWORD,
    SENDER,
)


def test_plain_smtp_url_defaults_to_port_25_and_10_seconds() -> None:
    settings = parse_smtp_url("smtp://mail.example.com?from=no-reply%40example.com")
    assert (settings.host, settings.port, settings.security) == ("mail.example.com", 25, "plain")
    assert settings.timeout == 10
    assert settings.username is None
    assert settings.password is None
    assert settings.sender == settings.sender_address == "no-reply@example.com"


@pytest.mark.parametrize(
    ("url", "port"),
    [
        ("smtp+starttls://mail.example.com?from=a%40example.com", 587),
        ("smtp://mail.example.com?starttls=true&from=a%40example.com", 587),
        ("smtp://mail.example.com:2525?starttls=true&from=a%40example.com", 2525),
        ("SMTP+STARTTLS://mail.example.com:25?starttls=true&from=a%40example.com", 25),
    ],
)
def test_starttls_by_scheme_or_option_defaults_to_port_587(url: str, port: int) -> None:
    settings = parse_smtp_url(url)
    assert settings.security == "starttls"
    assert settings.port == port


def test_smtps_is_implicit_tls_on_port_465() -> None:
    settings = parse_smtp_url("smtps://mail.example.com?from=a%40example.com&timeout=2.5")
    assert (settings.security, settings.port, settings.timeout) == ("tls", 465, 2.5)


def test_credentials_and_sender_are_percent_decoded_and_the_password_is_never_shown() -> None:
    settings = parse_smtp_url(f"smtps://user%40example.com:{PASSWORD}%3A%40x@mail.example.com:1465?{FROM_QUERY}")
    assert settings.username == "user@example.com"
    assert settings.password == f"{PASSWORD}:@x"
    assert settings.sender == SENDER
    assert settings.sender_address == "no-reply@broker.example"
    assert PASSWORD not in repr(settings)
    assert PASSWORD not in settings.redacted_url
    assert settings.redacted_url == "smtps://user@example.com:***@mail.example.com:1465"


def test_ipv6_host_and_loopback_credentials_without_tls_are_accepted() -> None:
    # A relay on the same machine may take a password in the clear: nothing crosses a network.
    settings = parse_smtp_url(f"smtp://u:{PASSWORD}@[::1]:2525?from=a%40example.com")
    assert (settings.host, settings.port, settings.username) == ("::1", 2525, "u")
    assert settings.redacted_url == "smtp://u:***@[::1]:2525"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"http://u:{PASSWORD}@mail.example.com?from=a%40example.com", "must start with smtp://"),
        (f"smtp://u:{PASSWORD}@?from=a%40example.com", "has no host"),
        (f"smtps://u:{PASSWORD}@mail.example.com", "needs the sender address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=", "needs the sender address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=not-an-address", "from= is not one mail address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com%2C%20b%40y.com", "from= is not one mail address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com%0D%0ABcc%3A%20b%40y.com", "line break"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&verify=no", "unknown option 'verify'"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&from=b%40x.com", "given twice"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&timeout=soon", "timeout= must be a number"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&timeout=0", "more than 0"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&timeout=600", "at most 120"),
        (f"smtps://u:{PASSWORD}@mail.example.com:99999?from=a%40x.com", "1-65535"),
        (f"smtps://u:{PASSWORD}@mail.example.com:0?from=a%40x.com", "1-65535"),
        (f"smtps://u:{PASSWORD}@mail.example.com:smtp?from=a%40x.com", "1-65535"),
        (f"smtps://u:{PASSWORD}@mail.example.com/relay?from=a%40x.com", "path"),
        ("smtps://u@mail.example.com?from=a%40x.com", "no password"),
        (f"smtps://:{PASSWORD}@mail.example.com?from=a%40x.com", "no user name"),
        (f"smtp://u:{PASSWORD}@mail.example.com?from=a%40x.com", "unencrypted"),
        (f"smtp://u:{PASSWORD}@mail.example.com?starttls=false&from=a%40x.com", "unencrypted"),
        (f"smtp://u:{PASSWORD}@mail.example.com?starttls=maybe&from=a%40x.com", "must be true or false"),
        (f"smtps://u:{PASSWORD}@mail.example.com?starttls=true&from=a%40x.com", "does not apply"),
        (f"smtp+starttls://u:{PASSWORD}@mail.example.com?starttls=false&from=a%40x.com", "contradicts"),
    ],
)
def test_invalid_smtp_urls_are_refused_without_showing_the_password(url: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_smtp_url(url)
    message = str(caught.value)
    assert expected in message
    assert message.startswith("SMTP_URL")
    assert PASSWORD not in message


def test_config_errors_name_the_setting_they_came_from() -> None:
    with pytest.raises(ConfigError, match=r"^BROKER_SMTP_URL has no host"):
        parse_smtp_url("smtp://?from=a%40x.com", setting="BROKER_SMTP_URL")
