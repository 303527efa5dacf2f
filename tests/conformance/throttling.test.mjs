// Graph's throttling as the SDK meets it, on the server run.sh starts with a tiny budget
// (4 resource units per 2 s per app; GET /users costs 2).

import assert from "node:assert/strict";
import { test } from "node:test";

import { appToken, graph, throttledUrl } from "./lib.mjs";

const token = await appToken();

test("the SDK's retry handler waits out Retry-After and succeeds", async () => {
  const client = await graph(token, throttledUrl);
  await client.api("/users").get();
  await client.api("/users").get();
  const start = Date.now();
  const page = await client.api("/users").get(); // 429, Retry-After: 1, then retried
  assert.ok(Array.isArray(page.value));
  assert.ok(Date.now() - start >= 900, `answered after ${Date.now() - start} ms`);
});

test("a 429 carries Retry-After, the x-ms-throttle headers and Graph's body", async () => {
  let response;
  for (let i = 0; i < 5; i += 1) {
    response = await fetch(`${throttledUrl}/v1.0/users`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status === 429) break;
    assert.equal(response.headers.get("x-ms-resource-unit"), "2");
  }
  assert.equal(response.status, 429);
  assert.match(response.headers.get("retry-after"), /^[1-9][0-9]*$/);
  assert.equal(response.headers.get("x-ms-throttle-information"), "ResourceUnitLimitExceeded");
  assert.match(response.headers.get("x-ms-throttle-scope"), /^Tenant_Application\/ReadWrite\//);
  const body = await response.json();
  assert.equal(body.error.code, "TooManyRequests");
  assert.equal(body.error.message, "Please retry again later.");
  assert.equal(body.error.innerError.status, "429");
});
