"""Turns a token into what the user's browser needs, by the profile's delivery mode (DESIGN §5).

- `query`: the RP URL with the token in its query (Ayrshare style).
- `exchange`: the broker POSTs the token to the RP as text/plain and hands out the URL it answers.
- `form`: a browser form POST of the field `payload` to the RP, so it needs a page (a launch link).
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from service.errors import RelyingPartyError
from service.links.browser import FormPost, Redirect
from service.profiles.models import Profile
from service.profiles.origins import origin_of

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

# The exchange happens while a caller waits: connect fast or fail, and never wait long for an answer.
EXCHANGE_TIMEOUT_SECONDS = (2.0, 5.0)
_MAX_ANSWER_BYTES = 8 * 1024


def query_url(rp_url: str, token: str, domain: str | None) -> str:
    """The RP URL with `domain` (if the profile has one) and `jwt` added to its query, Ayrshare style."""
    parts = urlsplit(rp_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("jwt", "domain")]
    if domain:
        query.append(("domain", domain))
    query.append(("jwt", token))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _capped_body(response: requests.Response) -> bytes | None:
    """The answer's body, or None once it grows past _MAX_ANSWER_BYTES (the rest is never read)."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(chunk_size=1024):
        size += len(chunk)
        if size > _MAX_ANSWER_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _answer_url(body: bytes, content_type: str) -> str | None:
    """The URL in the RP's answer: JSON `{"url": …}` (or a JSON string), or one line of plain text."""
    if content_type.startswith("application/json"):
        try:
            answer = json.loads(body)
        except ValueError:
            return None
        url = answer.get("url") if isinstance(answer, dict) else answer
        return url if isinstance(url, str) else None
    text = body.decode("utf-8", errors="replace").strip()
    return text if text and "\n" not in text else None


class Deliverer:
    def __init__(self, http: requests.Session | None = None) -> None:
        self._http = http

    def exchange(self, profile: Profile, token: str) -> str:
        """POST the token to the profile's RP endpoint; its answer must be a URL on an allowed origin."""
        # Imported on the first exchange: a broker without exchange profiles never loads requests (4 MB per worker).
        import requests

        if self._http is None:
            self._http = requests.Session()
        try:
            # Only the configured endpoint, no redirects followed: the broker must not be steered elsewhere.
            response = self._http.post(
                profile.rp_url,
                data=token.encode(),
                headers={"Content-Type": "text/plain", "Accept": "application/json, text/plain"},
                timeout=EXCHANGE_TIMEOUT_SECONDS,
                allow_redirects=False,
                # Streamed, so the answer is read only up to its cap: a huge answer costs no memory.
                stream=True,
            )
            with response:
                body = _capped_body(response)
        except requests.RequestException as error:
            log.warning(
                "relying party unreachable", extra={"profileId": profile.id, "error_type": type(error).__name__}
            )
            raise RelyingPartyError("The relying party did not answer the token exchange.") from None
        if not 200 <= response.status_code < 300:
            log.warning("relying party refused", extra={"profileId": profile.id, "rpStatus": response.status_code})
            raise RelyingPartyError(f"The relying party refused the token exchange (HTTP {response.status_code}).")
        if body is None:
            log.warning("relying party answer too large", extra={"profileId": profile.id})
            raise RelyingPartyError(f"The relying party's answer was larger than {_MAX_ANSWER_BYTES} bytes.")
        url = _answer_url(body, response.headers.get("Content-Type", ""))
        if url is None or urlsplit(url).scheme not in ("http", "https"):
            raise RelyingPartyError("The relying party's answer was not an http(s) URL.")
        if origin_of(url) not in profile.allowed_redirect_origins:
            raise RelyingPartyError("The relying party answered with a URL outside the profile's allowed origins.")
        return url

    def direct_url(self, profile: Profile, token: str) -> str | None:
        """The URL for a token used right away; None where only a page can deliver it (form)."""
        if profile.delivery_mode == "query":
            return query_url(profile.rp_url, token, profile.rp_domain)
        if profile.delivery_mode == "exchange":
            return self.exchange(profile, token)
        return None

    def for_browser(self, profile: Profile, token: str) -> FormPost | Redirect:
        """What a launch link does with a fresh token: a form POST page or a redirect."""
        if profile.delivery_mode == "form":
            return FormPost(action=profile.rp_url, token=token)
        url = self.direct_url(profile, token)
        assert url is not None
        return Redirect(url)
