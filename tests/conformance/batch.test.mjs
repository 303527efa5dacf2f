// JSON batching through the Graph SDK: independent and dependent requests, per-request
// statuses, the 20-request limit.

import assert from "node:assert/strict";
import { test } from "node:test";

import { alias, domain, graph, newUser } from "./lib.mjs";

const client = await graph();

test("$batch answers each request with its own status", async () => {
  const nickname = alias("batch");
  const result = await client.api("/$batch").post({
    requests: [
      {
        id: "1",
        method: "POST",
        url: "/users",
        headers: { "Content-Type": "application/json" },
        body: newUser(nickname),
      },
      { id: "2", dependsOn: ["1"], method: "GET", url: `/users/${nickname}@${domain}?$select=id,displayName` },
      { id: "3", method: "GET", url: `/users/nobody-${nickname}@${domain}` },
    ],
  });
  const byId = Object.fromEntries(result.responses.map((response) => [response.id, response]));
  assert.equal(byId["1"].status, 201);
  assert.equal(byId["2"].status, 200);
  assert.equal(byId["2"].body.displayName, `Conformance ${nickname}`);
  assert.equal(byId["3"].status, 404);
  assert.equal(byId["3"].body.error.code, "Request_ResourceNotFound");
});

test("a failed dependency makes its dependents 424", async () => {
  const result = await client.api("/$batch").post({
    requests: [
      { id: "a", method: "GET", url: `/users/missing-${alias("x")}@${domain}` },
      { id: "b", dependsOn: ["a"], method: "GET", url: "/users?$top=1" },
    ],
  });
  const byId = Object.fromEntries(result.responses.map((response) => [response.id, response]));
  assert.equal(byId.a.status, 404);
  assert.equal(byId.b.status, 424);
});

test("more than 20 requests is a 400", async () => {
  const requests = Array.from({ length: 21 }, (_, i) => ({
    id: String(i + 1),
    method: "GET",
    url: "/users?$top=1",
  }));
  await assert.rejects(client.api("/$batch").post({ requests }), (error) => error.statusCode === 400);
});
