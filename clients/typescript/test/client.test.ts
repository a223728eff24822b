// The generated client against a running broker (tests/integration/test_clients.py starts it and passes the
// dev seed's keys in the environment). Every call is written as a user of the package would write it.
import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import { test } from "node:test";

import { createClient } from "sso-token-broker-client/client";
import {
  type GenerateJwtResponse,
  type UnauthorizedProblem,
  type ValidationProblem,
  generateJwt,
  getTestInbox,
  listLinks,
} from "sso-token-broker-client";

function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run this through tests/integration/test_clients.py`);
  return value;
}

/** "name=key name=key" as an object. */
function keys(name: string): Record<string, string> {
  return Object.fromEntries(env(name).split(" ").map((pair) => pair.split("=") as [string, string]));
}

const baseUrl = env("BROKER_URL");
const profiles = keys("PROFILES");
const testProfiles = keys("TEST_PROFILES");
const broker = createClient({ baseUrl, auth: env("API_KEY") });
const admin = createClient({ baseUrl, auth: env("ADMIN_KEY") });
const testMode = createClient({ baseUrl, auth: env("TEST_KEY") });
const mainPayload = {
  employeeId: "2f3fb098",
  employeeFirstname: "Mando",
  employeeLastname: "Lorian",
  organizationName: "Tatooine",
  organizationId: "ace615c2",
  contact: { id: "2f3fb098", firstname: "Baby", lastname: "Yoda", birthdate: "1969-11-13" },
};

/** A token and a launch link's secret are live credentials: the Python side watches the logs for them. */
function watch(answer: GenerateJwtResponse): void {
  const secrets = [answer.token, answer.linkId ? answer.url?.split("/").pop() : undefined];
  appendFileSync(env("WATCH_FILE"), secrets.filter(Boolean).join("\n") + "\n");
}

test("generateJwt mints a token", async () => {
  const { data, error, response } = await generateJwt({
    client: broker,
    body: { profileKey: profiles["generic"], payload: { userId: "u-123" } },
  });
  assert.equal(error, undefined);
  assert.equal(response.status, 200);
  assert.ok(data);
  watch(data);
  assert.match(data.token ?? "", /^[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.equal(data.alg, "ES256");
  assert.ok(data.url?.includes(data.token ?? "?"), "a query profile's URL carries the token");
});

test("a 422 is a ValidationProblem: its code and errors per field", async () => {
  const { employeeId: _left, ...payload } = mainPayload;
  const { data, error, response } = await generateJwt({
    client: broker,
    body: { profileKey: profiles["exorlive-main"], payload },
  });
  assert.equal(data, undefined);
  assert.ok(error);
  if (error.status !== 422) assert.fail(`expected 422, got ${response.status}`);
  const problem: ValidationProblem = error; // narrowed by its status
  assert.equal(problem.code, "validation_failed");
  assert.deepEqual(problem.errors["payload.employeeId"], ["Missing data for required field."]);
  assert.equal(problem.requestId, response.headers.get("X-Request-Id"));
});

test("a 401 is an UnauthorizedProblem", async () => {
  const stranger = createClient({ baseUrl, auth: "tbk_" + "x".repeat(38) });
  const { error, response } = await generateJwt({
    client: stranger,
    body: { profileKey: profiles["generic"], payload: { userId: "u-123" } },
  });
  assert.equal(response.status, 401);
  if (error?.status !== 401) assert.fail("expected a 401 problem");
  const problem: UnauthorizedProblem = error;
  assert.equal(problem.code, "unauthorized");
  assert.match(response.headers.get("WWW-Authenticate") ?? "", /^Bearer/);
});

test("a test key's emailed link waits in the test inbox", async () => {
  const { data } = await generateJwt({
    client: testMode,
    body: {
      profileKey: testProfiles["generic"],
      payload: { userId: "u-123" },
      expireIn: "48h",
      email: { to: "babyyoda@galaxy.com" },
    },
  });
  assert.ok(data);
  watch(data);
  assert.equal(data.emailSent, false); // a test key's mail is kept in the test inbox, not sent
  assert.equal(data.delivery, "test-inbox");
  assert.equal(data.token, undefined, "left out with email");
  const inbox = await getTestInbox({ client: testMode });
  const mail = inbox.data?.messages[0]; // newest first
  assert.deepEqual([mail?.to, mail?.url], ["babyyoda@galaxy.com", data.url]);
});

test("listLinks shows a link just made", async () => {
  const made = await generateJwt({
    client: admin,
    body: { profileKey: profiles["exorlive-main"], payload: mainPayload, expireIn: 120 },
  });
  assert.ok(made.data?.linkId);
  watch(made.data);
  const { data } = await listLinks({ client: admin, query: { state: "usable", limit: 50 } });
  const link = data?.links.find((each) => each.id === made.data?.linkId);
  assert.ok(link);
  assert.equal(link.profile, "exorlive-main");
  assert.equal(link.usesLeft, 1);
});
