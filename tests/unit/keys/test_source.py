"""The key source: each secret parsed once, the published stages, and no usable key as KeyUnavailable."""

from __future__ import annotations

import pytest

from service.errors import KeyUnavailable
from service.keys.material import encode_secret_string, generate_private_key_pem
from service.keys.source import KeysetRef, KeySource


class FakeSecrets:
    """A secrets reader by stage, counting reads; stands in for the cache in unit tests."""

    def __init__(self, stages: dict[str, str]) -> None:
        self.stages = stages
        self.reads = 0
        self.fail = False

    def get_secret_string(self, secret_id: str, version_stage: str | None = None) -> str | None:
        self.reads += 1
        if self.fail:
            raise ConnectionError("secrets manager unreachable")
        return self.stages.get(version_stage or "AWSCURRENT")


REF = KeysetRef(name="ks", secret_id="sso/ks", alg="ES256")


def test_key_source_parses_each_secret_once() -> None:
    secrets = FakeSecrets({"AWSCURRENT": encode_secret_string(generate_private_key_pem("ES256"))})
    source = KeySource(secrets)
    first = source.signing_key(REF)
    assert all(source.signing_key(REF) is first for _ in range(50))


def test_published_keys_are_current_pending_and_previous_without_duplicates() -> None:
    current, pending, previous = (generate_private_key_pem("ES256") for _ in range(3))
    source = KeySource(FakeSecrets({"AWSCURRENT": current, "AWSPENDING": pending, "AWSPREVIOUS": previous}))
    kids = [key.kid for key in source.published_keys(REF)]
    assert len(set(kids)) == 3
    assert kids[0] == source.signing_key(REF).kid
    same = KeySource(FakeSecrets({"AWSCURRENT": current, "AWSPREVIOUS": current}))
    assert len(same.published_keys(REF)) == 1


def test_no_usable_key_is_key_unavailable_never_an_empty_set() -> None:
    secrets = FakeSecrets({})
    source = KeySource(secrets)
    with pytest.raises(KeyUnavailable):
        source.signing_key(REF)
    with pytest.raises(KeyUnavailable):
        source.published_keys(REF)
    secrets.stages["AWSCURRENT"] = "garbage" * 20
    with pytest.raises(KeyUnavailable):
        source.published_keys(REF)
    secrets.fail = True
    with pytest.raises(KeyUnavailable):
        source.signing_key(REF)
