"""/metrics in-process: exact counts of tokens, requests, links, Secrets Manager calls; no personal data in labels."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

import botocore.config
import pytest
from flask.testing import FlaskClient
from prometheus_client import CONTENT_TYPE_LATEST

from service import metrics
from service.errors import KeyUnavailable
from service.links.models import LaunchLink
from service.wiring import Services
from tests.support.api import generate
from tests.support.aws import secrets_client
from tests.support.links import FROM_ITS_PAGE
from tests.support.metrics import GENERATE_ROUTE, LINK_ROUTE, Samples, delta, minted, parse, requests_of, value
from tests.support.ports import free_port
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH


def scrape(client: FlaskClient) -> Samples:
    response = client.get("/metrics")
    assert response.status_code == 200
    return parse(response.get_data(as_text=True))


def link_path(response: Any) -> str:
    url = response.get_json()["url"]
    WATCH.watch(url.rsplit("/", 1)[1])
    return urlsplit(url).path


def test_metrics_are_prometheus_text_and_do_not_count_themselves(client: FlaskClient) -> None:
    client.get("/metrics")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == CONTENT_TYPE_LATEST
    samples = parse(response.get_data(as_text=True))
    assert not [key for key in samples if ("route", metrics.METRICS_PATH) in key[1]]


def test_generate_jwt_counts_tokens_and_latency_exactly(client: FlaskClient, creds: dict[str, Any]) -> None:
    before = scrape(client)
    for _ in range(3):
        assert generate(client, creds, "generic").status_code == 200
    assert generate(client, creds, "exorlive-go").status_code == 200
    assert generate(client, creds, "generic", profileKey="pk_" + "x" * 40).status_code == 404
    assert client.get("/healthz").status_code == 200
    after = scrape(client)

    assert delta(before, after, "broker_tokens_minted_total", **minted("generic")) == 3
    assert delta(before, after, "broker_tokens_minted_total", **minted("exorlive-go")) == 1
    # A request refused before minting (unknown profile) is a request, not a minting outcome.
    assert (
        sum(v for (name, _), v in after.items() if name == "broker_tokens_minted_total")
        - sum(v for (name, _), v in before.items() if name == "broker_tokens_minted_total")
        == 4
    )
    count = "broker_request_duration_seconds_count"
    assert delta(before, after, count, **requests_of(GENERATE_ROUTE, "POST", 200)) == 4
    assert delta(before, after, count, **requests_of(GENERATE_ROUTE, "POST", 404)) == 1
    assert delta(before, after, count, **requests_of("/healthz", "GET", 200)) == 1
    infinite = {**requests_of(GENERATE_ROUTE, "POST", 200), "le": "+Inf"}
    assert delta(before, after, "broker_request_duration_seconds_bucket", **infinite) == 4
    assert delta(before, after, "broker_request_duration_seconds_sum", **requests_of(GENERATE_ROUTE, "POST", 200)) > 0


def test_a_key_outage_counts_as_its_error_code(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_key(_ref: object) -> None:
        raise KeyUnavailable("down")

    before = scrape(client)
    monkeypatch.setattr(svc.key_source, "signing_key", no_key)
    assert generate(client, creds, "generic").status_code == 503
    after = scrape(client)
    assert delta(before, after, "broker_tokens_minted_total", **minted("generic", "key_unavailable")) == 1
    assert delta(before, after, "broker_tokens_minted_total", **minted("generic")) == 0


def test_launch_links_made_used_and_refused_by_state(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    before = scrape(client)
    used = link_path(generate(client, creds, "exorlive-main"))
    assert client.get(used).status_code == 200  # showing the page neither uses nor refuses it
    assert client.post(used, headers=FROM_ITS_PAGE).status_code == 200
    assert client.post(used, headers=FROM_ITS_PAGE).status_code == 410
    assert client.get("/l/" + "A" * 43).status_code == 404
    expired = link_path(generate(client, creds, "exorlive-main"))
    with svc.db.session() as session:
        session.query(LaunchLink).filter(LaunchLink.uses == 0).update(
            {"expires_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)}
        )
    assert client.post(expired, headers=FROM_ITS_PAGE).status_code == 410
    after = scrape(client)

    links = "broker_launch_links_total"
    assert delta(before, after, links, event="made", state="") == 2
    assert delta(before, after, links, event="used", state="") == 1
    assert delta(before, after, links, event="refused", state="used") == 1
    assert delta(before, after, links, event="refused", state="unknown") == 1
    assert delta(before, after, links, event="refused", state="expired") == 1
    # Two made by generateJWT, one minted afresh when the link was used.
    assert delta(before, after, "broker_tokens_minted_total", **minted("exorlive-main")) == 3
    count = "broker_request_duration_seconds_count"
    assert delta(before, after, count, **requests_of(LINK_ROUTE, "POST", 200)) == 1
    assert delta(before, after, count, **requests_of(LINK_ROUTE, "POST", 410)) == 2
    assert delta(before, after, count, **requests_of(LINK_ROUTE, "GET", 404)) == 1


def test_a_made_up_method_cannot_make_a_label(client: FlaskClient) -> None:
    before = scrape(client)
    client.open("/healthz", method="BREW")
    after = scrape(client)
    assert (
        delta(before, after, "broker_request_duration_seconds_count", **requests_of("<unmatched>", "other", 405)) == 1
    )
    assert not [key for key in after if ("method", "BREW") in key[1]]


def test_no_label_holds_personal_data_secrets_or_paths(client: FlaskClient, creds: dict[str, Any]) -> None:
    main = generate(client, creds, "exorlive-main")
    path = link_path(main)
    client.post(path, headers=FROM_ITS_PAGE)
    go = generate(client, creds, "exorlive-go").get_json()
    needles = [*SEED_PERSONAL_DATA, creds["apiKey"], creds["adminApiKey"], path.rsplit("/", 1)[1], go["token"]]
    needles += list(creds["profiles"].values())
    labels = {label for (name, pairs) in scrape(client) if name.startswith("broker_") for label in pairs}
    assert labels
    for label, text in labels:
        assert not [needle for needle in needles if needle in text], (label, text)
        if label == "route":
            assert text == "<unmatched>" or (text.startswith("/") and "?" not in text), text
    assert ("route", LINK_ROUTE) in labels


def test_secrets_manager_calls_and_failures_are_counted_once(client: FlaskClient, svc: Services) -> None:
    metrics.instrument_secrets_client(svc.secrets_client)  # the factory did it already; twice must not double
    before = scrape(client)
    svc.secrets_client.list_secrets()
    with pytest.raises(svc.secrets_client.exceptions.ResourceNotFoundException):
        svc.secrets_client.describe_secret(SecretId="broker/no-such-secret")
    after = scrape(client)
    calls, failures = "broker_secrets_manager_calls_total", "broker_secrets_manager_failures_total"
    assert delta(before, after, calls, operation="ListSecrets") == 1
    assert delta(before, after, failures, operation="ListSecrets") == 0
    assert delta(before, after, calls, operation="DescribeSecret") == 1
    assert delta(before, after, failures, operation="DescribeSecret") == 1


def test_an_unreachable_secrets_manager_counts_as_a_failure(client: FlaskClient) -> None:
    # Nothing listens on a port just freed; one attempt, so the test does not wait for retries.
    unreachable = secrets_client(
        f"http://127.0.0.1:{free_port()}",
        config=botocore.config.Config(connect_timeout=1, retries={"max_attempts": 1, "mode": "standard"}),
    )
    metrics.instrument_secrets_client(unreachable)
    before = scrape(client)
    with pytest.raises(botocore.exceptions.EndpointConnectionError):
        unreachable.get_secret_value(SecretId="broker/anything")
    after = scrape(client)
    assert delta(before, after, "broker_secrets_manager_calls_total", operation="GetSecretValue") == 1
    assert delta(before, after, "broker_secrets_manager_failures_total", operation="GetSecretValue") == 1


def test_key_age_is_a_gauge_by_keyset_and_stage(client: FlaskClient) -> None:
    metrics.observe_key_age("metrics-test", "AWSPENDING", 12.5)
    metrics.observe_key_age("metrics-test", "AWSPENDING", 7.0)
    assert value(scrape(client), "broker_key_age_seconds", keyset="metrics-test", stage="AWSPENDING") == 7.0


def test_webhook_attempts_by_outcome_and_the_oldest_undelivered_age(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Any
) -> None:
    from service.wiring import dispatcher
    from tests.support.webhooks import Receiver, register

    receiver = Receiver()
    register(client, creds, receiver.url, ["link.created"])
    assert value(scrape(client), "broker_webhook_oldest_undelivered_seconds") == 0
    before = scrape(client)
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    clock.advance(30)  # the dispatcher's clock; the gauge reads real time, so only its presence is sure
    dispatcher(svc).run_once()  # refused: not up
    assert delta(before, scrape(client), "broker_webhook_attempts_total", outcome="pending") == 1
    assert value(scrape(client), "broker_webhook_oldest_undelivered_seconds") >= 0
    clock.advance(30)
    with receiver.serving():
        dispatcher(svc).run_once()
    after = scrape(client)
    assert delta(before, after, "broker_webhook_attempts_total", outcome="delivered") == 1
    assert value(after, "broker_webhook_oldest_undelivered_seconds") == 0
