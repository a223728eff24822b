// make bench's reference token server: node-oidc-provider issuing JWT access tokens to one client
// by the client_credentials grant, in a node:cluster of REF_WORKERS processes on 127.0.0.1.
//
// Everything comes from the environment (bench/reference.py sets it; keys are made per run and
// never written to disk):
//   REF_PORT            port on 127.0.0.1
//   REF_WORKERS         cluster workers (the bench passes the broker's gunicorn worker count)
//   REF_ALG             ES256 (P-256 key) or RS256 (RSA key of at least 2048 bits)
//   REF_PRIVATE_KEY_PEM the signing key, PKCS#8 PEM
//   REF_PAYLOAD         JSON object: the broker scenario's payload, added to every access token
//   REF_CLIENT_ID, REF_CLIENT_SECRET   the one client (client_secret_basic)
//   REF_RESOURCE        the resource indicator the client asks for (RFC 8707)
//   REF_AUDIENCE        the access token's aud
//   REF_TTL_SECONDS     access token lifetime (the broker's is 300)
// The primary prints "REFERENCE_READY <workers>" once every worker listens.

import cluster from 'node:cluster';
import { createPrivateKey, randomBytes } from 'node:crypto';
import process from 'node:process';

import Provider, { errors } from 'oidc-provider';

const HOST = '127.0.0.1';
const READY_MARKER = 'REFERENCE_READY';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

function positiveInteger(name) {
  const value = Number(required(name));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function settings() {
  const payload = JSON.parse(required('REF_PAYLOAD'));
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new Error('REF_PAYLOAD must be a JSON object');
  }
  return {
    port: positiveInteger('REF_PORT'),
    workers: positiveInteger('REF_WORKERS'),
    alg: required('REF_ALG'),
    privateKeyPem: required('REF_PRIVATE_KEY_PEM'),
    payload,
    clientId: required('REF_CLIENT_ID'),
    clientSecret: required('REF_CLIENT_SECRET'),
    resource: required('REF_RESOURCE'),
    audience: required('REF_AUDIENCE'),
    ttlSeconds: positiveInteger('REF_TTL_SECONDS'),
  };
}

// The signing key as a private JWK, refused unless it fits the algorithm (the bench compares like
// with like: ES256 on P-256, RS256 on RSA-2048). oidc-provider computes the kid (RFC 7638).
function signingJwk(alg, pem) {
  if (alg !== 'ES256' && alg !== 'RS256') throw new Error(`REF_ALG must be ES256 or RS256, not ${alg}`);
  const key = createPrivateKey(pem);
  const details = key.asymmetricKeyDetails ?? {};
  if (alg === 'ES256' && !(key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1')) {
    throw new Error('ES256 needs a P-256 key');
  }
  if (alg === 'RS256' && !(key.asymmetricKeyType === 'rsa' && details.modulusLength >= 2048)) {
    throw new Error('RS256 needs an RSA key of at least 2048 bits');
  }
  return { ...key.export({ format: 'jwk' }), alg, use: 'sig' };
}

// Storage for oidc-provider's stateful models. JWT access tokens from client_credentials are never
// stored (formats/jwt returns no payload to persist), and the client is static, so the token path
// must not reach storage; if it ever does, the request fails loudly instead of the bench quietly
// measuring the development-only in-memory adapter.
class StatelessAdapter {
  constructor(model) {
    this.model = model;
  }

  async find() {
    return undefined;
  }

  async findByUid() {
    return undefined;
  }

  async findByUserCode() {
    return undefined;
  }

  async upsert() {
    throw new Error(`the benchmark's reference server stores nothing (${this.model}.upsert)`);
  }

  async consume() {
    throw new Error(`the benchmark's reference server stores nothing (${this.model}.consume)`);
  }

  async destroy() {
    throw new Error(`the benchmark's reference server stores nothing (${this.model}.destroy)`);
  }

  async revokeByGrantId() {
    throw new Error(`the benchmark's reference server stores nothing (${this.model}.revokeByGrantId)`);
  }
}

function providerConfiguration(config) {
  const resourceServer = {
    scope: 'sso:mint',
    audience: config.audience,
    accessTokenTTL: config.ttlSeconds,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: config.alg } },
  };
  return {
    adapter: StatelessAdapter,
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
        // Client metadata validation wants an ID Token alg the keystore can sign; there is one key.
        id_token_signed_response_alg: config.alg,
      },
    ],
    jwks: { keys: [signingJwk(config.alg, config.privateKeyPem)] },
    // Only used by interactions, which this server never runs; set so nothing falls back to a default.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: {
      clientCredentials: { enabled: true },
      // The development login/consent pages: off, as in production.
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // The one resource this client may ask for; anything else is invalid_target, as a real
        // deployment that pre-registers resource servers would answer.
        defaultResource: async () => config.resource,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== config.resource) throw new errors.InvalidTarget();
          return resourceServer;
        },
        useGrantedResource: async () => false,
      },
    },
    // The broker scenario's payload, at the top level of every access token like the broker's claims.
    extraTokenClaims: async () => config.payload,
    ttl: { ClientCredentials: config.ttlSeconds },
  };
}

function serveWorker(config) {
  const provider = new Provider(`http://${HOST}:${config.port}`, providerConfiguration(config));
  // Direct connections from wrk on loopback: no X-Forwarded-* to trust.
  provider.proxy = false;
  provider.listen(config.port, HOST);
}

// The primary forks the workers and shares the listening socket with them (node:cluster's default
// round-robin scheduling on Linux); it reports ready once all of them listen, and ends with them.
function runPrimary(config) {
  let listening = 0;
  let stopping = false;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === config.workers) console.log(`${READY_MARKER} ${config.workers}`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); stopping`);
    stop(1);
  });
  const stop = (code) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill('SIGTERM');
    process.exitCode = code;
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  for (let i = 0; i < config.workers; i += 1) cluster.fork();
}

const config = settings();
if (cluster.isPrimary) {
  // A bad key fails here once, not in every worker.
  signingJwk(config.alg, config.privateKeyPem);
  runPrimary(config);
} else {
  serveWorker(config);
}
