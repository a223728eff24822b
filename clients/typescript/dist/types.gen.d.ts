export type ClientOptions = {
    baseUrl: 'https://{host}' | 'http://127.0.0.1:8000' | (string & {});
};
export type Webhooks = ReceiveEventWebhookRequest;
/**
 * A console form with only its CSRF token (from the page the form is on).
 */
export type ConsoleCsrfForm = {
    csrf_token: string;
};
/**
 * The Send form: its CSRF token and attempt (a random value per form shown), the link's expiry (minutes:
 * 15, 60, 2880), locale, delivery (`email` with `to`, or `qr`), and the payload's fields by kind:
 * `organization_id`, `organization_name`, `employee_*` (ExorLive Main), `contact_*`; generic profiles
 * `key_1`…`key_5` with `value_1`…`value_5`.
 *
 */
export type ConsoleSendForm = {
    csrf_token: string;
    attempt?: string;
    expiry?: '15' | '60' | '2880';
    locale?: 'nb' | 'nn' | 'en';
    delivery?: 'email' | 'qr';
    to?: string;
    [key: string]: string | string | '15' | '60' | '2880' | 'nb' | 'nn' | 'en' | 'email' | 'qr' | string | undefined;
};
/**
 * The console's token inspector form.
 */
export type ConsoleInspectorForm = {
    csrf_token: string;
    token: string;
    /**
     * A profile's name of the account; empty for the default keys.
     */
    profile?: string;
};
/**
 * The console's form that creates an API key.
 */
export type ConsoleApiKeyForm = {
    csrf_token: string;
    label?: string;
    scopes?: Array<'links:long' | 'links:email' | 'links:admin' | 'keys:admin' | 'webhooks:admin'>;
    mode: 'live' | 'test';
    /**
     * `<count>/<second|minute|hour|day>`; empty for the broker's RATE_LIMIT.
     */
    rate_limit?: string;
};
/**
 * The console's invitation form.
 */
export type ConsoleInviteForm = {
    csrf_token: string;
    email: string;
    role: 'owner' | 'admin' | 'viewer';
    language: 'nb' | 'nn' | 'en';
};
/**
 * The console's form that changes a user's role.
 */
export type ConsoleRoleForm = {
    csrf_token: string;
    role: 'owner' | 'admin' | 'viewer';
};
/**
 * The console's sign-in form.
 */
export type ConsoleSignInForm = {
    email: string;
    csrf_token: string;
};
/**
 * The generateJWT request. `payload` is required, and a profile key in `profileKey` or in the
 * `Profile-Key` header. Fields not listed here are refused with `422`; the Ayrshare-style fields
 * `privateKey`, `base64` and `domain` are refused with an explanation (the broker holds the keys, and
 * the relying party's domain is part of the profile).
 *
 */
export type GenerateJwtRequest = {
    /**
     * Which profile to sign for (it starts with `pk_`). Required here or as the `Profile-Key` header.
     * Sending your API key (`tbk_…`) here is refused with `400 api_key_as_profile_key`.
     *
     */
    profileKey?: string;
    /**
     * The claims about the user, as a JSON object; they appear at the top level of the token. Which
     * fields are required depends on the profile's payload kind, checked after the profile is found:
     * see `ExorLiveMainPayload` (`exorlive-main`), `ExorLiveGoPayload` (`exorlive-go`) and
     * `GenericPayload` (`generic`, any object). For every kind: at most 8 KiB as compact JSON, and none
     * of the names `iss`, `aud`, `exp`, `nbf`, `iat`, `nonce`, `jti`, `sub` (the broker sets those) or
     * `redirect`, `azp`, `acr`, `amr`, `auth_time`, `scope`, `sid`, `cnf`, `client_id`, `typ` (a relying
     * party may act on them; `redirect` belongs at the top level).
     *
     */
    payload: ExorLiveMainPayload | ExorLiveGoPayload | GenericPayload;
    expireIn?: Minutes;
    /**
     * Another spelling of `expireIn`. If both are sent they must be equal.
     */
    expiresIn?: Minutes;
    /**
     * `true` to have the broker check the new token against its published JWKS with the relying
     * party's rules before returning it. Only JSON `true`/`false` are accepted. If the check fails the
     * answer is `503 verification_failed` and no token is returned.
     *
     */
    verify?: boolean;
    /**
     * An http(s) URL the relying party may send the user to after signing in; it becomes the
     * `redirect` claim. Its origin (scheme, host and port) must be one of the profile's allowed
     * origins, otherwise `422 redirect_not_allowed`.
     *
     */
    redirect?: string;
    email?: EmailRequest;
    /**
     * With `email`, the answer leaves out `token` (your tool wanted a mail, not the member's live token,
     * and Bubble logs what it receives) unless this is `true`. Without `email`, `token` is always there.
     *
     */
    includeToken?: boolean;
    /**
     * The `linkId` of an earlier link of yours (any state) that the new one replaces: the new link is made
     * and the old one revoked in one transaction, so re-sending an invitation leaves exactly one working
     * link. The answer's `url` is then always a launch link. Needs the scope `links:admin`. An unknown id,
     * or another account's, is `404 link_not_found` and nothing is made.
     *
     */
    replaces?: string;
    /**
     * `true` adds `qrSvg`, an SVG QR code of the launch link, for a screen in front of the member: they scan
     * it and go on on their phone. The `url` is then always a launch link that waits for a tap. Not with
     * `email` (`422`: a QR code is for someone in front of you). The QR code is made for each answer and
     * never stored.
     *
     */
    qr?: boolean;
    /**
     * The language of the launch link's pages, mail and QR code title: `nb` (Norwegian bokmål), `nn`
     * (nynorsk) or `en`.
     * Kept with the link. Default: the profile's locale; without one, pages follow the browser's
     * `Accept-Language` and mails are in English.
     *
     */
    locale?: 'nb' | 'nn' | 'en';
};
/**
 * Mail the `url` (always a launch link when `email` is given; it waits for a click, since mail scanners
 * open links) to a member. Needs the scope `links:email`, and `links:long` when `expireIn` outlives the
 * token. The mail (text and HTML) carries the link, its expiry in words and as a date, and what you
 * give here, nothing from the payload. If the mail server refuses or is down, the answer is
 * `502 email_failed` and the link made for it is revoked. Invalid addresses are `422` before anything
 * is made. Values may not contain line breaks or other control characters. The mail is From your
 * account's display name on the broker's address (`Tatooine Physio <no-reply@broker.example>`).
 *
 */
export type EmailRequest = {
    to: string;
    /**
     * Copies, sent as envelope recipients only (never in the message headers).
     */
    bcc?: Array<string>;
    /**
     * Names the sender in the subject and the text (your account's display name when absent). May not
     * contain `=?…?=`, which mail programs would decode as an encoded word.
     *
     */
    companyName?: string;
    /**
     * Shown in the mail and used as Reply-To.
     */
    contactEmail?: string;
    termsUrl?: string;
    privacyUrl?: string;
};
export type GenerateJwtResponse = {
    /**
     * The signed JWT (compact JWS). A live credential for up to 5 minutes; do not log or store it. Left
     * out when the request had `email` without `includeToken: true`.
     *
     */
    token?: string;
    /**
     * The URL to open (e.g. with Bubble's *Open an external website*): the relying party's URL with the
     * token in its query (`query` profiles), the URL the relying party answered (`exchange`), or a
     * launch link on the broker (`form` profiles, and any profile when `expireIn` outlives the token,
     * with `email`, `qr` or `replaces`).
     *
     */
    url: string | null;
    /**
     * Present exactly when `url` is a launch link: its public id (it opens nothing), for
     * `GET /api/v1/links/{linkId}`, `replaces` and revocation.
     *
     */
    linkId?: string;
    /**
     * Present when the request had `qr`; an SVG document of a QR code of `url`. Its `<title>` ("Sign-in
     * link") is in the link's language (`locale`, else the profile's; English without either).
     *
     */
    qrSvg?: string;
    /**
     * When `url` stops working (UTC); for a launch link, `expireIn` after the request.
     */
    expiresAt: string;
    /**
     * When the token expires (its `exp` claim, UTC).
     */
    tokenExpiresAt: string;
    /**
     * How long `url` works, in minutes (`"30m"`) or, if not whole minutes, seconds (`"90s"`).
     */
    expiresIn: string;
    /**
     * The id of the signing key (its RFC 7638 thumbprint), as in the token header and the JWKS.
     */
    kid: string;
    /**
     * The signature algorithm, as in the token header.
     */
    alg: 'ES256' | 'RS256' | 'PS256';
    /**
     * The name of the profile the token was made for.
     */
    profile: string;
    /**
     * The id of this request, equal to the `X-Request-Id` response header.
     */
    requestId: string;
    /**
     * Present, and `true`, only when the request asked for `verify`.
     */
    verified?: true;
    /**
     * Present when the request asked for `email`: `true` when the mail server accepted the mail; `false` for
     * a test key (`tbk_test_…`), whose mail is never sent but kept in the test inbox (`delivery:
     * test-inbox`, read it with `GET /api/v1/test-inbox`). A mail the server refused is `502 email_failed`,
     * never `false`.
     *
     */
    emailSent?: boolean;
    /**
     * Present when the request asked for `email`: where the mail went. `email`, sent to the member (live
     * keys); `test-inbox`, kept for `GET /api/v1/test-inbox` (test keys).
     *
     */
    delivery?: 'email' | 'test-inbox';
};
export type Readiness = {
    status: 'ready' | 'not ready';
    database: 'ok' | 'unreachable' | 'not migrated';
    /**
     * Why the instance is not ready and what to run or check; empty when ready.
     */
    reasons: Array<string>;
    keysets: {
        [key: string]: {
            /**
             * It can sign now.
             */
            usable: boolean;
            /**
             * Secrets Manager has not confirmed its keys within `KEY_MAX_STALENESS_SECONDS`.
             */
            stale: boolean;
            /**
             * Seconds since Secrets Manager last confirmed its keys.
             */
            ageSeconds: number | null;
            kids: Array<string>;
        };
    };
};
/**
 * A link with what happened to it, oldest event first (`LinkSummary` and two more fields).
 */
