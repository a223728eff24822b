import { type Client, type Options as Options2, type TDataShape } from './client/index.js';
import type { ChangeConsoleUserRoleData, ChangeConsoleUserRoleErrors, ConsoleSendLinkData, ConsoleSendLinkErrors, ConsoleSendLinkResponses, ConsoleSignOutData, ConsoleSignOutErrors, ConsoleSignOutResponses, CreateConsoleApiKeyData, CreateConsoleApiKeyErrors, CreateConsoleApiKeyResponses, CreateWebhookData, CreateWebhookErrors, CreateWebhookResponses, DeleteWebhookData, DeleteWebhookErrors, DeleteWebhookResponses, ExplainProblemData, ExplainProblemErrors, ExplainProblemResponses, ExportConsoleAuditData, ExportConsoleAuditErrors, ExportConsoleAuditResponses, FinishConsoleOidcSignInData, FinishConsoleOidcSignInErrors, GenerateJwtData, GenerateJwtErrors, GenerateJwtResponses, GetDefaultJwksData, GetDefaultJwksErrors, GetDefaultJwksResponses, GetDocsAssetData, GetDocsAssetErrors, GetDocsAssetResponses, GetDocsData, GetDocsErrors, GetDocsResponses, GetDocsWithASlashData, GetDocsWithASlashErrors, GetGuideData, GetGuideErrors, GetGuideResponses, GetIndexData, GetIndexErrors, GetIndexResponses, GetKeysetJwksData, GetKeysetJwksErrors, GetKeysetJwksResponses, GetLinkData, GetLinkErrors, GetLinkResponses, GetOpenApiData, GetOpenApiErrors, GetOpenApiJsonData, GetOpenApiJsonErrors, GetOpenApiJsonResponses, GetOpenApiResponses, GetTestInboxData, GetTestInboxErrors, GetTestInboxResponses, GetWebhookData, GetWebhookErrors, GetWebhookResponses, HealthzData, HealthzErrors, HealthzResponses, InspectConsoleTokenData, InspectConsoleTokenErrors, InspectConsoleTokenResponses, InspectTokenData, InspectTokenErrors, InspectTokenResponses, InviteConsoleUserData, InviteConsoleUserErrors, ListApiKeysData, ListApiKeysErrors, ListApiKeysResponses, ListGuidesData, ListGuidesErrors, ListGuidesResponses, ListLinksData, ListLinksErrors, ListLinksResponses, ListProblemsData, ListProblemsErrors, ListProblemsResponses, ListWebhookDeliveriesData, ListWebhookDeliveriesErrors, ListWebhookDeliveriesResponses, ListWebhookEventsData, ListWebhookEventsErrors, ListWebhookEventsResponses, ListWebhooksData, ListWebhooksErrors, ListWebhooksResponses, MetricsData, MetricsErrors, MetricsResponses, ReadyzData, ReadyzErrors, ReadyzResponses, RedeliverConsoleWebhookData, RedeliverConsoleWebhookErrors, RedeliverWebhookData, RedeliverWebhookErrors, RedeliverWebhookResponses, RemoveConsoleUserData, RemoveConsoleUserErrors, RenewLaunchLinkData, RenewLaunchLinkErrors, RenewLaunchLinkResponses, RequestConsoleSignInData, RequestConsoleSignInErrors, RequestConsoleSignInResponses, RevokeApiKeyData, RevokeApiKeyErrors, RevokeApiKeyResponses, RevokeConsoleApiKeyData, RevokeConsoleApiKeyErrors, RevokeConsoleLinkData, RevokeConsoleLinkErrors, RevokeLinkData, RevokeLinkErrors, RevokeLinkResponses, RotateConsoleWebhookSecretData, RotateConsoleWebhookSecretErrors, RotateConsoleWebhookSecretResponses, RotateWebhookSecretData, RotateWebhookSecretErrors, RotateWebhookSecretResponses, ShowConsoleApiKeyData, ShowConsoleApiKeyErrors, ShowConsoleApiKeyResponses, ShowConsoleApiKeysData, ShowConsoleApiKeysErrors, ShowConsoleApiKeysResponses, ShowConsoleAuditData, ShowConsoleAuditErrors, ShowConsoleAuditResponses, ShowConsoleHomeData, ShowConsoleHomeErrors, ShowConsoleHomeResponses, ShowConsoleInspectorData, ShowConsoleInspectorErrors, ShowConsoleInspectorResponses, ShowConsoleKeysData, ShowConsoleKeysErrors, ShowConsoleKeysResponses, ShowConsoleLinkData, ShowConsoleLinkErrors, ShowConsoleLinkResponses, ShowConsoleLinksData, ShowConsoleLinksErrors, ShowConsoleLinksResponses, ShowConsoleOverviewChartData, ShowConsoleOverviewChartErrors, ShowConsoleOverviewChartResponses, ShowConsoleOverviewData, ShowConsoleOverviewErrors, ShowConsoleOverviewResponses, ShowConsoleProfileData, ShowConsoleProfileErrors, ShowConsoleProfileResponses, ShowConsoleProfilesData, ShowConsoleProfilesErrors, ShowConsoleProfilesResponses, ShowConsoleSendData, ShowConsoleSendErrors, ShowConsoleSendResponses, ShowConsoleSignInData, ShowConsoleSignInErrors, ShowConsoleSignInLinkData, ShowConsoleSignInLinkErrors, ShowConsoleSignInLinkResponses, ShowConsoleSignInResponses, ShowConsoleTestInboxData, ShowConsoleTestInboxErrors, ShowConsoleTestInboxResponses, ShowConsoleUserData, ShowConsoleUserErrors, ShowConsoleUserResponses, ShowConsoleUsersData, ShowConsoleUsersErrors, ShowConsoleUsersResponses, ShowConsoleWebhookData, ShowConsoleWebhookErrors, ShowConsoleWebhookResponses, ShowConsoleWebhooksData, ShowConsoleWebhooksErrors, ShowConsoleWebhooksResponses, ShowLaunchLinkData, ShowLaunchLinkErrors, ShowLaunchLinkResponses, UseConsoleSignInLinkData, UseConsoleSignInLinkErrors, UseLaunchLinkData, UseLaunchLinkErrors, UseLaunchLinkResponses } from './types.gen.js';
export type Options<TData extends TDataShape = TDataShape, ThrowOnError extends boolean = boolean, TResponse = unknown> = Options2<TData, ThrowOnError, TResponse> & {
    /**
     * You can provide a client instance returned by `createClient()` instead of
     * individual options. This might be also useful if you want to implement a
     * custom client.
     */
    client?: Client;
    /**
     * You can pass arbitrary values through the `meta` object. This can be
     * used to access values that aren't defined as part of the SDK function.
     */
    meta?: Record<string, unknown>;
};
/**
 * Sign a single sign-on token and get the URL to open
 *
 * Signs a JWT for the profile named by `profileKey` and returns it with a ready-to-open `url`.
 *
 * The token's header is `{alg, kid, typ: "JWT"}`. Its claims are your `payload` at the top level, plus
 * `iss` and `aud` (from the profile), `iat`, `nbf` (equal to `iat`), `exp` and a random `nonce`; a
 * `redirect` you send becomes a claim too. A token lives at most 5 minutes (less if the profile says
 * so), whatever `expireIn` asks for; `expiresIn` in the response says how long it actually lives.
 *
 * What `url` is depends on the profile's delivery mode:
 *
 * - `query`: the relying party's URL with the token in its query string.
 * - `exchange`: the broker POSTs the token to the relying party, which answers with a URL; that URL.
 * - `form`: a **launch link** on the broker (`/l/…`) whose page form-POSTs a token to the relying party.
 *
 * When `expireIn` asks for longer than a token may live, `url` is always a launch link valid for
 * `expireIn`, whatever the mode: opening it mints a fresh token at that moment. A launch link is
 * single-use unless the profile allows more, and neither it nor an `exchange` URL contains the token
 * or any payload value.
 *
 * The response holds a live token: it is sent with `Cache-Control: no-store`; do not log or store it.
 *
 */
