"""One-off measurement for issue 15: what the webhook outbox costs generateJWT, in one run.

`python -m bench.webhooks` starts the broker as `make bench` does (production settings, gunicorn.conf.py,
SQLite, the emulator), with two tenants alike but for one thing: `hooks` has one webhook endpoint subscribed
to `link.created`, `plain` has none. Phases, interleaved: plain query mints (no link), launch links of
`plain`, launch links of `hooks`, and again. Every launch link of `hooks` writes its event and delivery rows
in the link's transaction; no dispatcher runs, so only the request path is measured (the rows accumulate, as
they would while a dispatcher is behind). Prints req/s, p50 and p99 per phase, and the outbox rows written.
Knobs: BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_THREADS, BENCH_WORKERS (bench/run.py).

Then, in this process and less exposed to the machine's other load: the CPU time of the store's `add_link`
(one launch link, its link event, and for `hooks` its outbox rows) on a fresh SQLite database, rounds alternating.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sys
import tempfile
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from bench.procs import BenchError
from bench.run import (
    BenchConfig,
    Scenario,
    Target,
    check_broker,
    config_from_env,
    ensure_wrk,
    in_process_services,
    measure,
    running_broker,
)
from service.apikeys.issuing import create_api_key
from service.db import migrate
from service.db.database import Database, make_engine
from service.profiles.setup import create_profile
from service.webhooks import signing
from service.webhooks.endpoints import ENDPOINT_ID_PREFIX
from service.webhooks.events import Outbox, new_id
from service.webhooks.models import WebhookDelivery, WebhookEvent
from service.wiring import Stores

TENANTS = ("plain", "hooks")
PAYLOAD = {"userId": "u-123"}
# An hour: longer than a token lives, so every answer is a launch link (scope links:long).
LINK_MINUTES = 60


def prepare(env: Mapping[str, str], credentials: dict[str, Any]) -> None:
    """Two tenants with a generic query profile and a links:long key each; `hooks` gets one endpoint."""
    with in_process_services(env) as svc:
        for tenant in TENANTS:
            svc.stores.tenants.create_tenant(tenant)
            profile = create_profile(
                svc, tenant, None, [], name="app", kind="generic", delivery_mode="query",
                issuer=env["PUBLIC_BASE_URL"], audience="bench-rp", rp_url="https://rp.bench.test/landing",
            )  # fmt: skip
            key = create_api_key(svc, tenant, ["links:long"], "bench", "1000000/second")
            credentials[tenant] = {"apiKey": key, "profileKey": profile.profile_key}
        # Straight into the store: the production URL policy would resolve the host, and nothing is sent here.
        public_id = new_id(ENDPOINT_ID_PREFIX)
        fields = {
            "public_id": public_id,
            "tenant_id": svc.stores.tenants.tenant_by_name("hooks").id,
            "url": "https://hooks.bench.test/in",
            "description": "bench",
            "event_types": ["link.created"],
            "sealed_secret": signing.seal_secret(svc.settings.server_secret, public_id, signing.new_secret()),
            "created_at": dt.datetime.now(dt.UTC),
        }
        svc.stores.webhooks.add_webhook_endpoint(fields, limit=10)


def mint(name: str, api_key: str, profile_key: str, link: bool) -> Scenario:
    body: dict[str, Any] = {"profileKey": profile_key, "payload": PAYLOAD}
    if link:
        body["expireIn"] = LINK_MINUTES
    return Scenario(
        name, "POST", "/api/v1/generateJWT", body=json.dumps(body), content_type="application/json",
        authorization=f"Bearer {api_key}", alg="ES256",
    )  # fmt: skip


def outbox_rows(env: Mapping[str, str]) -> tuple[int, int]:
    with in_process_services(env) as svc, svc.db.session() as session:
        events = session.scalar(select(func.count()).select_from(WebhookEvent)) or 0
        deliveries = session.scalar(select(func.count()).select_from(WebhookDelivery)) or 0
    return events, deliveries


def run(config: BenchConfig) -> list[dict[str, Any]]:
    wrk = ensure_wrk()
    seen: dict[str, Any] = {}

    def keep(env: Mapping[str, str], credentials: dict[str, Any]) -> None:
        prepare(env, credentials)
        seen["env"] = dict(env)

    rows = []
    with running_broker(config, keep) as broker:
        creds = broker.credentials
        plain, hooks = creds["plain"], creds["hooks"]
        phases = [
            mint("query, no link", plain["apiKey"], plain["profileKey"], link=False),
            mint("links, no endpoint", plain["apiKey"], plain["profileKey"], link=True),
            mint("links, 1 endpoint", hooks["apiKey"], hooks["profileKey"], link=True),
            mint("links, no endpoint", plain["apiKey"], plain["profileKey"], link=True),
            mint("links, 1 endpoint", hooks["apiKey"], hooks["profileKey"], link=True),
            mint("query, no link", plain["apiKey"], plain["profileKey"], link=False),
        ]
        print(f"gunicorn workers: {broker.workers}; wrk -t{config.threads} -c{config.connections}", flush=True)
        for scenario in phases:
            check_broker(broker.port, scenario)
            before = outbox_rows(seen["env"])
            row = measure(wrk, Target(broker.port, broker.meter), scenario, config, broker.calls)
            after = outbox_rows(seen["env"])
            row["outbox_events"], row["outbox_deliveries"] = after[0] - before[0], after[1] - before[1]
            print(f"    outbox rows written: {row['outbox_events']} events, {row['outbox_deliveries']} deliveries")
            rows.append(row)
    return rows


def store_cost(links: int = 2000, rounds: int = 3) -> dict[str, float]:
    """CPU ms per `add_link` for a tenant without and with an endpoint for link.created (best of `rounds`)."""
    with tempfile.TemporaryDirectory(prefix="outbox-cost-") as folder:
        url = f"sqlite:///{folder}/broker.sqlite3"
        migrate.upgrade(url)
        db = Database(make_engine(url), cache_seconds=5)
        stores = Stores.over(db)
        keyset = stores.keysets.add_keyset("k", "secret-id", "ES256", is_default=True)
        tenants = {}
        for name in TENANTS:
            tenant = stores.tenants.create_tenant(name)
            profile = stores.profiles.add_profile(
                tenant_id=tenant.id,
                keyset_id=keyset.id,
                name="app",
                profile_key=f"pk_{name}",
                kind="generic",
                delivery_mode="query",
                issuer="i",
                audience="a",
                rp_url="https://rp.bench.test",
                allowed_redirect_origins=[],
            )
            tenants[name] = (tenant.id, profile)
        stores.webhooks.add_webhook_endpoint(
            {
                "public_id": "we_bench",
                "tenant_id": tenants["hooks"][0],
                "url": "https://hooks.bench.test",
                "description": "",
                "event_types": ["link.created"],
                "sealed_secret": b"x",
                "created_at": dt.datetime.now(dt.UTC),
            },
            limit=10,
        )
        outbox = Outbox(stores.webhooks, time.time)
        best = {name: float("inf") for name in TENANTS}
        for _ in range(rounds):
            for name, (tenant_id, profile) in tenants.items():
                started = time.process_time()
                for _ in range(links):
                    now = dt.datetime.now(dt.UTC)
                    public_id = "ln_" + secrets.token_urlsafe(9)
                    fields = {
                        "public_id": public_id,
                        "secret_hash": secrets.token_hex(32),
                        "tenant_id": tenant_id,
                        "profile_id": profile.id,
                        "api_key_prefix": "tbk_bench",
                        "sealed_payload": b"x" * 120,
                        "auto_submit": False,
                        "max_uses": 1,
                        "created_at": now,
                        "expires_at": now + dt.timedelta(hours=1),
                        "recipient_masked": None,
                        "locale": None,
                        "renewals": 0,
                    }
                    events = outbox.link_event(tenant_id, "created", public_id, profile, "usable", "bench")
                    stores.links.add_link(fields, ["created"], None, events)
                best[name] = min(best[name], (time.process_time() - started) * 1000 / links)
        db.engine.dispose()
    return best


def main() -> int:
    try:
        rows = run(config_from_env())
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    by_name: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_name.setdefault(row["scenario"], []).append(row)
    print("\nmean of the phases of each scenario:")
    for name, group in by_name.items():
        rps = sum(r["rps"] for r in group) / len(group)
        p50 = sum(r["p50_ms"] for r in group) / len(group)
        p99 = sum(r["p99_ms"] for r in group) / len(group)
        cpu = sum(r["server_cpu_ms_per_request"] for r in group) / len(group)
        print(f"  {name:<20} {rps:8.1f} req/s  p50 {p50:.2f} ms  p99 {p99:.2f} ms  server CPU {cpu:.2f} ms/request")
    cost = store_cost()
    print("\nin-process, the store's add_link (link, link event, outbox rows), CPU ms per link, best of 3 rounds:")
    print(f"  no endpoint {cost['plain']:.3f} ms, 1 endpoint {cost['hooks']:.3f} ms: "
          f"+{cost['hooks'] - cost['plain']:.3f} ms per link for the outbox")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
