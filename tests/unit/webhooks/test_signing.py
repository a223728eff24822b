"""Standard Webhooks signatures, checked by the `standardwebhooks` package (not by our code); sealed secrets."""

from __future__ import annotations

import time

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from service.webhooks import signing


def test_a_signature_verifies_with_the_standard_library() -> None:
    secret = signing.new_secret()
    body = b'{"type":"link.used","timestamp":"2026-12-01T00:00:00Z","data":{}}'
    headers = signing.headers([secret], "msg_1", int(time.time()), body)
    assert Webhook(secret).verify(body, headers) == {
        "type": "link.used",
        "timestamp": "2026-12-01T00:00:00Z",
        "data": {},
    }
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body + b" ", headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.new_secret()).verify(body, headers)


def test_during_a_rotation_both_secrets_verify() -> None:
    old, new = signing.new_secret(), signing.new_secret()
    body = b"{}"
    headers = signing.headers([new, old], "msg_2", int(time.time()), body)
    assert len(headers["webhook-signature"].split(" ")) == 2
    Webhook(old).verify(body, headers)
    Webhook(new).verify(body, headers)


def test_secrets_are_sealed_to_their_endpoint_and_server_secret() -> None:
    secret = signing.new_secret()
    sealed = signing.seal_secret("server-secret-" * 3, "we_a", secret)
    assert secret.encode() not in sealed
    assert signing.unseal_secret("server-secret-" * 3, "we_a", sealed) == secret
    assert signing.unseal_secret("server-secret-" * 3, "we_b", sealed) is None
    assert signing.unseal_secret("another-secret-" * 3, "we_a", sealed) is None