export declare const generateJwt: <ThrowOnError extends boolean = false>(options: Options<GenerateJwtData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GenerateJwtResponses, GenerateJwtErrors, ThrowOnError, "fields">;
/**
 * Check a token against every relying-party rule
 *
 * Decodes a JWT and checks it against each rule a relying party applies (the broker's own rules, as in
 * `verify: true`): `format`, `alg`, `typ`, `header` (no `jku`/`x5u`/`jwk`/`x5c`/`crit`), `kid` known in the
 * JWKS, `signature`, `iss`, `aud`, `iat` (not in the future beyond the leeway), `nbf` (equal to `iat`), `exp`
 * (not past, with the 30 s leeway), `lifetime` (`exp` at most 300 s after `iat`) and `nonce`. Each is
 * `pass`, `fail` or `unchecked` with a sentence why. For "why did the relying party refuse this token?",
 * and for partners who sign their own tokens.
 *
 * Keys: the JWKS document in `jwks` if you send one, else the published JWKS of the profile's keyset
 * (with `profileKey`), else the default `/.well-known/jwks.json`. The broker never fetches a URL from the
 * request. A key whose `kid` the token names but that cannot verify anything (another curve than `P-256`
 * for `ES256`, an RSA modulus under 2048 bits, an `alg` or `kty` that does not fit, members that are not a
 * public key) fails `kid` with the reason. `iss` and `aud` are checked against the profile's, or against
 * `issuer` and `audience`.
 *
 * Any valid API key may inspect; no scope is needed. The token is never logged or stored; the answer
 * holds its claims and is sent with `Cache-Control: no-store`. Send the token alone as `text/plain`
 * (with `Profile-Key` as a header if you like) or as JSON.
 *
 */
export declare const inspectToken: <ThrowOnError extends boolean = false>(options: Options<InspectTokenData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<InspectTokenResponses, InspectTokenErrors, ThrowOnError, "fields">;
/**
 * Public keys of the default keyset (JWKS)
 *
 * The JSON Web Key Set relying parties verify tokens with: every key that signs now, will sign soon
 * or signed recently, public members only. Cache it as `Cache-Control` says and refetch when a token
 * names a `kid` you do not know. Send the `ETag` back as `If-None-Match` to get `304` when nothing
 * changed. An empty key set is never served: without a usable key the answer is `503`.
 *
 */
export declare const getDefaultJwks: <ThrowOnError extends boolean = false>(options?: Options<GetDefaultJwksData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetDefaultJwksResponses, GetDefaultJwksErrors, ThrowOnError, "fields">;
/**
 * Public keys of one named keyset (JWKS)
 *
 * As `/.well-known/jwks.json`, for the keyset with this name. Profiles that sign with a keyset other
 * than the default one tell their relying party this URL.
 *
 */
export declare const getKeysetJwks: <ThrowOnError extends boolean = false>(options: Options<GetKeysetJwksData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetKeysetJwksResponses, GetKeysetJwksErrors, ThrowOnError, "fields">;
/**
 * List your launch links
 *
 * Your account's launch links, newest first: id, profile, created, expires, uses left, state, the
 * recipient masked (`b***@galaxy.com`) for emailed links, and `livemode`. Never the link's secret or
 * payload. The filters combine, and apply before `limit`. A query parameter the route does not take is refused
 * (`400 unknown_query_parameter`, naming the one meant). Needs the scope `links:admin`.
 *
 */
export declare const listLinks: <ThrowOnError extends boolean = false>(options?: Options<ListLinksData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ListLinksResponses, ListLinksErrors, ThrowOnError, "fields">;
/**
 * The test inbox (test API keys only)
 *
 * Test mode: a test API key (`tbk_test_…`) mints only for test profiles (which point at a sandbox relying
 * party), and the mails it asks for are never sent: they are composed exactly as they would go out and
 * kept here for 24 hours, newest first, for its account. Live keys get `403 test_key_required`. What is
 * kept holds the address and the live link, so it is sealed at rest under the broker's secret.
 *
 */
export declare const getTestInbox: <ThrowOnError extends boolean = false>(options?: Options<GetTestInboxData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetTestInboxResponses, GetTestInboxErrors, ThrowOnError, "fields">;
/**
 * Show a launch link and its events
 *
 * One of your launch links: profile, state, created, expires, uses left, the recipient masked
 * (`b***@galaxy.com`) and its events with their times. Never the link's secret, its payload or the full
 * address. Needs the scope `links:admin`.
 *
 */
export declare const getLink: <ThrowOnError extends boolean = false>(options: Options<GetLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetLinkResponses, GetLinkErrors, ThrowOnError, "fields">;
/**
 * Revoke a launch link
 *
 * The link stops working at once and shows a "revoked" page. Needs the scope `links:admin`.
 */
export declare const revokeLink: <ThrowOnError extends boolean = false>(options: Options<RevokeLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<RevokeLinkResponses, RevokeLinkErrors, ThrowOnError, "fields">;
/**
 * List your account's API keys
 *
 * Your account's API keys: prefix, label, scopes, rate limit, created and revoked. Never a key or its
 * hash. Needs the scope `keys:admin`.
 *
 */
export declare const listApiKeys: <ThrowOnError extends boolean = false>(options?: Options<ListApiKeysData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ListApiKeysResponses, ListApiKeysErrors, ThrowOnError, "fields">;
/**
 * Revoke an API key
 *
 * The key is refused at once by the broker instance that answers, and by every other instance within
 * `LOOKUP_CACHE_SECONDS` (5 s by default). A key may revoke itself. Needs the scope `keys:admin`.
 *
 */
export declare const revokeApiKey: <ThrowOnError extends boolean = false>(options: Options<RevokeApiKeyData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<RevokeApiKeyResponses, RevokeApiKeyErrors, ThrowOnError, "fields">;
/**
 * List your webhook endpoints
 *
 * Your account's endpoints, oldest first; never a secret. Needs the scope `webhooks:admin`.
 */
export declare const listWebhooks: <ThrowOnError extends boolean = false>(options?: Options<ListWebhooksData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ListWebhooksResponses, ListWebhooksErrors, ThrowOnError, "fields">;
/**
 * Register a webhook endpoint
 *
 * Your URL receives the events you name (all of them without `events`), each signed as
 * [Standard Webhooks](https://www.standardwebhooks.com/) says: headers `webhook-id`, `webhook-timestamp` and
 * `webhook-signature: v1,<base64 HMAC-SHA256>`. Verify them with any Standard Webhooks library and the
 * `secret` of this answer, which is shown only now. The URL must be `https://` (`http://` only to loopback
 * on a development broker); a production broker refuses hosts that resolve to loopback, private, link-local
 * or metadata addresses, here and again at every delivery. At most 10 endpoints per account (the operator
 * may set another limit). Needs the scope `webhooks:admin`.
 *
 */
export declare const createWebhook: <ThrowOnError extends boolean = false>(options: Options<CreateWebhookData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<CreateWebhookResponses, CreateWebhookErrors, ThrowOnError, "fields">;
/**
 * List your account's webhook events
 *
 * The events written for your endpoints, newest first, as they were sent (ids and states only), and
 * `webhook.disabled` whenever an endpoint was disabled for failing too long, whether or not another
 * endpoint receives it. Events are kept 30 days after their last delivery. Needs the scope `webhooks:admin`.
 *
 */
export declare const listWebhookEvents: <ThrowOnError extends boolean = false>(options?: Options<ListWebhookEventsData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ListWebhookEventsResponses, ListWebhookEventsErrors, ThrowOnError, "fields">;
/**
 * Delete a webhook endpoint
 *
 * Nothing more is sent to it, and its deliveries are forgotten; your account's events stay listed. Needs the
 * scope `webhooks:admin`.
 *
 */
export declare const deleteWebhook: <ThrowOnError extends boolean = false>(options: Options<DeleteWebhookData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<DeleteWebhookResponses, DeleteWebhookErrors, ThrowOnError, "fields">;
/**
 * Show a webhook endpoint
 *
 * One of your endpoints: URL, events, state (`disabled` once every attempt failed for 5 days), when it last
 * succeeded and since when it fails. Never its secret. Needs the scope `webhooks:admin`.
 *
 */
export declare const getWebhook: <ThrowOnError extends boolean = false>(options: Options<GetWebhookData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetWebhookResponses, GetWebhookErrors, ThrowOnError, "fields">;
/**
 * Give a webhook endpoint a new signing secret
 *
 * The answer holds the new secret (shown only now). For the next 24 hours every delivery carries two
 * signatures in `webhook-signature`, by the new and by the old secret, so your receiver may switch
 * whenever it likes within that day (`previousSecretExpiresAt`). Needs the scope `webhooks:admin`.
 *
 */
export declare const rotateWebhookSecret: <ThrowOnError extends boolean = false>(options: Options<RotateWebhookSecretData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<RotateWebhookSecretResponses, RotateWebhookSecretErrors, ThrowOnError, "fields">;
/**
 * List a webhook endpoint's deliveries
 *
 * Newest first: the event's id and type, the state (`pending`, `delivered`, `failed`), attempts so far, the
 * last HTTP status or error, and when the next attempt is due. Bodies are not kept here: an event holds ids
 * and states only (`GET /api/v1/webhooks/events`). Needs the scope `webhooks:admin`.
 *
 */
export declare const listWebhookDeliveries: <ThrowOnError extends boolean = false>(options: Options<ListWebhookDeliveriesData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ListWebhookDeliveriesResponses, ListWebhookDeliveriesErrors, ThrowOnError, "fields">;
/**
 * Send a delivery's event again
 *
 * A new delivery of the same event (the same `webhook-id`, so a receiver that already has it can drop it),
 * due at once and retried as any other. `409 webhook_disabled` for a disabled endpoint. Needs the scope
 * `webhooks:admin`.
 *
 */
export declare const redeliverWebhook: <ThrowOnError extends boolean = false>(options: Options<RedeliverWebhookData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<RedeliverWebhookResponses, RedeliverWebhookErrors, ThrowOnError, "fields">;
/**
 * Email me a new link (renewal by the member)
 *
 * The **Email me a new link** button of an expired emailed link's page. It mails a new link with the same
 * payload and lifetime to the address the first mail went to (sealed with the old link; never to Bcc
 * copies or anywhere else), and answers a page showing that address masked. Each link is renewed once,
 * a chain at most the profile's `link-renewals` times (default 1); used and revoked links never. Like
 * `POST /l/{secret}`, only the link's own page may ask (`Sec-Fetch-Site: same-origin`, or its `csrf`
 * form field with its cookie). Limited per link (`RENEWAL_LINK_LIMIT`) and per client address when the
 * broker knows it (`RENEWAL_LIMIT`; not behind a proxy it does not trust), audited as `link.renewed`, and
 * a `renewed` event on both links.
 *
 */
export declare const renewLaunchLink: <ThrowOnError extends boolean = false>(options: Options<RenewLaunchLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<RenewLaunchLinkResponses, RenewLaunchLinkErrors, ThrowOnError, "fields">;
/**
 * Launch link page (never uses the link)
 *
 * An HTML page for a person. For a usable link it shows a **Continue** button that POSTs back to the
 * same URL; a link made for an app to open at once submits itself with a nonce'd script, while an
 * emailed or long-lived link waits for the click, because mail scanners open links in browsers that
 * run scripts. The page shows no personal data. A GET (or HEAD) never uses the link.
 *
 * Every launch page is sent with `Cache-Control: no-store`, `Referrer-Policy: no-referrer`,
 * `X-Content-Type-Options: nosniff` and a strict `Content-Security-Policy` (a script nonce,
 * `form-action` limited to the relying party, `frame-ancestors 'none'`).
 *
 */
export declare const showLaunchLink: <ThrowOnError extends boolean = false>(options: Options<ShowLaunchLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowLaunchLinkResponses, ShowLaunchLinkErrors, ThrowOnError, "fields">;
/**
 * Use a launch link
 *
 * Takes one use of the link (atomically: of many parallel POSTs on a single-use link exactly one
 * succeeds), mints a fresh token at that moment and delivers it by the profile's mode: an HTML page
 * that form-POSTs the token as `payload` to the relying party (`form`), or a `303` redirect to the
 * relying party's URL (`exchange`, `query`). If delivery fails the use is given back.
 *
 * Only the link's own page may use it (login CSRF): the POST must come from the broker's origin
 * (`Sec-Fetch-Site: same-origin`, which browsers set and pages cannot), or carry the page's form field
 * `csrf` together with the cookie the page set (HttpOnly, SameSite=Strict; `__Host-launch` on https).
 * Otherwise the answer is a `403` page asking to open the link again, and the link is not used.
 *
 */
export declare const useLaunchLink: <ThrowOnError extends boolean = false>(options: Options<UseLaunchLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<UseLaunchLinkResponses, UseLaunchLinkErrors, ThrowOnError, "fields">;
/**
 * Liveness
 *
 * The process is alive and serving. It checks nothing else (not the database, not the keys).
 */
export declare const healthz: <ThrowOnError extends boolean = false>(options?: Options<HealthzData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<HealthzResponses, HealthzErrors, ThrowOnError, "fields">;
/**
 * Prometheus metrics
 *
 * Every gunicorn worker's counters, histograms and gauges added up, in the Prometheus text format: tokens minted by profile, algorithm and outcome; request latency by route pattern; Secrets Manager calls and failures; the age of each cached key; launch links made, used and refused. With `METRICS_TOKEN` set, only to `Authorization: Bearer <METRICS_TOKEN>` (else `401 unauthorized`); without it, no authentication: restrict it at the network edge. Labels never hold personal data or secrets.
 */
export declare const metrics: <ThrowOnError extends boolean = false>(options?: Options<MetricsData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<MetricsResponses, MetricsErrors, ThrowOnError, "fields">;
/**
 * Readiness
 *
 * Ready to mint: the database answers and every keyset has a signing key that Secrets Manager confirmed
 * within `KEY_MAX_STALENESS_SECONDS`. `503` otherwise (a load balancer should take the instance out),
 * with `reasons`: each thing missing and what to run or check (for example `no keyset: run flask --app
 * service keysets create NAME --default`). The detail names keysets and their public key ids only.
 *
 */
export declare const readyz: <ThrowOnError extends boolean = false>(options?: Options<ReadyzData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ReadyzResponses, ReadyzErrors, ThrowOnError, "fields">;
/**
 * What this service is, and where everything is
 *
 * A browser (which prefers `text/html`) gets a short page: what the broker is, links to the API reference,
 * the error explainer, the JWKS and health. Any other client gets the same links as JSON.
 *
 */
export declare const getIndex: <ThrowOnError extends boolean = false>(options?: Options<GetIndexData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetIndexResponses, GetIndexErrors, ThrowOnError, "fields">;
/**
 * The API reference, in a browser
 *
 * This contract rendered by Swagger UI, served by the broker itself (it loads nothing from elsewhere). "Try
 * it out" sends requests to this broker.
 *
 */
export declare const getDocs: <ThrowOnError extends boolean = false>(options?: Options<GetDocsData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetDocsResponses, GetDocsErrors, ThrowOnError, "fields">;
/**
 * The API reference, as people type it
 *
 * A permanent redirect to `/docs`.
 */
export declare const getDocsWithASlash: <ThrowOnError extends boolean = false>(options?: Options<GetDocsWithASlashData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, GetDocsWithASlashErrors, ThrowOnError, "fields">;
/**
 * A script or style sheet of the API reference page
 */
export declare const getDocsAsset: <ThrowOnError extends boolean = false>(options: Options<GetDocsAssetData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetDocsAssetResponses, GetDocsAssetErrors, ThrowOnError, "fields">;
/**
 * The guides, in a browser
 *
 * The step-by-step guides for those who use the broker: Bubble, mobile apps, the API, launch links,
 * webhooks, relying parties and administration. Each is a page of its own, `/guides/{name}`.
 *
 */
export declare const listGuides: <ThrowOnError extends boolean = false>(options?: Options<ListGuidesData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ListGuidesResponses, ListGuidesErrors, ThrowOnError, "fields">;
/**
 * One guide, as a page
 *
 * The guide `docs/{name}.md` of the broker's source tree, rendered from Markdown in the broker's layout.
 * Served: `bubble`, `mobile`, `api`, `links`, `webhooks`, `relying-party` and `admin`. Links between
 * guides lead to their pages (`links.md#x` to `/guides/links#x`); headings carry GitHub's ids. Any
 * other name is `404 not_found`, naming the guides.
 *
 */
export declare const getGuide: <ThrowOnError extends boolean = false>(options: Options<GetGuideData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetGuideResponses, GetGuideErrors, ThrowOnError, "fields">;
/**
 * The partner console's home page
 *
 * An HTML page for a signed-in console user: the account's name and the user's role. Without a live
 * console session (none, ended, idle for 2 hours or 12 hours old) it is a `303` to `/console/sign-in`.
 * Every console page is sent with `Cache-Control: no-store` and a `Content-Security-Policy` with a nonce.
 *
 */
export declare const showConsoleHome: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleHomeData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleHomeResponses, ShowConsoleHomeErrors, ThrowOnError, "fields">;
/**
 * The console's sign-in page
 *
 * Asks for the email address. Sets the CSRF cookie its form's token is bound to (HttpOnly,
 * SameSite=Lax, `__Host-` prefixed on https).
 *
 */
export declare const showConsoleSignIn: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleSignInData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleSignInResponses, ShowConsoleSignInErrors, ThrowOnError, "fields">;
/**
 * Go on to the organisation's identity provider, or email a one-time sign-in link
 *
 * A form POST (`email`, `csrf_token`). Home-realm discovery: an address whose domain belongs to a tenant
 * with an identity provider (`flask --app service console idp set`) gets a page that goes on at once to
 * the provider's authorization endpoint (authorization code with PKCE S256, `state`, `nonce` and the
 * address as `login_hint`; a page rather than a `303`, as the sign-in page's CSP `form-action 'self'`
 * governs its POST's redirects too). `503` if that provider does not answer, its discovery document
 * names an address the broker will not call (the webhook URL policy: https, in production no internal
 * address), or its client secret is not where its settings say. Any other address gets the same page whether or not it is a console user's; a
 * user's address is mailed a link that works once, for 15 minutes. Rate-limited per address and per
 * client address (`429`).
 *
 */
export declare const requestConsoleSignIn: <ThrowOnError extends boolean = false>(options: Options<RequestConsoleSignInData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<RequestConsoleSignInResponses, RequestConsoleSignInErrors, ThrowOnError, "fields">;
/**
 * Come back from the organisation's identity provider (OpenID Connect)
 *
 * The `redirectUri` registered at the provider. The `state` must be one this browser was given (once; it
 * is kept with the nonce and the PKCE verifier in the console's signed CSRF cookie); the `code` is
 * exchanged with the verifier; the ID token's signature (the provider's JWKS), `iss`, `aud`, `exp` and
 * `nonce` are checked; its `email` must be verified (`email_verified: true`) and in one of the tenant's
 * allowed domains. Then the console user with that address (made on first sign-in with the tenant's
 * default role; an existing user keeps theirs) is signed in with a new session id (any session the
 * browser brought ends) and `303` to `/console`. Otherwise a page and no session: `400` (unknown or used
 * state, no or bad code), `403` (the provider said `error=...`, the ID token failed a check, the address
 * is not verified or not in an allowed domain), `503` (the provider does not answer). Sent with
 * `Referrer-Policy: no-referrer`.
 *
 */
export declare const finishConsoleOidcSignIn: <ThrowOnError extends boolean = false>(options?: Options<FinishConsoleOidcSignInData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, FinishConsoleOidcSignInErrors, ThrowOnError, "fields">;
/**
 * The page of an emailed sign-in link (never signs in)
 *
 * A page with a **Continue** button that POSTs back; a GET (a mail scanner's too) signs no one in. Sent
 * with `Referrer-Policy: no-referrer`.
 *
 */
export declare const showConsoleSignInLink: <ThrowOnError extends boolean = false>(options: Options<ShowConsoleSignInLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleSignInLinkResponses, ShowConsoleSignInLinkErrors, ThrowOnError, "fields">;
/**
 * Sign in with an emailed link
 *
 * Uses the link (once) and starts a console session with a new id (any session the browser brought
 * ends), then `303` to `/console`. The session cookie is HttpOnly, SameSite=Lax, Secure and `__Host-`
 * prefixed on https.
 *
 */
export declare const useConsoleSignInLink: <ThrowOnError extends boolean = false>(options: Options<UseConsoleSignInLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, UseConsoleSignInLinkErrors, ThrowOnError, "fields">;
/**
 * Sign out of the console
 *
 * Ends the console session on the server at once and clears its cookie.
 */
export declare const consoleSignOut: <ThrowOnError extends boolean = false>(options: Options<ConsoleSignOutData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ConsoleSignOutResponses, ConsoleSignOutErrors, ThrowOnError, "fields">;
/**
 * Send a link, in the console
 *
 * For admins and owners (a viewer gets a `403` page). Without `profile`, the account's profiles to pick
 * from; with it, the form of the profile's payload kind (ExorLive Main: organisation, instructor, patient;
 * ExorLive Go: organisation, member; generic: name/value rows), the expiry in words, the locale, and the
 * delivery: by email, or a QR code with the link to copy.
 *
 */
export declare const showConsoleSend: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleSendData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleSendResponses, ShowConsoleSendErrors, ThrowOnError, "fields">;
/**
 * Make and deliver a launch link from the console
 *
 * The form becomes a generateJWT request handed to the same service `POST /api/v1/generateJWT` uses, as
 * a caller made for the console user (its audit row names the user's id, `cu_…`): every rule, the
 * webhook event and the email are the API's. Its validation errors come back on the form's fields
 * (`422`). The answer page names the masked recipient, or shows the QR code (an inline SVG) and the link
 * in a read-only field; the link is never put in a URL. A second press of the same form gives the first
 * answer again (no second mail). With `replaces`, a link already replaced gets a `409` page naming the
 * newest link of its chain. Audited as `console.link.sent` with the console user's id.
 *
 */
export declare const consoleSendLink: <ThrowOnError extends boolean = false>(options: Options<ConsoleSendLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ConsoleSendLinkResponses, ConsoleSendLinkErrors, ThrowOnError, "fields">;
/**
 * The account's activity for 30 days, in the console
 *
 * Tokens minted and links used per day for the last 30 days (days in the time zone of the account's
 * profiles), by profile and outcome, from the audit trail: two charts (images from
 * `/console/overview/{chart}.svg`) and the same numbers as tables; and how many of the account's links
 * are usable, used, expired and revoked. Every role sees it.
 *
 */
export declare const showConsoleOverview: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleOverviewData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleOverviewResponses, ShowConsoleOverviewErrors, ThrowOnError, "fields">;
/**
 * One of the Overview's charts, as an SVG image
 *
 * A stacked bar chart (pygal) of tokens minted (`minted`) or links used (`used`) per day for 30 days,
 * titled in the browser's language; `minted-narrow` and `used-narrow` are the same drawn for a phone. It holds no script; its `Content-Security-Policy` allows only its own
 * inline styles. Any other `chart` is a `404` page.
 *
 */
export declare const showConsoleOverviewChart: <ThrowOnError extends boolean = false>(options: Options<ShowConsoleOverviewChartData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleOverviewChartResponses, ShowConsoleOverviewChartErrors, ThrowOnError, "fields">;
/**
 * The account's audit trail, in the console
 *
 * The account's audit events, newest first, 50 a page: when, action, outcome, profile, who (the API key's
 * prefix or the console user's id) and the link's id; never personal data. Owners and admins only (a viewer
 * gets a `403` page). `before` is the id of the last row of the page before (the "Older events" link);
 * `from` and `to` are days in the account's time zone, both included. A filter that cannot be used
 * (a date that is no date or outside 2000–2100, `to` before `from`, an unknown action or outcome, a cursor
 * that is no positive 32-bit number) gets a `400` page saying so.
 *
 */
export declare const showConsoleAudit: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleAuditData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleAuditResponses, ShowConsoleAuditErrors, ThrowOnError, "fields">;
/**
 * The account's audit trail as CSV
 *
 * Every event the same filter selects (at most 100,000, newest first) as a CSV attachment: `at` (UTC),
 * `action`, `outcome`, `profile`, `apiKey`, `consoleUser`, `link`, `requestId`, `eventId`. A cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so no spreadsheet takes it
 * for a formula. Owners and admins only; each export is audited (`console.audit.exported`).
 *
 */
export declare const exportConsoleAudit: <ThrowOnError extends boolean = false>(options?: Options<ExportConsoleAuditData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ExportConsoleAuditResponses, ExportConsoleAuditErrors, ThrowOnError, "fields">;
/**
 * The account's launch links, in the console
 *
 * The newest 100 links of the signed-in user's account, each with its state, profile, masked recipient
 * and expiry; `state` filters them (any other value shows all).
 *
 */
export declare const showConsoleLinks: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleLinksData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleLinksResponses, ShowConsoleLinksErrors, ThrowOnError, "fields">;
/**
 * One launch link and its events, in the console
 *
 * The link's details and events, and (for admins and owners, while it is usable) a Revoke button.
 */
export declare const showConsoleLink: <ThrowOnError extends boolean = false>(options: Options<ShowConsoleLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleLinkResponses, ShowConsoleLinkErrors, ThrowOnError, "fields">;
/**
 * Revoke a launch link from the console
 *
 * Admins and owners revoke the link (as `POST /api/v1/links/{id}/revoke` does) and go back to its page
 * (`303`); a viewer gets a `403` page and nothing changes. Audited with the console user's id.
 *
 */
export declare const revokeConsoleLink: <ThrowOnError extends boolean = false>(options: Options<RevokeConsoleLinkData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, RevokeConsoleLinkErrors, ThrowOnError, "fields">;
/**
 * The account's profiles, in the console
 *
 * Every profile of the signed-in user's account, by display name, with its kind, delivery and mode.
 */
export declare const showConsoleProfiles: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleProfilesData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleProfilesResponses, ShowConsoleProfilesErrors, ThrowOnError, "fields">;
/**
 * One profile's settings and integration snippets, in the console
 *
 * The profile's settings (mode, iss, aud, origins, display name, locale, time zone, renewals), read-only,
 * and code that calls generateJWT with its profile key: curl, JavaScript `fetch` on a server, Python,
 * the Bubble API Connector's fields, and Swift and Kotlin for opening the answer's `url`. The API key is
 * never shown: the snippets read it from the `BROKER_API_KEY` environment variable. Another account's
 * profile is a `404` page.
 *
 */
export declare const showConsoleProfile: <ThrowOnError extends boolean = false>(options: Options<ShowConsoleProfileData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleProfileResponses, ShowConsoleProfileErrors, ThrowOnError, "fields">;
/**
 * The keys that sign the account's tokens, in the console
 *
 * Each keyset the account's profiles sign with: its published keys' kids, stages (signing, published
 * and pending, retired and still published) and ages, and when the pending key may start signing (as
 * `keysets status` tells the operator, who rotates with the CLI). Read-only; a keyset Secrets Manager
 * cannot be read just now is a sentence on the page.
 *
 */
export declare const showConsoleKeys: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleKeysData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleKeysResponses, ShowConsoleKeysErrors, ThrowOnError, "fields">;
/**
 * The account's webhook endpoints, in the console
 *
 * Every webhook endpoint of the signed-in user's account, with its state and the events it gets.
 */
export declare const showConsoleWebhooks: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleWebhooksData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleWebhooksResponses, ShowConsoleWebhooksErrors, ThrowOnError, "fields">;
/**
 * One webhook endpoint and its recent deliveries, in the console
 *
 * The endpoint (never its secret) and its newest 50 deliveries with their state, attempts and last HTTP
 * status; for admins and owners, a button to send a delivery again and one to make a new signing secret.
 * Another account's endpoint is a `404` page.
 *
 */
export declare const showConsoleWebhook: <ThrowOnError extends boolean = false>(options: Options<ShowConsoleWebhookData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleWebhookResponses, ShowConsoleWebhookErrors, ThrowOnError, "fields">;
/**
 * Make a new signing secret for a webhook endpoint, from the console
 *
 * Admins and owners make a new secret (as `POST /api/v1/webhooks/{id}/rotate-secret` does; the old one
 * signs alongside it for a while). The answer is the endpoint's page with the new secret, the only time
 * it is shown; it is in no log, audit row or address. A viewer gets a `403` page and nothing changes.
 * Audited with the console user's id.
 *
 */
export declare const rotateConsoleWebhookSecret: <ThrowOnError extends boolean = false>(options: Options<RotateConsoleWebhookSecretData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<RotateConsoleWebhookSecretResponses, RotateConsoleWebhookSecretErrors, ThrowOnError, "fields">;
/**
 * Send a webhook delivery again, from the console
 *
 * Admins and owners send the delivery's event again as a new delivery due now (as
 * `POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver` does) and go back to the endpoint's page
 * (`303`); a viewer gets a `403` page; a disabled endpoint a `409` page. Audited with the console user's id.
 *
 */
export declare const redeliverConsoleWebhook: <ThrowOnError extends boolean = false>(options: Options<RedeliverConsoleWebhookData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, RedeliverConsoleWebhookErrors, ThrowOnError, "fields">;
/**
 * The token inspector's form, in the console
 *
 * A form to paste a token into and pick the profile to check it against (optional).
 */
export declare const showConsoleInspector: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleInspectorData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleInspectorResponses, ShowConsoleInspectorErrors, ThrowOnError, "fields">;
/**
 * Inspect a token, from the console
 *
 * The token is checked as `POST /api/v1/tokens/inspect` checks it (the same function), against the chosen
 * profile's published keys and its iss and aud, or the broker's default keys: the page lists every rule
 * with pass, fail or not checked and its sentence. The token travels only in this body; it is not kept,
 * logged or audited (the audit row names the console user, the profile and whether it passed). An empty
 * or overlong token, or a profile not of the account, is a `422` page; a body over `MAX_BODY_BYTES` a
 * `413` page.
 *
 */
export declare const inspectConsoleToken: <ThrowOnError extends boolean = false>(options: Options<InspectConsoleTokenData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<InspectConsoleTokenResponses, InspectConsoleTokenErrors, ThrowOnError, "fields">;
/**
 * The account's test inbox, in the console
 *
 * The mails the account's test profiles would have sent in the last 24 hours (as `GET /api/v1/test-inbox`
 * gives them to a test API key): subject, masked recipient, time, and on opening one its plain text and
 * link. Never sent to anyone.
 *
 */
export declare const showConsoleTestInbox: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleTestInboxData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleTestInboxResponses, ShowConsoleTestInboxErrors, ThrowOnError, "fields">;
/**
 * The account's API keys, in the console (owners)
 *
 * For owners: each API key of the account by its prefix, with its name, scopes, mode (live or test), rate
 * limit, creation, last use (to within 5 minutes) and state, and the form that creates one. Admins and
 * viewers get a `403` page (and no menu entry). Never a key or its hash.
 *
 */
export declare const showConsoleApiKeys: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleApiKeysData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleApiKeysResponses, ShowConsoleApiKeysErrors, ThrowOnError, "fields">;
/**
 * Create an API key from the console (owners)
 *
 * Creates a key as `flask --app service apikeys create` does (the same rules: known scopes, no
 * administering scope on a test key, a valid rate limit), and a rate limit of at most the broker's
 * `RATE_LIMIT` (a higher one is the operator's to give) and a name without control characters. The answer
 * is the one page that shows the new
 * key, once (no-store; it is in no URL, log or audit row); the audit row names the console user and the
 * key's prefix. A form that fails a rule is the page again with each field's message (`422`).
 *
 */
export declare const createConsoleApiKey: <ThrowOnError extends boolean = false>(options: Options<CreateConsoleApiKeyData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<CreateConsoleApiKeyResponses, CreateConsoleApiKeyErrors, ThrowOnError, "fields">;
/**
 * One API key, and its Revoke button (owners)
 *
 * The key's details by its prefix and, while it is live, a button that revokes it.
 */
export declare const showConsoleApiKey: <ThrowOnError extends boolean = false>(options: Options<ShowConsoleApiKeyData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleApiKeyResponses, ShowConsoleApiKeyErrors, ThrowOnError, "fields">;
/**
 * Revoke an API key from the console (owners)
 *
 * Revokes the account's key (as `POST /api/v1/api-keys/{prefix}/revoke` does) and goes back to its page
 * (`303`); another account's key is `404`. Admins and viewers get a `403` page and nothing changes.
 * Audited with the console user's id.
 *
 */
export declare const revokeConsoleApiKey: <ThrowOnError extends boolean = false>(options: Options<RevokeConsoleApiKeyData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, RevokeConsoleApiKeyErrors, ThrowOnError, "fields">;
/**
 * The account's console users, in the console (owners)
 *
 * For owners: each console user with their address (opened for the owner only; sealed in the database),
 * role and last sign-in, and the invitation form. `done` says what the last change was. Admins and viewers
 * get a `403` page (and no menu entry).
 *
 */
export declare const showConsoleUsers: <ThrowOnError extends boolean = false>(options?: Options<ShowConsoleUsersData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleUsersResponses, ShowConsoleUsersErrors, ThrowOnError, "fields">;
/**
 * Invite a console user (owners)
 *
 * Adds the address to the account with the role and mails it an invitation, in the language chosen, off
 * the request thread: a one-time sign-in link that works for `CONSOLE_INVITATION_SECONDS` (7 days). Then
 * `303` to `/console/users?done=invited`. An address the account already has is a `409` page; a bad
 * address, role or language is the page again with each field's message (`422`).
 *
 */
export declare const inviteConsoleUser: <ThrowOnError extends boolean = false>(options: Options<InviteConsoleUserData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, InviteConsoleUserErrors, ThrowOnError, "fields">;
/**
 * One console user, with the forms that change their role and remove them (owners)
 */
export declare const showConsoleUser: <ThrowOnError extends boolean = false>(options: Options<ShowConsoleUserData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ShowConsoleUserResponses, ShowConsoleUserErrors, ThrowOnError, "fields">;
/**
 * Change a console user's role (owners)
 *
 * Gives the user the role at once (their next page uses it), then `303` to their page (to `/console`
 * for an owner who stepped down). The account's last owner cannot become an admin or a viewer: a `409`
 * page. Audited with the console user's id.
 *
 */
export declare const changeConsoleUserRole: <ThrowOnError extends boolean = false>(options: Options<ChangeConsoleUserRoleData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, ChangeConsoleUserRoleErrors, ThrowOnError, "fields">;
/**
 * Remove a console user (owners)
 *
 * Removes the user and ends their sessions and sign-in links at once, then `303` to
 * `/console/users?done=removed`. The account's last owner cannot be removed: a `409` page. Audited with
 * the console user's id.
 *
 */
export declare const removeConsoleUser: <ThrowOnError extends boolean = false>(options: Options<RemoveConsoleUserData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<unknown, RemoveConsoleUserErrors, ThrowOnError, "fields">;
/**
 * Every error code, in a browser
 */
export declare const listProblems: <ThrowOnError extends boolean = false>(options?: Options<ListProblemsData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ListProblemsResponses, ListProblemsErrors, ThrowOnError, "fields">;
/**
 * What an error code means and how to fix it
 *
 * The `type` of every problem document links here. The page says what the code means, its usual causes,
 * how to fix it, and shows a request that causes it beside one that does not.
 *
 */
export declare const explainProblem: <ThrowOnError extends boolean = false>(options: Options<ExplainProblemData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<ExplainProblemResponses, ExplainProblemErrors, ThrowOnError, "fields">;
/**
 * This contract, as YAML
 *
 * This OpenAPI document, exactly as in the broker's source tree. Served as `text/yaml` with
 * `Content-Disposition: inline`, so a browser shows it instead of saving it.
 *
 */
export declare const getOpenApi: <ThrowOnError extends boolean = false>(options?: Options<GetOpenApiData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetOpenApiResponses, GetOpenApiErrors, ThrowOnError, "fields">;
/**
 * This contract, as JSON
 *
 * The same OpenAPI document as `/openapi.yaml`, converted to JSON (for tools that read only JSON).
 */
export declare const getOpenApiJson: <ThrowOnError extends boolean = false>(options?: Options<GetOpenApiJsonData, ThrowOnError>) => import("./client/types.gen.js").RequestResult<GetOpenApiJsonResponses, GetOpenApiJsonErrors, ThrowOnError, "fields">;