export type LinkDetail = {
    /**
     * The link's public id (opens nothing).
     */
    id: string;
    profile: string;
    createdAt: string;
    expiresAt: string;
    /**
     * How many more times it can be used; 0 once it is used up, expired or revoked.
     */
    usesLeft: number;
    state: 'usable' | 'expired' | 'used' | 'revoked';
    /**
     * For an emailed link, the address masked like `b***@galaxy.com`; otherwise null.
     */
    recipient: string | null;
    /**
     * False for the links of test profiles (made with test API keys).
     */
    livemode: boolean;
    /**
     * The language its pages speak.
     */
    locale: 'nb' | 'nn' | 'en' | null;
    events: Array<{
        /**
         * `renewed` on both links of a renewal by the member; `replaced` on the link a request's
         * `replaces` revoked.
         *
         */
        type: 'created' | 'emailed' | 'email_failed' | 'used' | 'revoked' | 'renewed' | 'replaced';
        at: string;
        /**
         * On a `replaced` event, the id of the link that replaced this one.
         */
        replacedBy?: string;
    }>;
};
export type LinkSummary = {
    /**
     * The link's public id (opens nothing).
     */
    id: string;
    profile: string;
    createdAt: string;
    expiresAt: string;
    /**
     * How many more times it can be used; 0 once it is used up, expired or revoked.
     */
    usesLeft: number;
    state: 'usable' | 'expired' | 'used' | 'revoked';
    /**
     * For an emailed link, the address masked like `b***@galaxy.com`; otherwise null.
     */
    recipient: string | null;
    /**
     * False for the links of test profiles (made with test API keys).
     */
    livemode: boolean;
};
export type ApiKeySummary = {
    /**
     * The key's first 12 characters (not enough to use it).
     */
    prefix: string;
    label: string;
    scopes: Array<'links:long' | 'links:email' | 'links:admin' | 'keys:admin' | 'webhooks:admin'>;
    rateLimit: string;
    createdAt: string;
    revokedAt: string | null;
};
/**
 * `link.*`: what happened to a launch link (`link.expired` when a link expired unused; `link.revoked` also
 * for a link a request's `replaces` withdrew). `keyset.rotated`: a new key signs your profiles' tokens.
 * `webhook.disabled`: one of your endpoints was disabled after failing for 5 days.
 *
 */
export type WebhookEventType = 'link.created' | 'link.emailed' | 'link.email_failed' | 'link.used' | 'link.revoked' | 'link.renewed' | 'link.expired' | 'keyset.rotated' | 'webhook.disabled';
export type NewWebhookEndpoint = {
    /**
     * `https://…` (`http://` only to loopback on a development broker); no user name or password.
     */
    url: string;
    /**
     * The event types it receives; without it, every type (also types added later).
     */
    events?: Array<WebhookEventType>;
    /**
     * For you; one line.
     */
    description?: string;
};
/**
 * A webhook endpoint; never its secret.
 */
export type WebhookEndpoint = WebhookEndpointFields;
export type WebhookEndpointFields = {
    /**
     * The endpoint's id (`we_…`).
     */
    id: string;
    url: string;
    description: string;
    /**
     * The event types it receives; null for every type.
     */
    events: Array<WebhookEventType> | null;
    /**
     * `disabled` once every attempt failed for 5 days: nothing is sent to it any more.
     */
    state: 'enabled' | 'disabled';
    createdAt: string;
    disabledAt: string | null;
    /**
     * Since when every attempt failed; null after a success.
     */
    failingSince: string | null;
    lastSuccessAt: string | null;
    /**
     * After a secret rotation, until when the old secret signs alongside the new one.
     */
    previousSecretExpiresAt: string | null;
};
/**
 * An endpoint with its signing secret, shown only when it is made or rotated.
 */
export type WebhookEndpointWithSecret = WebhookEndpointFields & {
    /**
     * The Standard Webhooks secret (`whsec_` and base64); give it to your verifying library as it is.
     */
    secret: string;
};
export type WebhookDelivery = {
    /**
     * The delivery's id (`dlv_…`).
     */
    id: string;
    /**
     * The event's id, sent as `webhook-id` (`msg_…`).
     */
    eventId: string;
    type: WebhookEventType;
    /**
     * `failed` when every attempt failed for 24 hours, or its endpoint was disabled.
     */
    state: 'pending' | 'delivered' | 'failed';
    attempts: number;
    /**
     * The HTTP status your endpoint last answered.
     */
    lastStatus: number | null;
    /**
     * Why the last attempt failed: `http_status` (not 2xx, redirects included), `timeout`, `connection_failed`,
     * `tls_error`, `dns_failed`, `address_not_allowed`, `endpoint_disabled`, …
     *
     */
    lastError: string | null;
    lastAttemptAt: string | null;
    /**
     * When the next attempt is due (pending only).
     */
    nextAttemptAt: string | null;
    createdAt: string;
    finishedAt: string | null;
};
export type WebhookEventRecord = {
    /**
     * The event's id, sent as `webhook-id`.
     */
    id: string;
    type: WebhookEventType;
    timestamp: string;
    data: WebhookEventData;
};
/**
 * Ids and states only: never payload values, names, addresses, tokens or link secrets. Link events carry
 * `linkId`, `profile` (its name), `state` (after the change) and `requestId` (the request that made the
 * change; null for `link.expired`), `livemode` (false for a test profile's link), and `replacedBy` or
 * `renewedBy` where they apply; `keyset.rotated`
 * carries `keyset`, `kid` and `previousKid`; `webhook.disabled` carries `webhookId` and `reason`.
 *
 */
export type WebhookEventData = {
    linkId?: string;
    profile?: string;
    state?: 'usable' | 'expired' | 'used' | 'revoked';
    requestId?: string | null;
    /**
     * False for the links of test profiles (made with test API keys).
     */
    livemode?: boolean;
    replacedBy?: string;
    renewedBy?: string;
    keyset?: string;
    kid?: string;
    previousKid?: string;
    webhookId?: string;
    reason?: 'failing';
};
/**
 * The body of every delivery (compact JSON), signed with the Standard Webhooks headers.
 */
export type WebhookPayload = {
    type: WebhookEventType;
    /**
     * When it happened (not when it was sent).
     */
    timestamp: string;
    data: WebhookEventData;
};
/**
 * The patient or member in focus. IDs and names may not be empty; the optional texts may be `""`.
 * Where the profile checks it, `ssn` must be a valid Norwegian national identity number (11 digits, two
 * mod-11 check digits). Extra fields are allowed and pass into the token, except near misses of these
 * names (`firstName`), refused with "did you mean".
 *
 */
export type Contact = {
    id: string;
    firstname: string;
    lastname: string;
    middlename?: string;
    /**
     * An ISO date, `YYYY-MM-DD`.
     */
    birthdate?: string;
    ssn?: string;
    gender?: string;
    mobile?: string;
    /**
     * An email address, or `""`.
     */
    email?: string | string;
    diagnosis?: string;
};
/**
 * `payload` for profiles of kind `exorlive-go`: the organisation and the member. Extra fields are
 * allowed and pass into the token, except near misses of these names (`organisationId`), refused with
 * "did you mean".
 *
 */
export type ExorLiveGoPayload = {
    organizationId: string;
    organizationName: string;
    contact: Contact;
};
/**
 * `payload` for profiles of kind `exorlive-main`: as `exorlive-go`, plus the signed-in instructor
 * (employee). Extra fields are allowed and pass into the token, except near misses of these names
 * (`employeeMail`), refused with "did you mean".
 *
 */
export type ExorLiveMainPayload = ExorLiveGoPayload & {
    employeeId: string;
    employeeUsername?: string;
    employeeFirstname: string;
    employeeLastname: string;
    /**
     * An email address, or `""`.
     */
    employeeEmail?: string | string;
};
/**
 * `payload` for profiles of kind `generic`: any JSON object within the size bound.
 */
export type GenericPayload = {
    [key: string]: unknown;
};
/**
 * A JSON Web Key Set (RFC 7517) with public keys only; never empty.
 */
export type Jwks = {
    keys: Array<PublicJwk>;
};
/**
 * One public signing key. Only public members are ever published: a key with private members
 * (`d`, `p`, `q`, `dp`, `dq`, `qi`) does not match this schema.
 *
 */
export type PublicJwk = ({
    kty: 'EC';
} & EcPublicJwk) | ({
    kty: 'RSA';
} & RsaPublicJwk);
/**
 * A P-256 public key for ES256.
 */
export type EcPublicJwk = {
    kty: 'EC';
    crv: 'P-256';
    x: string;
    y: string;
    /**
     * RFC 7638 thumbprint; the `kid` in the header of tokens this key signs.
     */
    kid: string;
    alg: 'ES256';
    use: 'sig';
};
/**
 * An RSA public key (at least 2048 bits) for RS256 or PS256.
 */
export type RsaPublicJwk = {
    kty: 'RSA';
    n: string;
    e: string;
    /**
     * RFC 7638 thumbprint; the `kid` in the header of tokens this key signs.
     */
    kid: string;
    alg: 'RS256' | 'PS256';
    use: 'sig';
};
/**
 * How long, in minutes, the URL should work (1 to 2880, i.e. 48 hours; default 5): a whole number (`5`, not
 * `5.0` or `"5"`), or a duration as a string: `"90m"`, `"48h"`, `"2d"`. The token itself never lives longer
 * than the profile allows (at most 5 minutes); the response's `expiresIn` says what was granted.
 *
 */
