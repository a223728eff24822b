"""Broker instances as behind a load balancer: production settings on PostgreSQL and Redis, and gunicorns."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path

from tests.support.ports import free_port
from tests.support.servers import Gunicorn, gunicorn_server

# The instances sit behind one public https URL (a load balancer that ends TLS).
PUBLIC_URL = "https://broker.scale-out.test"


def production_settings(database_url: str, redis_url: str, secrets_manager: str, **extra: str) -> dict[str, str]:
    """What every instance of one cluster shares: production mode, fresh secrets, DEBUG logs; `extra` adds to it."""
    return {
        "BROKER_ENV": "production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SUBJECT_HASH_KEY": secrets.token_urlsafe(36),
        "SERVER_SECRET": secrets.token_urlsafe(36),
        "PUBLIC_BASE_URL": PUBLIC_URL,
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": secrets_manager,
        # DEBUG, so the privacy watch sees everything the code could ever log.
        "LOG_LEVEL": "DEBUG",
        **extra,
    }


@contextlib.contextmanager
def broker_cluster(
    settings: Mapping[str, str], folder: Path, *, instances: int = 2, workers: int = 2
) -> Iterator[list[Gunicorn]]:
    """`instances` gunicorns of `workers` workers each on `settings`, each logging to a file in `folder`."""
    with contextlib.ExitStack() as stack:
        servers = []
        for number in range(instances):
            env = {**os.environ, **settings, "PORT": str(free_port()), "WEB_CONCURRENCY": str(workers)}
            servers.append(stack.enter_context(gunicorn_server(env, folder / f"instance-{number}.log")))
        yield servers
