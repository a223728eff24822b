"""One HTTP attempt: POST the signed body to the checked address, short timeouts, no redirects followed."""

from __future__ import annotations

import dataclasses
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from service.webhooks.targets import Target

USER_AGENT = "sso-token-broker-webhooks/1"


@dataclasses.dataclass(frozen=True)
class Attempt:
    """What the receiver answered (`status`), or why nothing was answered (`error`)."""

    status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class _PinnedTls(HTTPAdapter):
    """TLS to an address, verified for the host name: SNI and the certificate check use the name, not the IP."""

    def __init__(self, hostname: str) -> None:
        self._hostname = hostname
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["server_hostname"] = self._hostname
        kwargs["assert_hostname"] = self._hostname
        super().init_poolmanager(*args, **kwargs)


def send(target: Target, headers: dict[str, str], body: bytes, timeout: float) -> Attempt:
    with requests.Session() as session:
        session.trust_env = False  # no proxy from the environment: the checked address is where we connect
        session.mount("https://", _PinnedTls(target.host))
        session.mount("http://", HTTPAdapter(max_retries=0))
        try:
            response = session.post(
                target.pinned_url,
                data=body,
                headers={
                    **headers,
                    "Host": target.host_header,
                    "Content-Type": "application/json",
                    "User-Agent": USER_AGENT,
                },
                timeout=(timeout, timeout),
                allow_redirects=False,
                stream=True,  # the answer's body is never read
            )
        except requests.Timeout:
            return Attempt(None, "timeout")
        except requests.exceptions.SSLError:
            return Attempt(None, "tls_error")
        except requests.ConnectionError:
            return Attempt(None, "connection_failed")
        except requests.RequestException:
            return Attempt(None, "request_failed")
        response.close()
        return Attempt(response.status_code, None)