export type Minutes = number | string;
export type InspectTokenRequest = {
    /**
     * The JWT (compact JWS, `eyJ….eyJ….…`).
     */
    token: string;
    /**
     * A profile of your account: its keyset's published JWKS is used (unless you send `jwks`), and `iss` and
     * `aud` are checked against it.
     *
     */
    profileKey?: string;
    /**
     * A JWKS document to check the signature with, e.g. your own when you sign tokens yourself. Public keys
     * only: a key with private members is refused. (A URL is refused too: the broker fetches nothing.)
     *
     */
    jwks?: {
        keys: Array<{
            [key: string]: unknown;
        }>;
    };
    /**
     * The `iss` to expect, without `profileKey` (send `audience` with it).
     */
    issuer?: string;
    /**
     * The `aud` to expect, without `profileKey` (send `issuer` with it).
     */
    audience?: string;
};
export type TokenInspection = {
    /**
     * True when every rule passed (none failed, none unchecked).
     */
    valid: boolean;
    /**
     * In one sentence; names the first rule that fails.
     */
    summary: string;
    /**
     * The decoded JOSE header (null if it could not be decoded).
     */
    header: {
        [key: string]: unknown;
    } | null;
    /**
     * The decoded claims, also when the signature does not verify (see `signatureVerified`).
     */
    claims: {
        [key: string]: unknown;
    } | null;
    signatureVerified: boolean;
    /**
     * The broker's clock (Unix seconds) that `iat` and `exp` were checked against.
     */
    checkedAt: number;
    /**
     * How much clock difference the time rules allow.
     */
    leewaySeconds: number;
    /**
     * The `iss` and `aud` checked against; null when neither a profile nor issuer and audience were sent.
     */
    expected: {
        iss?: string;
        aud?: string;
    } | null;
    keys: {
        /**
         * `profile`: the profile's keyset as published; `default`: /.well-known/jwks.json; `request`: the `jwks` you sent.
         */
        source: 'profile' | 'default' | 'request';
        keyset: string | null;
        /**
         * The usable keys' ids.
         */
        kids: Array<string>;
    };
    /**
     * Every rule, in the order a relying party checks them.
     */
    rules: Array<{
        rule: 'format' | 'alg' | 'typ' | 'header' | 'kid' | 'signature' | 'iss' | 'aud' | 'iat' | 'nbf' | 'exp' | 'lifetime' | 'nonce';
        result: 'pass' | 'fail' | 'unchecked';
        /**
         * Why, in a sentence.
         */
        detail: string;
    }>;
};
/**
 * Where everything is on this broker, as absolute URLs.
 */
export type ServiceIndex = {
    service: string;
    description: string;
    docs: string;
    guides: string;
    openapi: string;
    openapiJson: string;
    problems: string;
    generateJWT: string;
    inspectToken: string;
    jwks: string;
    health: string;
    readiness: string;
};
/**
 * An error, as RFC 9457 problem details. Branch on `status` and `code`; show `detail` to a person.
 * New codes may be added, so treat an unknown `code` by its `status`.
 *
 */
export type Problem = {
    /**
     * `<the broker's public base URL>/problems/<code>`: a page on the broker that explains this kind of
     * problem (what it means, the usual causes, how to fix it, and an example request that causes it and
     * one that does not). Open it in a browser.
     *
     */
    type: string;
    /**
     * A short summary of the kind of problem.
     */
    title: string;
    /**
     * The HTTP status code, repeated.
     */
    status: number;
    /**
     * What went wrong with this request, in words meant for a person. It never repeats secrets.
     */
    detail: string;
    /**
     * A stable machine-readable code (see the table in the API description). Each code has a page on the
     * broker at `/problems/<code>`, the `type`; `/problems` lists them all.
     *
     */
    code: string;
    /**
     * The id of the request, equal to the `X-Request-Id` response header.
     */
    requestId: string;
    /**
     * Only for `422` and `400 unknown_query_parameter`; the other problems never have it.
     */
    errors?: ProblemErrors;
};
/**
 * The messages per field. Nested fields are named with dots (`payload.contact.birthdate`); `_body` means
 * the body as a whole (e.g. it is not a JSON object).
 *
 */
export type ProblemErrors = {
    [key: string]: Array<string>;
};
/**
 * The body of a `429` answer (response `RateLimited`).
 */
