"""What each problem `code` means, its usual causes, the fix, and a request that causes it beside one that does not.

One entry per code the broker can answer with: every `BrokerError` class in service/errors.py, werkzeug's
errors as service/web/problems.py names them, and `internal_error`. tests/unit/problems proves that each code
in openapi.yaml and in the error classes has its entry, and sends each reproducible example to a broker.

Examples name credentials by placeholders (`{api_key}`, `{admin_api_key}`, `{profile_key}`): the page shows
them as shell variables, the tests put in the dev seed's keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

# Placeholders in examples, and how the page writes them (shell variables the reader exports first).
PLACEHOLDERS = {
    "{api_key}": "$API_KEY",
    "{admin_api_key}": "$ADMIN_API_KEY",
    "{profile_key}": "$PROFILE_KEY",
    "{test_api_key}": "$TEST_API_KEY",
    "{test_profile_key}": "$TEST_PROFILE_KEY",
}

GENERATE = "/api/v1/generateJWT"
_USER = {"userId": "u-123"}
_MINT = {"profileKey": "{profile_key}", "payload": _USER}


@dataclasses.dataclass(frozen=True)
class Example:
    """One HTTP request (`method` and `path`), or a command line (`command`) for codes only the CLI meets."""

    method: str = ""
    path: str = ""
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # A JSON body as an object, or `raw` text sent as it is (e.g. broken JSON).
    json: Any = None
    raw: str | None = None
    command: str | None = None
    # When the request only causes the problem in some state of the broker ("while the database is away").
    when: str = ""


def _api(path: str, key: str = "{api_key}", method: str = "GET", **more: Any) -> Example:
    return Example(method=method, path=path, headers={"Authorization": f"Bearer {key}"}, **more)


def _mint(body: Any = None, *, raw: str | None = None, key: str = "{api_key}", **headers: str) -> Example:
    """POST generateJWT as JSON with an API key; `body` defaults to a good request for the generic profile."""
    return Example(
        method="POST",
        path=GENERATE,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json", **headers},
        json=_MINT if body is None and raw is None else body,
        raw=raw,
    )


@dataclasses.dataclass(frozen=True)
class Explainer:
    code: str
    status: int
    title: str
    meaning: str
    causes: tuple[str, ...]
    fix: tuple[str, ...]
    wrong: Example
    right: Example
    # False when `wrong` causes the problem only in a state a test cannot set up in one request (an outage).
    reproducible: bool = True
    # Sent before `wrong`, when the problem needs an earlier request (a reused Idempotency-Key).
    setup: Example | None = None


_OUTAGE_RETRY = "Retry after the `Retry-After` seconds (or a few seconds), with the same `Idempotency-Key`."

EXPLAINERS: tuple[Explainer, ...] = (
    Explainer(
        code="bad_request",
        status=400,
        title="Bad request",
        meaning="The request cannot be used as it was sent, though its JSON is well formed.",
        causes=(
            "No profile key: neither `profileKey` in the body nor a `Profile-Key` header.",
            "`profileKey` in the body and the `Profile-Key` header name different profiles.",
            "An `Idempotency-Key` header that is empty, longer than 255 characters or not visible ASCII.",
        ),
        fix=(
            "Send the profile key you were given (it starts with `pk_`) once: in the body or as the header.",
            "Keep `Idempotency-Key` to 1 to 255 visible ASCII characters, e.g. your order id.",
        ),
        wrong=_mint({"payload": _USER}),
        right=_mint(),
    ),
    Explainer(
        code="malformed_json",
        status=400,
        title="Malformed JSON",
        meaning="The body is not valid JSON (RFC 8259), so nothing in it was read. `detail` says where it breaks.",
        causes=(
            'A comma after the last member of an object or array (`{"a": 1,}`): JavaScript allows it, JSON does not.',
            "Single quotes instead of double quotes, comments, or unquoted names.",
            "A value built by pasting text into a template without escaping its quotes or line breaks.",
            "A member named twice in one object.",
        ),
        fix=(
            "Build the body with your platform's JSON encoder (JSON.stringify, json.dumps) rather than by hand.",
            "In Bubble's API Connector, use `:formatted as JSON-safe` on every dynamic value.",
            "Remove trailing commas; check the body in any JSON validator.",
        ),
        wrong=_mint(raw='{"profileKey": "{profile_key}", "payload": {"userId": "u-123",}}'),
        right=_mint(raw='{"profileKey": "{profile_key}", "payload": {"userId": "u-123"}}'),
    ),
    Explainer(
        code="api_key_as_profile_key",
        status=400,
        title="API key sent as profile key",
        meaning="`profileKey` holds an API key (`tbk_…`). The API key is a secret and goes only in `Authorization`.",
        causes=("The two keys were swapped, or the API key was pasted into both places.",),
        fix=(
            "Send `Authorization: Bearer tbk_…` and put the profile key (it starts with `pk_`) in `profileKey`.",
            "The API key has now been in a request body: if that body was logged anywhere, have it replaced.",
        ),
        wrong=_mint({"profileKey": "{api_key}", "payload": _USER}),
        right=_mint(),
    ),
    Explainer(
        code="unknown_query_parameter",
        status=400,
        title="Unknown query parameter",
        meaning=(
            "The URL has a query parameter this route does not take, so nothing was listed: ignored, a typo would "
            "have listed everything as if it had filtered. `errors` names each unknown parameter and the one it "
            "most likely meant."
        ),
        causes=(
            "A typo or another case: `?stat=used` or `?State=used` for `?state=used`.",
            "A parameter of another route, or one from an older version of a guide.",
        ),
        fix=(
            "Use the parameter `errors` suggests; names are case-sensitive.",
            "The API reference lists each route's parameters: `GET /api/v1/links` takes `limit`, `state`, "
            "`recipient` and `livemode`.",
        ),
        wrong=_api("/api/v1/links?stat=used", "{admin_api_key}"),
        right=_api("/api/v1/links?state=used", "{admin_api_key}"),
    ),
    Explainer(
        code="unauthorized",
        status=401,
        title="Unauthorized",
        meaning="The API key is missing, unknown or revoked; the three look the same on purpose.",
        causes=(
            "No `Authorization` header, or one without the word `Bearer` and a space before the key.",
            "A key with a character missing or extra (copied from a wrapped line), or a revoked key.",
            "The key of another broker (a test key against production).",
        ),
        fix=(
            "Send `Authorization: Bearer tbk_…` with the whole key.",
            "Ask whoever runs the broker whether the key is still active; they can list its prefix.",
        ),
        wrong=Example(method="POST", path=GENERATE, headers={"Content-Type": "application/json"}, json=_MINT),
        right=_mint(),
    ),
    Explainer(
        code="forbidden",
        status=403,
        title="Forbidden",
        meaning="The API key is valid but may not do this; a missing scope is named as `insufficient_scope`.",
        causes=("A request this API key is not allowed to make.",),
        fix=("Ask whoever runs the broker for a key allowed to do it.",),
        wrong=_api("/api/v1/links"),
        right=_api("/api/v1/links", "{admin_api_key}"),
        reproducible=False,
    ),
    Explainer(
        code="insufficient_scope",
        status=403,
        title="Insufficient scope",
        meaning="The API key is valid but lacks the scope this request needs; `detail` names it.",
        causes=(
            "`links:long`: asking for a `url` that outlives the token (`expireIn` above the profile's token lifetime).",
            "`links:email`: asking the broker to email the link.",
            "`links:admin` (listing or revoking links) or `keys:admin` (listing or revoking API keys).",
        ),
        fix=(
            "Ask whoever runs the broker for a key with that scope.",
            "Or ask for less: without `expireIn`, a token lives 5 minutes and needs no scope.",
        ),
        wrong=_api("/api/v1/links"),
        right=_api("/api/v1/links", "{admin_api_key}"),
    ),
    Explainer(
        code="mode_mismatch",
        status=403,
        title="Test and live do not mix",
        meaning=(
            "A test API key (`tbk_test_…`) named a live profile, or a live key a test profile. Test keys mint only "
            "for test profiles, which point at a sandbox relying party; live keys only for live ones."
        ),
        causes=(
            "Building with a test key and pasting a live profile key (or the other way round).",
            "Going live with the new live API key but the old test profile keys.",
        ),
        fix=("Use the profile keys that came with your key: test with test, live with live.",),
        wrong=_mint(key="{test_api_key}"),
        right=_mint({"profileKey": "{test_profile_key}", "payload": _USER}, key="{test_api_key}"),
    ),
    Explainer(
        code="test_key_required",
        status=403,
        title="Test API key required",
        meaning="The test inbox shows the mails test API keys asked for; live keys' mails really go out.",
        causes=("Reading `GET /api/v1/test-inbox` with a live API key.",),
        fix=("Call it with your test API key (`tbk_test_…`).",),
        wrong=_api("/api/v1/test-inbox"),
        right=_api("/api/v1/test-inbox", "{test_api_key}"),
    ),
    Explainer(
        code="not_found",
        status=404,
        title="Not found",
        meaning="No route has this path. Paths are case-sensitive.",
        causes=(
            "A typo or other case: `/api/v1/generateJwt` instead of `/api/v1/generateJWT`.",
            "A base URL with a path the broker does not have, or `/api/v1` twice.",
        ),
        fix=("Copy the path from the API reference (`/docs`) or `/openapi.yaml`.",),
        wrong=Example(
            method="POST", path="/api/v1/generateJwt", headers={"Content-Type": "application/json"}, json=_MINT
        ),
        right=_mint(),
    ),
    Explainer(
        code="profile_not_found",
        status=404,
        title="Profile not found",
        meaning="No profile with this profile key belongs to your API key's account.",
        causes=(
            "A typo in the profile key, or a key of a profile that was replaced.",
            "A profile key of another account (it gets the same answer, so accounts stay private).",
        ),
        fix=("Use the profile key you were given with this API key; ask whoever runs the broker for it.",),
        wrong=_mint({"profileKey": "pk_doesNotExist0000000000", "payload": _USER}),
        right=_mint(),
    ),
    Explainer(
        code="link_not_found",
        status=404,
        title="Link not found",
        meaning="No launch link with this id belongs to your account.",
        causes=(
            "A typo in the link id (`ln_…`), or the link of another account.",
            "`replaces` in generateJWT names an unknown link: then nothing is made.",
        ),
        fix=("Take the `linkId` from generateJWT's answer, or from `GET /api/v1/links`.",),
        wrong=_api("/api/v1/links/ln_doesNotExist", "{admin_api_key}"),
        right=_api("/api/v1/links", "{admin_api_key}"),
    ),
    Explainer(
        code="webhook_not_found",
        status=404,
        title="Webhook endpoint not found",
        meaning="No webhook endpoint with this id belongs to your account.",
        causes=("A typo in the endpoint id (`we_…`), an endpoint you deleted, or another account's.",),
        fix=("Take the id from `POST /api/v1/webhooks` or `GET /api/v1/webhooks`.",),
        wrong=_api("/api/v1/webhooks/we_doesNotExist", "{admin_api_key}"),
        right=_api("/api/v1/webhooks", "{admin_api_key}"),
    ),
    Explainer(
        code="delivery_not_found",
        status=404,
        title="Delivery not found",
        meaning="The webhook endpoint has no delivery with this id.",
        causes=("A delivery id of another endpoint, or a typo.",),
        fix=("Take the id from `GET /api/v1/webhooks/{id}/deliveries` of the same endpoint.",),
        wrong=_api("/api/v1/webhooks/we_doesNotExist/deliveries/wd_doesNotExist/redeliver", "{admin_api_key}", "POST"),
        right=_api("/api/v1/webhooks", "{admin_api_key}"),
        reproducible=False,
    ),
    Explainer(
        code="webhook_disabled",
        status=409,
        title="Webhook endpoint disabled",
        meaning="The endpoint failed for 5 days and was disabled: nothing is sent to it, and nothing redelivered.",
        causes=("Your receiver was down, or answered errors, for 5 days; the events list says when it was disabled.",),
        fix=("Fix the receiver, then register its URL again (`POST /api/v1/webhooks`): a new endpoint and secret.",),
        wrong=_api("/api/v1/webhooks/we_disabled/deliveries/wd_1/redeliver", "{admin_api_key}", "POST"),
        right=_api("/api/v1/webhooks", "{admin_api_key}"),
        reproducible=False,
    ),
    Explainer(
        code="webhook_url_not_allowed",
        status=422,
        title="Webhook URL not allowed",
        meaning=(
            "The broker will not call this URL: it must be https (http only to loopback outside production), and "
            "in production it may not resolve to a loopback, private, link-local or cloud metadata address."
        ),
        causes=("An `http://` URL, or a host inside the broker's own network.",),
        fix=("Give a public https URL of your receiver.",),
        wrong=Example(
            method="POST",
            path="/api/v1/webhooks",
            headers={"Authorization": "Bearer {admin_api_key}", "Content-Type": "application/json"},
            json={"url": "ftp://receiver.example/hooks"},
        ),
        right=_api("/api/v1/webhooks", "{admin_api_key}"),
    ),
    Explainer(
        code="api_key_not_found",
        status=404,
        title="API key not found",
        meaning="No API key with this prefix belongs to your account.",
        causes=("A typo in the prefix (the first 12 characters of the key), or the key of another account.",),
        fix=("List your keys' prefixes with `GET /api/v1/api-keys`.",),
        wrong=_api("/api/v1/api-keys/tbk_nope0000/revoke", "{admin_api_key}", "POST"),
        right=_api("/api/v1/api-keys", "{admin_api_key}"),
    ),
    Explainer(
        code="keyset_not_found",
        status=404,
        title="Keyset not found",
        meaning="No keyset has this name, so there is no key set to publish under it.",
        causes=("A typo in the keyset name in `/keysets/<name>/jwks.json`.",),
        fix=("Use the name whoever runs the broker gave you, or the default set at `/.well-known/jwks.json`.",),
        wrong=Example(method="GET", path="/keysets/no-such-keyset/jwks.json"),
        right=Example(method="GET", path="/.well-known/jwks.json"),
    ),
    Explainer(
        code="method_not_allowed",
        status=405,
        title="Method Not Allowed",
        meaning="The path exists, but not with this HTTP method. The `Allow` header lists the methods it takes.",
        causes=(
            "Opening an API route in a browser (a GET) that takes only POST, such as generateJWT.",
            "A tool set to GET where the API says POST.",
        ),
        fix=("Use the method the `Allow` header names; generateJWT is `POST` with a JSON body.",),
        wrong=Example(method="GET", path=GENERATE, headers={"Authorization": "Bearer {api_key}"}),
        right=_mint(),
    ),
    Explainer(
        code="conflict",
        status=409,
        title="Conflict",
        meaning="What was to be created exists already (administration commands: a tenant, keyset or profile).",
        causes=("Running a `create` command a second time with the same name.",),
        fix=("Choose another name, or use the one that exists (`… list`).",),
        wrong=Example(command="flask --app service tenants create acme   # acme exists already"),
        right=Example(command="flask --app service tenants create acme-north"),
        reproducible=False,
    ),
    Explainer(
        code="idempotency_in_progress",
        status=409,
        title="Request in progress",
        meaning="A request with the same `Idempotency-Key` is still running; this one did nothing.",
        causes=(
            "A retry sent before the first request answered (a client timeout shorter than the request).",
            "A request that died holding the key: it is held for `IDEMPOTENCY_LEASE_SECONDS` (60 s).",
        ),
        fix=("Wait the `Retry-After` seconds, then send the same request with the same key: you get its answer.",),
        wrong=_mint(**{"Idempotency-Key": "order-4711-sso"}),
        right=_mint(**{"Idempotency-Key": "order-4711-sso"}),
        reproducible=False,
    ),
    Explainer(
        code="link_already_replaced",
        status=409,
        title="Link already replaced",
        meaning=(
            "`replaces` names a link that an earlier generateJWT already replaced; nothing was made. Each link is "
            "replaced at most once, so a replacement chain always ends in exactly one working link."
        ),
        causes=(
            "The same `replaces` sent twice: a double click, or a retry without an `Idempotency-Key`.",
            "Two admins sending the same invitation again at the same time.",
        ),
        fix=(
            "`detail` names the newest link of the chain: replace that one to send again, or check it with "
            "`GET /api/v1/links/<id>` first. Retry with an `Idempotency-Key` to get the first answer again.",
        ),
        wrong=_mint({"profileKey": "{profile_key}", "payload": _USER, "replaces": "ln_<an already replaced link>"}),
        right=_mint({"profileKey": "{profile_key}", "payload": _USER, "replaces": "ln_<the newest link>"}),
        reproducible=False,
    ),
    Explainer(
        code="rotation_refused",
        status=409,
        title="Rotation refused",
        meaning="A key rotation step is not possible in the keyset's current state (administration).",
        causes=("`keysets promote` with no pending key, or `keysets rotate` while a rotation is pending.",),
        fix=("Run `keysets status NAME`: it says which step comes next.",),
        wrong=Example(command="flask --app service keysets promote acme-es256   # nothing was rotated"),
        right=Example(command="flask --app service keysets rotate acme-es256"),
        reproducible=False,
    ),
    Explainer(
        code="invalid_rotation_event",
        status=400,
        title="Invalid rotation event",
        meaning="The rotation function (AWS Lambda) got an event that is not a Secrets Manager rotation step.",
        causes=("Invoking the function by hand or from another service with an event of another shape.",),
        fix=("Let Secrets Manager invoke it (rotation configured on the secret), or send its event shape.",),
        wrong=Example(
            command='aws lambda invoke --function-name broker-rotation --payload \'{"Step": "promote"}\' out.json'
        ),
        right=Example(command="aws secretsmanager rotate-secret --secret-id acme-es256"),
        reproducible=False,
    ),
    Explainer(
        code="rotation_not_ready",
        status=409,
        title="Rotation not ready yet",
        meaning="The rotation step is allowed later, once relying parties can have seen the new key; it says when.",
        causes=("`keysets promote` sooner than the publish window (600 s by default) after `keysets rotate`.",),
        fix=("Wait the time it names (`Retry-After`), then run it again. `--force` skips the check: avoid it.",),
        wrong=Example(command="flask --app service keysets promote acme-es256   # a minute after rotate"),
        right=Example(command="flask --app service keysets status acme-es256    # says when promote is allowed"),
        reproducible=False,
    ),
    Explainer(
        code="renewal_refused",
        status=409,
        title="No new link for this one",
        meaning="A member asked for a new link where none can be sent (shown to them as a page).",
        causes=(
            "The link has not expired, was not emailed, or was renewed already.",
            "It expired longer ago than `LINK_RENEWAL_DAYS`.",
        ),
        fix=("Send the member a new link with generateJWT (`email`, or `replaces` the old `linkId`).",),
        wrong=Example(method="POST", path="/l/<secret of a used link>/renew"),
        right=_mint({"profileKey": "{profile_key}", "payload": _USER, "replaces": "ln_…"}),
        reproducible=False,
    ),
    Explainer(
        code="payload_too_large",
        status=413,
        title="Request Entity Too Large",
        meaning="The body is larger than the broker accepts (64 KiB unless the operator set `MAX_BODY_BYTES`).",
        causes=("A payload carrying documents, images or long lists; the broker signs identities, not data.",),
        fix=("Send ids and names only; the relying party looks up the rest. A payload may be at most 8 KiB.",),
        wrong=_mint(raw='{"profileKey": "{profile_key}", "payload": {"photo": "<70,000 characters of base64>"}}'),
        right=_mint(),
        reproducible=False,
    ),
    Explainer(
        code="unsupported_media_type",
        status=415,
        title="Unsupported media type",
        meaning="The body was not sent as JSON, so the broker did not read it.",
        causes=(
            "No `Content-Type: application/json` header (curl's `-d` sends a form type by default).",
            "A tool set to send form data or text.",
        ),
        fix=("Send `Content-Type: application/json` (Bubble: Body type JSON).",),
        wrong=Example(
            method="POST",
            path=GENERATE,
            headers={"Authorization": "Bearer {api_key}", "Content-Type": "application/x-www-form-urlencoded"},
            raw='{"profileKey": "{profile_key}", "payload": {"userId": "u-123"}}',
        ),
        right=_mint(),
    ),
    Explainer(
        code="validation_failed",
        status=422,
        title="Validation failed",
        meaning="The JSON is well formed but something in it is not valid; `errors` lists what is wrong, per field.",
        causes=(
            'A field of the wrong type: `payload` as a string, IDs as numbers, `verify` as `"true"`.',
            "An unknown field (a typo like `expiresin`), or a field the payload kind requires is missing.",
            "A value out of range: `expireIn` from 1 to 2880 minutes.",
        ),
        fix=(
            "Read `errors`: each key is a field (`payload.contact.id`) with its messages.",
            "Compare your body with the examples of your profile's payload kind in the API reference.",
        ),
        wrong=_mint({"profileKey": "{profile_key}", "payload": "u-123"}),
        right=_mint(),
    ),
    Explainer(
        code="idempotency_key_reused",
        status=422,
        title="Idempotency key reused",
        meaning="This `Idempotency-Key` was used in the last 24 hours with another body; nothing was made.",
        causes=("One key reused for different requests (a constant instead of a per-order value).",),
        fix=("Use a new key for every new request; reuse a key only to retry the very same request.",),
        setup=_mint(**{"Idempotency-Key": "order-4711-sso"}),
        wrong=_mint(
            {"profileKey": "{profile_key}", "payload": {"userId": "u-456"}}, **{"Idempotency-Key": "order-4711-sso"}
        ),
        right=_mint(
            {"profileKey": "{profile_key}", "payload": {"userId": "u-456"}}, **{"Idempotency-Key": "order-4712-sso"}
        ),
    ),
    Explainer(
        code="redirect_not_allowed",
        status=422,
        title="Redirect not allowed",
        meaning="`redirect` is not on one of the profile's allowed origins, so it cannot go into a token.",
        causes=("A redirect to another host, another scheme (http/https) or another port than the profile allows.",),
        fix=("Use a URL on an origin of the profile, or ask whoever runs the broker to allow your origin.",),
        wrong=_mint({"profileKey": "{profile_key}", "payload": _USER, "redirect": "https://elsewhere.example/back"}),
        right=_mint(),
    ),
    Explainer(
        code="rate_limited",
        status=429,
        title="Too many requests",
        meaning="This API key's rate limit is used up (600 requests a minute unless set otherwise); nothing was done.",
        causes=(
            "A loop or a retry without a pause; minting a token per page view instead of per sign-in.",
            "Many failed API key checks from one address (then it is the address that is limited).",
        ),
        fix=(
            "Wait `Retry-After` seconds. Pace yourself with the `RateLimit-Remaining` header of every answer.",
            "Mint a token when the user opens the relying party, not ahead of time.",
        ),
        wrong=_mint(),
        right=_mint(),
        reproducible=False,
    ),
    Explainer(
        code="too_many_requests",
        status=429,
        title="Too Many Requests",
        meaning="Too many requests were made; the broker reports its own limits as `rate_limited`.",
        causes=("A limit in front of the broker's routes.",),
        fix=("Wait the `Retry-After` seconds before retrying.",),
        wrong=_mint(),
        right=_mint(),
        reproducible=False,
    ),
    Explainer(
        code="relying_party_error",
        status=502,
        title="Relying party error",
        meaning="The profile delivers by `exchange`, and its relying party did not answer with a usable URL.",
        causes=(
            "The relying party was down, slow (over 2 s to connect, 5 s to answer) or refused the token.",
            "It answered with a URL on an origin the profile does not allow.",
        ),
        fix=("Retry shortly; if it lasts, tell the relying party (quote the `requestId`). No token was made.",),
        wrong=_mint(when="while the relying party is down"),
        right=_mint(when="once it answers again"),
        reproducible=False,
    ),
    Explainer(
        code="email_failed",
        status=502,
        title="Email not sent",
        meaning="`email` was asked, and the mail could not be sent; the link made for it was revoked.",
        causes=(
            "The broker has no mail server configured (`SMTP_URL`).",
            "The mail server refused the message or was unreachable.",
            "The mail could not be composed (for example a display name stored with a line break, from before "
            "the broker refused them); the operator fixes the name with `tenants update --display-name`.",
        ),
        fix=(
            "Retry later, or ask whoever runs the broker to check its mail server.",
            "Or leave out `email` and deliver the `url` yourself.",
        ),
        wrong=_mint(
            {"profileKey": "{profile_key}", "payload": _USER, "email": {"to": "member@example.com"}},
            key="{admin_api_key}",
        ),
        right=_mint(key="{admin_api_key}"),
    ),
    Explainer(
        code="key_unavailable",
        status=503,
        title="No usable signing key",
        meaning="The broker has no key it may sign with right now, so it made nothing.",
        causes=(
            "AWS Secrets Manager has not confirmed the keys for longer than `KEY_MAX_STALENESS_SECONDS`.",
            "No keyset is configured yet (a new broker).",
        ),
        fix=("Retry later. Whoever runs the broker sees why in `/readyz`.",),
        wrong=_mint(when="while Secrets Manager has been unreachable for an hour"),
        right=_mint(when="once the keys are confirmed again"),
        reproducible=False,
    ),
    Explainer(
        code="verification_failed",
        status=503,
        title="Self-verification failed",
        meaning="`verify: true` was asked, and the new token failed the relying party's rules; it was not returned.",
        causes=("The key set being published does not (yet) hold the signing key, e.g. during a botched rotation.",),
        fix=("Retry later and tell whoever runs the broker (quote the `requestId`).",),
        wrong=_mint({"profileKey": "{profile_key}", "payload": _USER, "verify": True}, when="during a broken rotation"),
        right=_mint({"profileKey": "{profile_key}", "payload": _USER, "verify": True}),
        reproducible=False,
    ),
    Explainer(
        code="database_unavailable",
        status=503,
        title="Database unavailable",
        meaning="The broker's database did not answer, also after one retry; nothing was made.",
        causes=("A database restart or failover, or a network fault between broker and database.",),
        fix=(_OUTAGE_RETRY,),
        wrong=_mint(when="while the database restarts"),
        right=_mint(when="a few seconds later"),
        reproducible=False,
    ),
    Explainer(
        code="internal_error",
        status=500,
        title="Internal error",
        meaning="A fault of the broker, not of your request.",
        causes=("A bug in the broker.",),
        fix=("Tell whoever runs the broker and quote the `requestId`; the log has the details under that id.",),
        wrong=_mint(when="when the broker has a bug"),
        right=_mint(),
        reproducible=False,
    ),
    Explainer(
        code="broker_error",
        status=500,
        title="Internal error",
        meaning="An error of the broker without a more precise code: a fault of the broker, not of your request.",
        causes=("A bug in the broker.",),
        fix=("Tell whoever runs the broker and quote the `requestId`.",),
        wrong=_mint(when="when the broker has a bug"),
        right=_mint(),
        reproducible=False,
    ),
    # Werkzeug's HTTP errors, with the codes service/web/problems.py gives them; rare with this API.
    Explainer(
        code="not_acceptable",
        status=406,
        title="Not Acceptable",
        meaning="The broker cannot answer in a media type the `Accept` header allows.",
        causes=("An `Accept` header that excludes JSON.",),
        fix=("Send `Accept: application/json`, or no `Accept` header.",),
        wrong=_mint(Accept="text/csv"),
        right=_mint(Accept="application/json"),
        reproducible=False,
    ),
    Explainer(
        code="request_timeout",
        status=408,
        title="Request Timeout",
        meaning="The request was not received completely in time.",
        causes=("A client that opened the connection but sent the body too slowly or not at all.",),
        fix=("Send the whole request at once; retry.",),
        wrong=_mint(when="when the body stalls half-way"),
        right=_mint(),
        reproducible=False,
    ),
    Explainer(
        code="length_required",
        status=411,
        title="Length Required",
        meaning="The request has a body but says neither how long it is nor that it is chunked.",
        causes=("A hand-made HTTP client that leaves out `Content-Length`.",),
        fix=("Let your HTTP library set `Content-Length`.",),
        wrong=_mint(when="without Content-Length or Transfer-Encoding"),
        right=_mint(),
        reproducible=False,
    ),
    Explainer(
        code="uri_too_long",
        status=414,
        title="Request-URI Too Long",
        meaning="The URL is longer than the broker accepts.",
        causes=("Data sent in the query string; the API takes data only in JSON bodies.",),
        fix=("Send the data in the body.",),
        wrong=Example(method="GET", path="/healthz?data=<10,000 characters>"),
        right=Example(method="GET", path="/healthz"),
        reproducible=False,
    ),
    Explainer(
        code="request_header_fields_too_large",
        status=431,
        title="Request Header Fields Too Large",
        meaning="A header, or all headers together, are larger than the broker accepts.",
        causes=("Cookies or data sent in headers.",),
        fix=("Send data in the body; send no cookies to the API.",),
        wrong=_mint(when="with a 20 KB header"),
        right=_mint(),
        reproducible=False,
    ),
    Explainer(
        code="http_error",
        status=400,
        title="HTTP error",
        meaning="An HTTP error without a more precise code; its `status` says which.",
        causes=("A request the web framework refused before the broker looked at it.",),
        fix=("Check `status` and `detail`, and compare the request with the API reference.",),
        wrong=_mint(when="for an HTTP error without its own code"),
        right=_mint(),
        reproducible=False,
    ),
)

BY_CODE: dict[str, Explainer] = {explainer.code: explainer for explainer in EXPLAINERS}