export type RateLimitedProblem = Problem & {
    status: 429;
    code: 'rate_limited';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `403` answer (response `GenerateForbidden`).
 */
export type GenerateForbiddenProblem = Problem & {
    status: 403;
    code: 'insufficient_scope' | 'mode_mismatch';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `403` answer (response `TestKeyRequired`).
 */
export type TestKeyRequiredProblem = Problem & {
    status: 403;
    code: 'test_key_required';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `403` answer (response `InsufficientScope`).
 */
export type InsufficientScopeProblem = Problem & {
    status: 403;
    code: 'insufficient_scope';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `404` answer (response `ApiKeyNotFound`).
 */
export type ApiKeyNotFoundProblem = Problem & {
    status: 404;
    code: 'api_key_not_found';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `404` answer (response `WebhookNotFound`).
 */
export type WebhookNotFoundProblem = Problem & {
    status: 404;
    code: 'webhook_not_found' | 'delivery_not_found' | 'not_found';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `409` answer (response `WebhookDisabled`).
 */
export type WebhookDisabledProblem = Problem & {
    status: 409;
    code: 'webhook_disabled';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `422` answer (response `WebhookValidationFailed`).
 */
export type WebhookValidationFailedProblem = Problem & {
    status: 422;
    code: 'validation_failed' | 'webhook_url_not_allowed';
    errors: ProblemErrors;
};
/**
 * The body of a `404` answer (response `GenerateNotFound`).
 */
export type GenerateNotFoundProblem = Problem & {
    status: 404;
    code: 'profile_not_found' | 'link_not_found';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `404` answer (response `LinkNotFound`).
 */
export type LinkNotFoundProblem = Problem & {
    status: 404;
    code: 'link_not_found';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `409` answer (response `GenerateConflict`).
 */
export type GenerateConflictProblem = Problem & {
    status: 409;
    code: 'idempotency_in_progress' | 'link_already_replaced';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `400` answer (response `UnknownQueryParameter`).
 */
export type UnknownQueryParameterProblem = Problem & {
    status: 400;
    code: 'unknown_query_parameter';
    errors: ProblemErrors;
};
/**
 * The body of a `400` answer (response `BadRequest`).
 */
export type BadRequestProblem = Problem & {
    status: 400;
    code: 'bad_request' | 'malformed_json' | 'api_key_as_profile_key';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `401` answer (response `Unauthorized`).
 */
export type UnauthorizedProblem = Problem & {
    status: 401;
    code: 'unauthorized';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `404` answer (response `ProfileNotFound`).
 */
export type ProfileNotFoundProblem = Problem & {
    status: 404;
    code: 'profile_not_found';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `405` answer (response `MethodNotAllowed`).
 */
export type MethodNotAllowedProblem = Problem & {
    status: 405;
    code: 'method_not_allowed';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `413` answer (response `PayloadTooLarge`).
 */
export type PayloadTooLargeProblem = Problem & {
    status: 413;
    code: 'payload_too_large';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `415` answer (response `UnsupportedMediaType`).
 */
export type UnsupportedMediaTypeProblem = Problem & {
    status: 415;
    code: 'unsupported_media_type';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `422` answer (response `ValidationFailed`).
 */
export type ValidationProblem = Problem & {
    status: 422;
    code: 'validation_failed' | 'redirect_not_allowed' | 'idempotency_key_reused';
    errors: ProblemErrors;
};
/**
 * The body of a `503` answer (response `GenerateUnavailable`).
 */
export type GenerateUnavailableProblem = Problem & {
    status: 503;
    code: 'key_unavailable' | 'verification_failed' | 'database_unavailable';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `502` answer (response `RelyingPartyError`).
 */
export type RelyingPartyErrorProblem = Problem & {
    status: 502;
    code: 'relying_party_error' | 'email_failed';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `503` answer (response `KeyUnavailable`).
 */
export type KeyUnavailableProblem = Problem & {
    status: 503;
    code: 'key_unavailable';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `404` answer (response `KeysetNotFound`).
 */
export type KeysetNotFoundProblem = Problem & {
    status: 404;
    code: 'keyset_not_found' | 'not_found';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `404` answer (response `NotFound`).
 */
export type NotFoundProblem = Problem & {
    status: 404;
    code: 'not_found';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * The body of a `500` answer (response `InternalError`).
 */
export type InternalErrorProblem = Problem & {
    status: 500;
    code: 'internal_error';
    /**
     * Never present here: only `422` and `unknown_query_parameter` have it.
     */
    errors?: unknown;
};
/**
 * Only events of this action (empty or absent for all).
 */
export type ConsoleAuditAction = '' | 'token.minted' | 'link.used' | 'link.renewed' | 'console.sign_in_sent' | 'console.signed_in' | 'console.signed_out' | 'console.link.sent' | 'console.link.revoked' | 'console.api_key.created' | 'console.api_key.revoked' | 'console.webhook.secret_rotated' | 'console.webhook.redelivered' | 'console.token.inspected' | 'console.user.invited' | 'console.user.role_changed' | 'console.user.removed' | 'console.audit.exported';
/**
 * `ok`: only events that succeeded; `failed`: only those that failed or were refused.
 */
export type ConsoleAuditOutcome = '' | 'ok' | 'failed';
/**
 * The first day (in the account's time zone), from 2000-01-01 to 2100-12-31.
 */
export type ConsoleAuditFrom = string;
/**
 * The last day (included), not before `from`.
 */
export type ConsoleAuditTo = string;
/**
 * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
 * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
 *
 */
export type RequestIdIn = string;
/**
 * The `ETag` of a JWKS you already have; if it is still current the answer is `304` with no body.
 */
export type IfNoneMatch = string;
/**
 * The endpoint's id (`we_…`), as registering it answered or the list shows it.
 */
export type WebhookId = string;
export type WebhookListLimit = number;
export type GenerateJwtData = {
    /**
     * The request, as a JSON object. Unknown fields are refused (`422`), so typos are caught.
     */
    body: GenerateJwtRequest;
    headers?: {
        /**
         * The profile key, as an alternative to `profileKey` in the body (for tools that make headers easier
         * than bodies). If both are sent they must be equal.
         *
         */
        'Profile-Key'?: string;
        /**
         * Makes a retry safe: the same key with the same body within 24 hours returns the first response
         * again (with the header `Idempotent-Replayed: true`; the body is the first one as it was, its
         * `requestId` included) and makes nothing new: no second link, no second email. The same key with another body is `422 idempotency_key_reused`; while the first request
         * is still running it is `409 idempotency_in_progress`. Keys are per account; 1–255 visible ASCII
         * characters. A request that fails frees its key.
         *
         */
        'Idempotency-Key'?: string;
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/generateJWT';
};
export type GenerateJwtErrors = {
    /**
     * The request cannot be understood. `malformed_json`: the body is not valid JSON. `bad_request`: no
     * profile key was sent, or the body's `profileKey` and the `Profile-Key` header differ.
     * `api_key_as_profile_key`: the API key was sent as the profile key (send it only in `Authorization`).
     *
     */
    400: BadRequestProblem;
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * `insufficient_scope`: the API key is valid but lacks the scope this request needs; `detail` names it.
     * `mode_mismatch`: a test API key (`tbk_test_…`) named a live profile, or a live key a test profile.
     *
     */
    403: GenerateForbiddenProblem;
    /**
     * `profile_not_found`: no profile with this profile key belongs to your API key's account (a profile of
     * another account gets the same answer). `link_not_found`: `replaces` names no link of your account;
     * nothing was made.
     *
     */
    404: GenerateNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * `idempotency_in_progress`: a request with the same `Idempotency-Key` is still running (retry after
     * `Retry-After` seconds). `link_already_replaced`: `replaces` names a link that was already replaced;
     * `detail` names the newest link of its chain. In both cases nothing was made.
     *
     */
    409: GenerateConflictProblem;
    /**
     * The request body is larger than the broker accepts (64 KiB unless the operator set another limit).
     */
    413: PayloadTooLargeProblem;
    /**
     * The body was not sent as JSON; send it with `Content-Type: application/json`.
     */
    415: UnsupportedMediaTypeProblem;
    /**
     * The JSON is well formed but something in it is not valid; `errors` lists every problem found, per
     * field. `validation_failed`: a field has the wrong type or range, is unknown or missing, or the payload
     * breaks its kind's rules. `redirect_not_allowed`: `redirect` is not on the profile's allowed origins.
     *
     */
    422: ValidationProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * `email_failed`: the mail with the link could not be sent; the link was revoked and no token returned.
     * `relying_party_error`: the profile delivers by `exchange`, and its relying party could not be reached,
     * refused the token, or answered with something other than an http(s) URL on the profile's allowed
     * origins. No token was returned. The detail never contains the token or payload values.
     *
     */
    502: RelyingPartyErrorProblem;
    /**
     * No token can be made right now; retry later. `key_unavailable`: the profile's keyset has no usable
     * signing key. `verification_failed`: `verify: true` was asked and the new token failed the relying
     * party's checks against the published JWKS; no token was returned. `database_unavailable`: the
     * broker's database did not answer; nothing was made; retry after `Retry-After`.
     *
     */
    503: GenerateUnavailableProblem;
};
export type GenerateJwtError = GenerateJwtErrors[keyof GenerateJwtErrors];
export type GenerateJwtResponses = {
    /**
     * The signed token and where to send the user.
     */
    200: GenerateJwtResponse;
};
export type GenerateJwtResponse2 = GenerateJwtResponses[keyof GenerateJwtResponses];
export type InspectTokenData = {
    body: InspectTokenRequest;
    headers?: {
        /**
         * The profile key, as an alternative to `profileKey` in the body.
         */
        'Profile-Key'?: string;
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/tokens/inspect';
};
export type InspectTokenErrors = {
    /**
     * The request cannot be understood. `malformed_json`: the body is not valid JSON. `bad_request`: no
     * profile key was sent, or the body's `profileKey` and the `Profile-Key` header differ.
     * `api_key_as_profile_key`: the API key was sent as the profile key (send it only in `Authorization`).
     *
     */
    400: BadRequestProblem;
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * No profile with this profile key belongs to your API key's account (a profile of another account gets
     * the same answer).
     *
     */
    404: ProfileNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * The request body is larger than the broker accepts (64 KiB unless the operator set another limit).
     */
    413: PayloadTooLargeProblem;
    /**
     * The body was not sent as JSON; send it with `Content-Type: application/json`.
     */
    415: UnsupportedMediaTypeProblem;
    /**
     * The JSON is well formed but something in it is not valid; `errors` lists every problem found, per
     * field. `validation_failed`: a field has the wrong type or range, is unknown or missing, or the payload
     * breaks its kind's rules. `redirect_not_allowed`: `redirect` is not on the profile's allowed origins.
     *
     */
    422: ValidationProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * No token can be made right now; retry later. `key_unavailable`: the profile's keyset has no usable
     * signing key. `verification_failed`: `verify: true` was asked and the new token failed the relying
     * party's checks against the published JWKS; no token was returned. `database_unavailable`: the
     * broker's database did not answer; nothing was made; retry after `Retry-After`.
     *
     */
    503: GenerateUnavailableProblem;
};
export type InspectTokenError = InspectTokenErrors[keyof InspectTokenErrors];
export type InspectTokenResponses = {
    /**
     * The inspection (also when the token fails rules: then `valid` is false and `summary` names the first
     * rule it breaks).
     *
     */
    200: TokenInspection;
};
export type InspectTokenResponse = InspectTokenResponses[keyof InspectTokenResponses];
export type GetDefaultJwksData = {
    body?: never;
    headers?: {
        /**
         * The `ETag` of a JWKS you already have; if it is still current the answer is `304` with no body.
         */
        'If-None-Match'?: string;
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/.well-known/jwks.json';
};
export type GetDefaultJwksErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * No usable key to publish right now (an empty key set is never served): the keyset's keys cannot be
     * read, or, for `/.well-known/jwks.json`, no keyset is configured yet. Retry later.
     *
     */
    503: KeyUnavailableProblem;
};
export type GetDefaultJwksError = GetDefaultJwksErrors[keyof GetDefaultJwksErrors];
export type GetDefaultJwksResponses = {
    /**
     * The key set.
     */
    200: Jwks;
};
export type GetDefaultJwksResponse = GetDefaultJwksResponses[keyof GetDefaultJwksResponses];
export type GetKeysetJwksData = {
    body?: never;
    headers?: {
        /**
         * The `ETag` of a JWKS you already have; if it is still current the answer is `304` with no body.
         */
        'If-None-Match'?: string;
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The keyset's name, as the operator created it.
         */
        name: string;
    };
    query?: never;
    url: '/keysets/{name}/jwks.json';
};
export type GetKeysetJwksErrors = {
    /**
     * `keyset_not_found`: no keyset has this name. `not_found`: the path does not name a keyset at all (e.g.
     * the name holds a `/`).
     *
     */
    404: KeysetNotFoundProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * No usable key to publish right now (an empty key set is never served): the keyset's keys cannot be
     * read, or, for `/.well-known/jwks.json`, no keyset is configured yet. Retry later.
     *
     */
    503: KeyUnavailableProblem;
};
export type GetKeysetJwksError = GetKeysetJwksErrors[keyof GetKeysetJwksErrors];
export type GetKeysetJwksResponses = {
    /**
     * The key set.
     */
    200: Jwks;
};
export type GetKeysetJwksResponse = GetKeysetJwksResponses[keyof GetKeysetJwksResponses];
export type ListLinksData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: {
        limit?: number;
        state?: 'usable' | 'expired' | 'used' | 'revoked';
        /**
         * Only the links emailed to this address (as generateJWT's `email.to` had it; case does not matter),
         * e.g. to find a member's link when they call. URL-encode it (`+` as `%2B`). The broker keeps no
         * address: it matches a keyed hash of it, written when the emailed link (or its renewal) is made (links
         * emailed before the broker kept these hashes are not found by address).
         *
         */
        recipient?: string;
        /**
         * `true`: only the links of live profiles; `false`: only those of test profiles.
         */
        livemode?: boolean;
    };
    url: '/api/v1/links';
};
export type ListLinksErrors = {
    /**
     * `unknown_query_parameter`: the URL has a query parameter this route does not take; nothing was listed.
     * `errors` names each unknown parameter, with the one it most likely meant.
     *
     */
    400: UnknownQueryParameterProblem;
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * The JSON is well formed but something in it is not valid; `errors` lists every problem found, per
     * field. `validation_failed`: a field has the wrong type or range, is unknown or missing, or the payload
     * breaks its kind's rules. `redirect_not_allowed`: `redirect` is not on the profile's allowed origins.
     *
     */
    422: ValidationProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ListLinksError = ListLinksErrors[keyof ListLinksErrors];
export type ListLinksResponses = {
    /**
     * The links.
     */
    200: {
        links: Array<LinkSummary>;
    };
};
export type ListLinksResponse = ListLinksResponses[keyof ListLinksResponses];
export type GetTestInboxData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/test-inbox';
};
export type GetTestInboxErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The test inbox answers test API keys (`tbk_test_…`) only.
     */
    403: TestKeyRequiredProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetTestInboxError = GetTestInboxErrors[keyof GetTestInboxErrors];
export type GetTestInboxResponses = {
    /**
     * The kept mails of the last 24 hours.
     */
    200: {
        messages: Array<{
            id: string;
            receivedAt: string;
            /**
             * The From header, decoded: the account's display name and the broker's address
             * (`Tatooine Physio <no-reply@broker.example>`).
             *
             */
            from: string;
            to: string;
            bcc: Array<string>;
            subject: string;
            /**
             * The plain-text part.
             */
            text: string;
            /**
             * The HTML part.
             */
            html: string;
            /**
             * The launch link the mail carries.
             */
            url: string;
        }>;
    };
};
export type GetTestInboxResponse = GetTestInboxResponses[keyof GetTestInboxResponses];
export type GetLinkData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The `linkId` generateJWT answered, or an id from the list.
         */
        linkId: string;
    };
    query?: never;
    url: '/api/v1/links/{linkId}';
};
export type GetLinkErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * No launch link with that id for your account.
     */
    404: LinkNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetLinkError = GetLinkErrors[keyof GetLinkErrors];
export type GetLinkResponses = {
    /**
     * The link.
     */
    200: LinkDetail;
};
export type GetLinkResponse = GetLinkResponses[keyof GetLinkResponses];
export type RevokeLinkData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The link's id, as the list shows it.
         */
        id: string;
    };
    query?: never;
    url: '/api/v1/links/{id}/revoke';
};
export type RevokeLinkErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * No launch link with that id for your account.
     */
    404: LinkNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RevokeLinkError = RevokeLinkErrors[keyof RevokeLinkErrors];
export type RevokeLinkResponses = {
    /**
     * The link, now revoked.
     */
    200: LinkSummary;
};
export type RevokeLinkResponse = RevokeLinkResponses[keyof RevokeLinkResponses];
export type ListApiKeysData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/api-keys';
};
export type ListApiKeysErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ListApiKeysError = ListApiKeysErrors[keyof ListApiKeysErrors];
export type ListApiKeysResponses = {
    /**
     * The API keys.
     */
    200: {
        apiKeys: Array<ApiKeySummary>;
    };
};
export type ListApiKeysResponse = ListApiKeysResponses[keyof ListApiKeysResponses];
export type RevokeApiKeyData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The key's prefix (its first 12 characters), as the list shows it.
         */
        prefix: string;
    };
    query?: never;
    url: '/api/v1/api-keys/{prefix}/revoke';
};
export type RevokeApiKeyErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * No API key with that prefix for your account.
     */
    404: ApiKeyNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RevokeApiKeyError = RevokeApiKeyErrors[keyof RevokeApiKeyErrors];
export type RevokeApiKeyResponses = {
    /**
     * The key, now revoked.
     */
    200: ApiKeySummary;
};
export type RevokeApiKeyResponse = RevokeApiKeyResponses[keyof RevokeApiKeyResponses];
export type ListWebhooksData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/webhooks';
};
export type ListWebhooksErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ListWebhooksError = ListWebhooksErrors[keyof ListWebhooksErrors];
export type ListWebhooksResponses = {
    /**
     * The endpoints.
     */
    200: {
        webhooks: Array<WebhookEndpoint>;
    };
};
export type ListWebhooksResponse = ListWebhooksResponses[keyof ListWebhooksResponses];
export type CreateWebhookData = {
    body: NewWebhookEndpoint;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/webhooks';
};
export type CreateWebhookErrors = {
    /**
     * The request cannot be understood. `malformed_json`: the body is not valid JSON. `bad_request`: no
     * profile key was sent, or the body's `profileKey` and the `Profile-Key` header differ.
     * `api_key_as_profile_key`: the API key was sent as the profile key (send it only in `Authorization`).
     *
     */
    400: BadRequestProblem;
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * The request body is larger than the broker accepts (64 KiB unless the operator set another limit).
     */
    413: PayloadTooLargeProblem;
    /**
     * The body was not sent as JSON; send it with `Content-Type: application/json`.
     */
    415: UnsupportedMediaTypeProblem;
    /**
     * `validation_failed`: a field is missing, unknown, of the wrong type, or an event type is unknown; or the
     * account has as many endpoints as it may. `webhook_url_not_allowed`: the URL is not https (http only to
     * loopback on a development broker), holds a user name, or, on a production broker, its host resolves to a
     * loopback, private, link-local or metadata address (or does not resolve). `errors` names the field.
     *
     */
    422: WebhookValidationFailedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type CreateWebhookError = CreateWebhookErrors[keyof CreateWebhookErrors];
export type CreateWebhookResponses = {
    /**
     * The endpoint, with its signing secret (shown once).
     */
    201: WebhookEndpointWithSecret;
};
export type CreateWebhookResponse = CreateWebhookResponses[keyof CreateWebhookResponses];
export type ListWebhookEventsData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: {
        limit?: number;
    };
    url: '/api/v1/webhooks/events';
};
export type ListWebhookEventsErrors = {
    /**
     * `unknown_query_parameter`: the URL has a query parameter this route does not take; nothing was listed.
     * `errors` names each unknown parameter, with the one it most likely meant.
     *
     */
    400: UnknownQueryParameterProblem;
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * The JSON is well formed but something in it is not valid; `errors` lists every problem found, per
     * field. `validation_failed`: a field has the wrong type or range, is unknown or missing, or the payload
     * breaks its kind's rules. `redirect_not_allowed`: `redirect` is not on the profile's allowed origins.
     *
     */
    422: ValidationProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ListWebhookEventsError = ListWebhookEventsErrors[keyof ListWebhookEventsErrors];
export type ListWebhookEventsResponses = {
    /**
     * The events.
     */
    200: {
        events: Array<WebhookEventRecord>;
    };
};
export type ListWebhookEventsResponse = ListWebhookEventsResponses[keyof ListWebhookEventsResponses];
export type DeleteWebhookData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The endpoint's id (`we_…`), as registering it answered or the list shows it.
         */
        id: string;
    };
    query?: never;
    url: '/api/v1/webhooks/{id}';
};
export type DeleteWebhookErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * `webhook_not_found`: no webhook endpoint with that id for your account. `delivery_not_found`: the endpoint
     * has no delivery with that id.
     *
     */
    404: WebhookNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type DeleteWebhookError = DeleteWebhookErrors[keyof DeleteWebhookErrors];
export type DeleteWebhookResponses = {
    /**
     * Deleted.
     */
    204: void;
};
export type DeleteWebhookResponse = DeleteWebhookResponses[keyof DeleteWebhookResponses];
export type GetWebhookData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The endpoint's id (`we_…`), as registering it answered or the list shows it.
         */
        id: string;
    };
    query?: never;
    url: '/api/v1/webhooks/{id}';
};
export type GetWebhookErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * `webhook_not_found`: no webhook endpoint with that id for your account. `delivery_not_found`: the endpoint
     * has no delivery with that id.
     *
     */
    404: WebhookNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetWebhookError = GetWebhookErrors[keyof GetWebhookErrors];
export type GetWebhookResponses = {
    /**
     * The endpoint.
     */
    200: WebhookEndpoint;
};
export type GetWebhookResponse = GetWebhookResponses[keyof GetWebhookResponses];
export type RotateWebhookSecretData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The endpoint's id (`we_…`), as registering it answered or the list shows it.
         */
        id: string;
    };
    query?: never;
    url: '/api/v1/webhooks/{id}/rotate-secret';
};
export type RotateWebhookSecretErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * `webhook_not_found`: no webhook endpoint with that id for your account. `delivery_not_found`: the endpoint
     * has no delivery with that id.
     *
     */
    404: WebhookNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RotateWebhookSecretError = RotateWebhookSecretErrors[keyof RotateWebhookSecretErrors];
export type RotateWebhookSecretResponses = {
    /**
     * The endpoint, with its new secret.
     */
    200: WebhookEndpointWithSecret;
};
export type RotateWebhookSecretResponse = RotateWebhookSecretResponses[keyof RotateWebhookSecretResponses];
export type ListWebhookDeliveriesData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The endpoint's id (`we_…`), as registering it answered or the list shows it.
         */
        id: string;
    };
    query?: {
        limit?: number;
    };
    url: '/api/v1/webhooks/{id}/deliveries';
};
export type ListWebhookDeliveriesErrors = {
    /**
     * `unknown_query_parameter`: the URL has a query parameter this route does not take; nothing was listed.
     * `errors` names each unknown parameter, with the one it most likely meant.
     *
     */
    400: UnknownQueryParameterProblem;
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * `webhook_not_found`: no webhook endpoint with that id for your account. `delivery_not_found`: the endpoint
     * has no delivery with that id.
     *
     */
    404: WebhookNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * The JSON is well formed but something in it is not valid; `errors` lists every problem found, per
     * field. `validation_failed`: a field has the wrong type or range, is unknown or missing, or the payload
     * breaks its kind's rules. `redirect_not_allowed`: `redirect` is not on the profile's allowed origins.
     *
     */
    422: ValidationProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ListWebhookDeliveriesError = ListWebhookDeliveriesErrors[keyof ListWebhookDeliveriesErrors];
export type ListWebhookDeliveriesResponses = {
    /**
     * The deliveries.
     */
    200: {
        deliveries: Array<WebhookDelivery>;
    };
};
export type ListWebhookDeliveriesResponse = ListWebhookDeliveriesResponses[keyof ListWebhookDeliveriesResponses];
export type RedeliverWebhookData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        /**
         * The endpoint's id (`we_…`), as registering it answered or the list shows it.
         */
        id: string;
        /**
         * A delivery's id, as the deliveries list shows it.
         */
        deliveryId: string;
    };
    query?: never;
    url: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver';
};
export type RedeliverWebhookErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
    /**
     * The API key is valid but lacks the scope this request needs; `detail` names it.
     */
    403: InsufficientScopeProblem;
    /**
     * `webhook_not_found`: no webhook endpoint with that id for your account. `delivery_not_found`: the endpoint
     * has no delivery with that id.
     *
     */
    404: WebhookNotFoundProblem;
    /**
     * The path exists but not with this method (e.g. a `GET` from a browser); `Allow` lists the right ones.
     */
    405: MethodNotAllowedProblem;
    /**
     * The endpoint was disabled after failing for 5 days; register it again to receive events.
     */
    409: WebhookDisabledProblem;
    /**
     * This API key's rate limit is used up. Wait `Retry-After` seconds. The limit is per API key, shared by
     * every instance of the broker; the operator sets it per key.
     *
     */
    429: RateLimitedProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RedeliverWebhookError = RedeliverWebhookErrors[keyof RedeliverWebhookErrors];
export type RedeliverWebhookResponses = {
    /**
     * The new delivery, pending.
     */
    202: WebhookDelivery;
};
export type RedeliverWebhookResponse = RedeliverWebhookResponses[keyof RedeliverWebhookResponses];
export type RenewLaunchLinkData = {
    body?: {
        /**
         * The form token of the link's page.
         */
        csrf?: string;
    };
    path: {
        /**
         * The expired launch link's secret: only its holder can ask for a new link.
         */
        secret: string;
    };
    query?: never;
    url: '/l/{secret}/renew';
};
export type RenewLaunchLinkErrors = {
    /**
     * An HTML page; the POST did not come from the link's own page. Nothing was sent.
     */
    403: string;
    /**
     * An HTML page (`renewal_refused`); this link offers no renewal: unknown, not expired, not emailed,
     * used, revoked, already renewed, or its chain is at the profile's count.
     *
     */
    409: string;
    /**
     * An HTML page; too many renewals from this address. Retry after `Retry-After` seconds.
     */
    429: string;
    /**
     * An HTML page (`email_failed`); the mail server did not take the mail. Nothing usable was made; try again.
     */
    502: string;
    /**
     * An HTML page; the database did not answer. Nothing was sent; retry after `Retry-After`.
     */
    503: string;
};
export type RenewLaunchLinkError = RenewLaunchLinkErrors[keyof RenewLaunchLinkErrors];
export type RenewLaunchLinkResponses = {
    /**
     * An HTML page; the new link was mailed, to the address shown masked.
     */
    200: string;
};
export type RenewLaunchLinkResponse = RenewLaunchLinkResponses[keyof RenewLaunchLinkResponses];
export type ShowLaunchLinkData = {
    body?: never;
    path: {
        /**
         * The launch link's secret (32 random bytes, base64url). The URL itself is the credential.
         */
        secret: string;
    };
    query?: never;
    url: '/l/{secret}';
};
export type ShowLaunchLinkErrors = {
    /**
     * An HTML page saying the link is not valid (unknown, malformed or tampered with).
     */
    404: string;
    /**
     * An HTML page saying the link has been used, has expired or has been revoked, and the way on: that a
     * newer link replaced it (emailed, and when, if it was; never to which address), that a new link was
     * already emailed to its masked address (check spam), "Email me a new link" for an expired emailed
     * link, the profile's refresh URL, or, for a used link that was not emailed, to tap the button again.
     *
     */
    410: string;
    /**
     * An HTML page; the database did not answer. The link was not used; retry after `Retry-After`.
     */
    503: string;
};
export type ShowLaunchLinkError = ShowLaunchLinkErrors[keyof ShowLaunchLinkErrors];
export type ShowLaunchLinkResponses = {
    /**
     * The Continue page.
     */
    200: string;
};
export type ShowLaunchLinkResponse = ShowLaunchLinkResponses[keyof ShowLaunchLinkResponses];
export type UseLaunchLinkData = {
    body?: {
        /**
         * The form token of the link's page.
         */
        csrf?: string;
    };
    path: {
        /**
         * The launch link's secret (32 random bytes, base64url). The URL itself is the credential.
         */
        secret: string;
    };
    query?: never;
    url: '/l/{secret}';
};
export type UseLaunchLinkErrors = {
    /**
     * An HTML page; the POST did not come from the link's own page. The link was not used.
     */
    403: string;
    /**
     * An HTML page saying the link is not valid (unknown, malformed or tampered with).
     */
    404: string;
    /**
     * An HTML page saying the link has been used, has expired or has been revoked, and the way on: that a
     * newer link replaced it (emailed, and when, if it was; never to which address), that a new link was
     * already emailed to its masked address (check spam), "Email me a new link" for an expired emailed
     * link, the profile's refresh URL, or, for a used link that was not emailed, to tap the button again.
     *
     */
    410: string;
    /**
     * An HTML page; the relying party did not answer (`exchange`). The use was given back.
     */
    502: string;
    /**
     * An HTML page; no usable signing key, or the database did not answer (then with `Retry-After`). The link was not used, or its use was given back.
     */
    503: string;
};
export type UseLaunchLinkError = UseLaunchLinkErrors[keyof UseLaunchLinkErrors];
export type UseLaunchLinkResponses = {
    /**
     * A page that submits the token to the relying party (`form` profiles).
     */
    200: string;
};
export type UseLaunchLinkResponse = UseLaunchLinkResponses[keyof UseLaunchLinkResponses];
export type HealthzData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/healthz';
};
export type HealthzErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type HealthzError = HealthzErrors[keyof HealthzErrors];
export type HealthzResponses = {
    /**
     * Alive.
     */
    200: {
        status: 'ok';
    };
};
export type HealthzResponse = HealthzResponses[keyof HealthzResponses];
export type MetricsData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/metrics';
};
export type MetricsErrors = {
    /**
     * The API key is missing, unknown or revoked (all three get the same answer). A key sent without the word
     * `Bearer` and a space before it (`Authorization: tbk_…`) is told to put `Bearer ` before the key.
     *
     */
    401: UnauthorizedProblem;
};
export type MetricsError = MetricsErrors[keyof MetricsErrors];
export type MetricsResponses = {
    /**
     * The metrics.
     */
    200: string;
};
export type MetricsResponse = MetricsResponses[keyof MetricsResponses];
export type ReadyzData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/readyz';
};
export type ReadyzErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * Not ready; the detail says what is missing.
     */
    503: Readiness;
};
export type ReadyzError = ReadyzErrors[keyof ReadyzErrors];
export type ReadyzResponses = {
    /**
     * Ready.
     */
    200: Readiness;
};
export type ReadyzResponse = ReadyzResponses[keyof ReadyzResponses];
export type GetIndexData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/';
};
export type GetIndexErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetIndexError = GetIndexErrors[keyof GetIndexErrors];
export type GetIndexResponses = {
    /**
     * The index, as HTML or JSON by the `Accept` header.
     */
    200: ServiceIndex;
};
export type GetIndexResponse = GetIndexResponses[keyof GetIndexResponses];
export type GetDocsData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/docs';
};
export type GetDocsErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetDocsError = GetDocsErrors[keyof GetDocsErrors];
export type GetDocsResponses = {
    /**
     * The page.
     */
    200: string;
};
export type GetDocsResponse = GetDocsResponses[keyof GetDocsResponses];
export type GetDocsWithASlashData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/docs/';
};
export type GetDocsWithASlashErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetDocsWithASlashError = GetDocsWithASlashErrors[keyof GetDocsWithASlashErrors];
export type GetDocsAssetData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        name: string;
    };
    query?: never;
    url: '/docs/assets/{name}';
};
export type GetDocsAssetErrors = {
    /**
     * No such route or file.
     */
    404: NotFoundProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetDocsAssetError = GetDocsAssetErrors[keyof GetDocsAssetErrors];
export type GetDocsAssetResponses = {
    /**
     * The file.
     */
    200: Blob | File;
};
export type GetDocsAssetResponse = GetDocsAssetResponses[keyof GetDocsAssetResponses];
export type ListGuidesData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/guides';
};
export type ListGuidesErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ListGuidesError = ListGuidesErrors[keyof ListGuidesErrors];
export type ListGuidesResponses = {
    /**
     * A page linking each guide, with whom it is for.
     */
    200: string;
};
export type ListGuidesResponse = ListGuidesResponses[keyof ListGuidesResponses];
export type GetGuideData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        name: string;
    };
    query?: never;
    url: '/guides/{name}';
};
export type GetGuideErrors = {
    /**
     * No such route or file.
     */
    404: NotFoundProblem;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetGuideError = GetGuideErrors[keyof GetGuideErrors];
export type GetGuideResponses = {
    /**
     * The guide's page.
     */
    200: string;
};
export type GetGuideResponse = GetGuideResponses[keyof GetGuideResponses];
export type ShowConsoleHomeData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console';
};
export type ShowConsoleHomeErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleHomeError = ShowConsoleHomeErrors[keyof ShowConsoleHomeErrors];
export type ShowConsoleHomeResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleHomeResponse = ShowConsoleHomeResponses[keyof ShowConsoleHomeResponses];
export type ShowConsoleSignInData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/sign-in';
};
export type ShowConsoleSignInErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleSignInError = ShowConsoleSignInErrors[keyof ShowConsoleSignInErrors];
export type ShowConsoleSignInResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleSignInResponse = ShowConsoleSignInResponses[keyof ShowConsoleSignInResponses];
export type RequestConsoleSignInData = {
    body: ConsoleSignInForm;
    path?: never;
    query?: never;
    url: '/console/sign-in';
};
export type RequestConsoleSignInErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    422: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    429: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    503: string;
};
export type RequestConsoleSignInError = RequestConsoleSignInErrors[keyof RequestConsoleSignInErrors];
export type RequestConsoleSignInResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type RequestConsoleSignInResponse = RequestConsoleSignInResponses[keyof RequestConsoleSignInResponses];
export type FinishConsoleOidcSignInData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * The provider's authorization code.
         */
        code?: string;
        /**
         * The state the broker sent to the provider.
         */
        state?: string;
        /**
         * The provider's error (`access_denied`, ...), instead of a code.
         */
        error?: string;
        error_description?: string;
    };
    url: '/console/sign-in/oidc/callback';
};
export type FinishConsoleOidcSignInErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    503: string;
};
export type FinishConsoleOidcSignInError = FinishConsoleOidcSignInErrors[keyof FinishConsoleOidcSignInErrors];
export type ShowConsoleSignInLinkData = {
    body?: never;
    path: {
        /**
         * The emailed sign-in link's secret (32 random bytes, base64url); works once, for 15 minutes.
         */
        secret: string;
    };
    query?: never;
    url: '/console/sign-in/{secret}';
};
export type ShowConsoleSignInLinkErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    410: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleSignInLinkError = ShowConsoleSignInLinkErrors[keyof ShowConsoleSignInLinkErrors];
export type ShowConsoleSignInLinkResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleSignInLinkResponse = ShowConsoleSignInLinkResponses[keyof ShowConsoleSignInLinkResponses];
export type UseConsoleSignInLinkData = {
    body: ConsoleCsrfForm;
    path: {
        /**
         * The emailed sign-in link's secret (32 random bytes, base64url); works once, for 15 minutes.
         */
        secret: string;
    };
    query?: never;
    url: '/console/sign-in/{secret}';
};
export type UseConsoleSignInLinkErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    410: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type UseConsoleSignInLinkError = UseConsoleSignInLinkErrors[keyof UseConsoleSignInLinkErrors];
export type ConsoleSignOutData = {
    body: ConsoleCsrfForm;
    path?: never;
    query?: never;
    url: '/console/sign-out';
};
export type ConsoleSignOutErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ConsoleSignOutError = ConsoleSignOutErrors[keyof ConsoleSignOutErrors];
export type ConsoleSignOutResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ConsoleSignOutResponse = ConsoleSignOutResponses[keyof ConsoleSignOutResponses];
export type ShowConsoleSendData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * The name of one of the account's profiles (another account's, or none by that name, is a `404` page).
         */
        profile?: string;
        /**
         * Send again: the id of the account's link the new one replaces (it stops working when the new one is
         * made). Its payload is sealed under its secret, which the broker does not keep, so the form asks again.
         *
         */
        replaces?: string;
    };
    url: '/console/send';
};
export type ShowConsoleSendErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleSendError = ShowConsoleSendErrors[keyof ShowConsoleSendErrors];
export type ShowConsoleSendResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleSendResponse = ShowConsoleSendResponses[keyof ShowConsoleSendResponses];
export type ConsoleSendLinkData = {
    body: ConsoleSendForm;
    path?: never;
    query?: {
        /**
         * The name of one of the account's profiles (another account's, or none by that name, is a `404` page).
         */
        profile?: string;
        /**
         * Send again: the id of the account's link the new one replaces (it stops working when the new one is
         * made). Its payload is sealed under its secret, which the broker does not keep, so the form asks again.
         *
         */
        replaces?: string;
    };
    url: '/console/send';
};
export type ConsoleSendLinkErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    409: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    413: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    422: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    429: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    502: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    503: string;
};
export type ConsoleSendLinkError = ConsoleSendLinkErrors[keyof ConsoleSendLinkErrors];
export type ConsoleSendLinkResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ConsoleSendLinkResponse = ConsoleSendLinkResponses[keyof ConsoleSendLinkResponses];
export type ShowConsoleOverviewData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/overview';
};
export type ShowConsoleOverviewErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleOverviewError = ShowConsoleOverviewErrors[keyof ShowConsoleOverviewErrors];
export type ShowConsoleOverviewResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleOverviewResponse = ShowConsoleOverviewResponses[keyof ShowConsoleOverviewResponses];
export type ShowConsoleOverviewChartData = {
    body?: never;
    path: {
        chart: 'minted' | 'used' | 'minted-narrow' | 'used-narrow';
    };
    query?: never;
    url: '/console/overview/{chart}.svg';
};
export type ShowConsoleOverviewChartErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleOverviewChartError = ShowConsoleOverviewChartErrors[keyof ShowConsoleOverviewChartErrors];
export type ShowConsoleOverviewChartResponses = {
    /**
     * The chart, never cached.
     */
    200: Blob | File;
};
export type ShowConsoleOverviewChartResponse = ShowConsoleOverviewChartResponses[keyof ShowConsoleOverviewChartResponses];
export type ShowConsoleAuditData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only events of this action (empty or absent for all).
         */
        action?: '' | 'token.minted' | 'link.used' | 'link.renewed' | 'console.sign_in_sent' | 'console.signed_in' | 'console.signed_out' | 'console.link.sent' | 'console.link.revoked' | 'console.api_key.created' | 'console.api_key.revoked' | 'console.webhook.secret_rotated' | 'console.webhook.redelivered' | 'console.token.inspected' | 'console.user.invited' | 'console.user.role_changed' | 'console.user.removed' | 'console.audit.exported';
        /**
         * `ok`: only events that succeeded; `failed`: only those that failed or were refused.
         */
        outcome?: '' | 'ok' | 'failed';
        /**
         * The first day (in the account's time zone), from 2000-01-01 to 2100-12-31.
         */
        from?: string;
        /**
         * The last day (included), not before `from`.
         */
        to?: string;
        before?: number;
    };
    url: '/console/audit';
};
export type ShowConsoleAuditErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleAuditError = ShowConsoleAuditErrors[keyof ShowConsoleAuditErrors];
export type ShowConsoleAuditResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleAuditResponse = ShowConsoleAuditResponses[keyof ShowConsoleAuditResponses];
export type ExportConsoleAuditData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only events of this action (empty or absent for all).
         */
        action?: '' | 'token.minted' | 'link.used' | 'link.renewed' | 'console.sign_in_sent' | 'console.signed_in' | 'console.signed_out' | 'console.link.sent' | 'console.link.revoked' | 'console.api_key.created' | 'console.api_key.revoked' | 'console.webhook.secret_rotated' | 'console.webhook.redelivered' | 'console.token.inspected' | 'console.user.invited' | 'console.user.role_changed' | 'console.user.removed' | 'console.audit.exported';
        /**
         * `ok`: only events that succeeded; `failed`: only those that failed or were refused.
         */
        outcome?: '' | 'ok' | 'failed';
        /**
         * The first day (in the account's time zone), from 2000-01-01 to 2100-12-31.
         */
        from?: string;
        /**
         * The last day (included), not before `from`.
         */
        to?: string;
    };
    url: '/console/audit.csv';
};
export type ExportConsoleAuditErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ExportConsoleAuditError = ExportConsoleAuditErrors[keyof ExportConsoleAuditErrors];
export type ExportConsoleAuditResponses = {
    /**
     * The CSV, as an attachment, never cached.
     */
    200: string;
};
export type ExportConsoleAuditResponse = ExportConsoleAuditResponses[keyof ExportConsoleAuditResponses];
export type ShowConsoleLinksData = {
    body?: never;
    path?: never;
    query?: {
        state?: '' | 'usable' | 'used' | 'expired' | 'revoked';
    };
    url: '/console/links';
};
export type ShowConsoleLinksErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleLinksError = ShowConsoleLinksErrors[keyof ShowConsoleLinksErrors];
export type ShowConsoleLinksResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleLinksResponse = ShowConsoleLinksResponses[keyof ShowConsoleLinksResponses];
export type ShowConsoleLinkData = {
    body?: never;
    path: {
        link_id: string;
    };
    query?: never;
    url: '/console/links/{link_id}';
};
export type ShowConsoleLinkErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleLinkError = ShowConsoleLinkErrors[keyof ShowConsoleLinkErrors];
export type ShowConsoleLinkResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleLinkResponse = ShowConsoleLinkResponses[keyof ShowConsoleLinkResponses];
export type RevokeConsoleLinkData = {
    body: ConsoleCsrfForm;
    path: {
        link_id: string;
    };
    query?: never;
    url: '/console/links/{link_id}/revoke';
};
export type RevokeConsoleLinkErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RevokeConsoleLinkError = RevokeConsoleLinkErrors[keyof RevokeConsoleLinkErrors];
export type ShowConsoleProfilesData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/profiles';
};
export type ShowConsoleProfilesErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleProfilesError = ShowConsoleProfilesErrors[keyof ShowConsoleProfilesErrors];
export type ShowConsoleProfilesResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleProfilesResponse = ShowConsoleProfilesResponses[keyof ShowConsoleProfilesResponses];
export type ShowConsoleProfileData = {
    body?: never;
    path: {
        name: string;
    };
    query?: never;
    url: '/console/profiles/{name}';
};
export type ShowConsoleProfileErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleProfileError = ShowConsoleProfileErrors[keyof ShowConsoleProfileErrors];
export type ShowConsoleProfileResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleProfileResponse = ShowConsoleProfileResponses[keyof ShowConsoleProfileResponses];
export type ShowConsoleKeysData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/keys';
};
export type ShowConsoleKeysErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleKeysError = ShowConsoleKeysErrors[keyof ShowConsoleKeysErrors];
export type ShowConsoleKeysResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleKeysResponse = ShowConsoleKeysResponses[keyof ShowConsoleKeysResponses];
export type ShowConsoleWebhooksData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/webhooks';
};
export type ShowConsoleWebhooksErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleWebhooksError = ShowConsoleWebhooksErrors[keyof ShowConsoleWebhooksErrors];
export type ShowConsoleWebhooksResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleWebhooksResponse = ShowConsoleWebhooksResponses[keyof ShowConsoleWebhooksResponses];
export type ShowConsoleWebhookData = {
    body?: never;
    path: {
        endpoint_id: string;
    };
    query?: never;
    url: '/console/webhooks/{endpoint_id}';
};
export type ShowConsoleWebhookErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleWebhookError = ShowConsoleWebhookErrors[keyof ShowConsoleWebhookErrors];
export type ShowConsoleWebhookResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleWebhookResponse = ShowConsoleWebhookResponses[keyof ShowConsoleWebhookResponses];
export type RotateConsoleWebhookSecretData = {
    body: ConsoleCsrfForm;
    path: {
        endpoint_id: string;
    };
    query?: never;
    url: '/console/webhooks/{endpoint_id}/rotate-secret';
};
export type RotateConsoleWebhookSecretErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RotateConsoleWebhookSecretError = RotateConsoleWebhookSecretErrors[keyof RotateConsoleWebhookSecretErrors];
export type RotateConsoleWebhookSecretResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type RotateConsoleWebhookSecretResponse = RotateConsoleWebhookSecretResponses[keyof RotateConsoleWebhookSecretResponses];
export type RedeliverConsoleWebhookData = {
    body: ConsoleCsrfForm;
    path: {
        endpoint_id: string;
        delivery_id: string;
    };
    query?: never;
    url: '/console/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver';
};
export type RedeliverConsoleWebhookErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    409: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RedeliverConsoleWebhookError = RedeliverConsoleWebhookErrors[keyof RedeliverConsoleWebhookErrors];
export type ShowConsoleInspectorData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/inspector';
};
export type ShowConsoleInspectorErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleInspectorError = ShowConsoleInspectorErrors[keyof ShowConsoleInspectorErrors];
export type ShowConsoleInspectorResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleInspectorResponse = ShowConsoleInspectorResponses[keyof ShowConsoleInspectorResponses];
export type InspectConsoleTokenData = {
    body: ConsoleInspectorForm;
    path?: never;
    query?: never;
    url: '/console/inspector';
};
export type InspectConsoleTokenErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    413: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    422: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type InspectConsoleTokenError = InspectConsoleTokenErrors[keyof InspectConsoleTokenErrors];
export type InspectConsoleTokenResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type InspectConsoleTokenResponse = InspectConsoleTokenResponses[keyof InspectConsoleTokenResponses];
export type ShowConsoleTestInboxData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/test-inbox';
};
export type ShowConsoleTestInboxErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleTestInboxError = ShowConsoleTestInboxErrors[keyof ShowConsoleTestInboxErrors];
export type ShowConsoleTestInboxResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleTestInboxResponse = ShowConsoleTestInboxResponses[keyof ShowConsoleTestInboxResponses];
export type ShowConsoleApiKeysData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/console/api-keys';
};
export type ShowConsoleApiKeysErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleApiKeysError = ShowConsoleApiKeysErrors[keyof ShowConsoleApiKeysErrors];
export type ShowConsoleApiKeysResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleApiKeysResponse = ShowConsoleApiKeysResponses[keyof ShowConsoleApiKeysResponses];
export type CreateConsoleApiKeyData = {
    body: ConsoleApiKeyForm;
    path?: never;
    query?: never;
    url: '/console/api-keys';
};
export type CreateConsoleApiKeyErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    422: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type CreateConsoleApiKeyError = CreateConsoleApiKeyErrors[keyof CreateConsoleApiKeyErrors];
export type CreateConsoleApiKeyResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type CreateConsoleApiKeyResponse = CreateConsoleApiKeyResponses[keyof CreateConsoleApiKeyResponses];
export type ShowConsoleApiKeyData = {
    body?: never;
    path: {
        prefix: string;
    };
    query?: never;
    url: '/console/api-keys/{prefix}';
};
export type ShowConsoleApiKeyErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleApiKeyError = ShowConsoleApiKeyErrors[keyof ShowConsoleApiKeyErrors];
export type ShowConsoleApiKeyResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleApiKeyResponse = ShowConsoleApiKeyResponses[keyof ShowConsoleApiKeyResponses];
export type RevokeConsoleApiKeyData = {
    body: ConsoleCsrfForm;
    path: {
        prefix: string;
    };
    query?: never;
    url: '/console/api-keys/{prefix}/revoke';
};
export type RevokeConsoleApiKeyErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RevokeConsoleApiKeyError = RevokeConsoleApiKeyErrors[keyof RevokeConsoleApiKeyErrors];
export type ShowConsoleUsersData = {
    body?: never;
    path?: never;
    query?: {
        done?: 'invited' | 'removed';
    };
    url: '/console/users';
};
export type ShowConsoleUsersErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleUsersError = ShowConsoleUsersErrors[keyof ShowConsoleUsersErrors];
export type ShowConsoleUsersResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleUsersResponse = ShowConsoleUsersResponses[keyof ShowConsoleUsersResponses];
export type InviteConsoleUserData = {
    body: ConsoleInviteForm;
    path?: never;
    query?: never;
    url: '/console/users';
};
export type InviteConsoleUserErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    409: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    422: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type InviteConsoleUserError = InviteConsoleUserErrors[keyof InviteConsoleUserErrors];
export type ShowConsoleUserData = {
    body?: never;
    path: {
        user_id: string;
    };
    query?: never;
    url: '/console/users/{user_id}';
};
export type ShowConsoleUserErrors = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ShowConsoleUserError = ShowConsoleUserErrors[keyof ShowConsoleUserErrors];
export type ShowConsoleUserResponses = {
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    200: string;
};
export type ShowConsoleUserResponse = ShowConsoleUserResponses[keyof ShowConsoleUserResponses];
export type ChangeConsoleUserRoleData = {
    body: ConsoleRoleForm;
    path: {
        user_id: string;
    };
    query?: never;
    url: '/console/users/{user_id}/role';
};
export type ChangeConsoleUserRoleErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    409: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    422: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ChangeConsoleUserRoleError = ChangeConsoleUserRoleErrors[keyof ChangeConsoleUserRoleErrors];
export type RemoveConsoleUserData = {
    body: ConsoleCsrfForm;
    path: {
        user_id: string;
    };
    query?: never;
    url: '/console/users/{user_id}/remove';
};
export type RemoveConsoleUserErrors = {
    /**
     * An HTML page: the form's CSRF token was missing, wrong or too old. Nothing changed.
     */
    400: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    403: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    404: string;
    /**
     * An HTML page of the console, in the browser's language, never cached (`Cache-Control: no-store`).
     */
    409: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type RemoveConsoleUserError = RemoveConsoleUserErrors[keyof RemoveConsoleUserErrors];
export type ListProblemsData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/problems';
};
export type ListProblemsErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ListProblemsError = ListProblemsErrors[keyof ListProblemsErrors];
export type ListProblemsResponses = {
    /**
     * A page listing each code with its status and meaning, linking to its explainer.
     */
    200: string;
};
export type ListProblemsResponse = ListProblemsResponses[keyof ListProblemsResponses];
export type ExplainProblemData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path: {
        code: string;
    };
    query?: never;
    url: '/problems/{code}';
};
export type ExplainProblemErrors = {
    /**
     * No such code; the page lists every code.
     */
    404: string;
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type ExplainProblemError = ExplainProblemErrors[keyof ExplainProblemErrors];
export type ExplainProblemResponses = {
    /**
     * The explainer page.
     */
    200: string;
};
export type ExplainProblemResponse = ExplainProblemResponses[keyof ExplainProblemResponses];
export type GetOpenApiData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/openapi.yaml';
};
export type GetOpenApiErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetOpenApiError = GetOpenApiErrors[keyof GetOpenApiErrors];
export type GetOpenApiResponses = {
    /**
     * The OpenAPI 3.1 document, as YAML.
     */
    200: {
        openapi: string;
        info: {
            [key: string]: unknown;
        };
        paths: {
            [key: string]: unknown;
        };
    };
};
export type GetOpenApiResponse = GetOpenApiResponses[keyof GetOpenApiResponses];
export type GetOpenApiJsonData = {
    body?: never;
    headers?: {
        /**
         * Your own id for this request, reused in the response and the broker's logs if it is 8–64 characters
         * of `A–Z a–z 0–9 . _ -`; any other value is ignored and a fresh id is made.
         *
         */
        'X-Request-Id'?: string;
    };
    path?: never;
    query?: never;
    url: '/openapi.json';
};
export type GetOpenApiJsonErrors = {
    /**
     * A fault of the broker, not of the request. Quote the `requestId` when you report it.
     */
    500: InternalErrorProblem;
};
export type GetOpenApiJsonError = GetOpenApiJsonErrors[keyof GetOpenApiJsonErrors];
export type GetOpenApiJsonResponses = {
    /**
     * The OpenAPI 3.1 document, as JSON.
     */
    200: {
        openapi: string;
        info: {
            [key: string]: unknown;
        };
        paths: {
            [key: string]: unknown;
        };
    };
};
export type GetOpenApiJsonResponse = GetOpenApiJsonResponses[keyof GetOpenApiJsonResponses];
export type ReceiveEventWebhookPayload = WebhookPayload;
export type ReceiveEventWebhookRequest = {
    body: ReceiveEventWebhookPayload;
    key: 'linkEvent';
    path?: never;
    query?: never;
};
