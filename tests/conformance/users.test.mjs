// Users through Microsoft's Graph SDK: create, read, list, filter, page, update, delete,
// restore, and the errors Graph answers with.

import assert from "node:assert/strict";
import { test } from "node:test";

import { PageIterator } from "@microsoft/microsoft-graph-client";

import {
  alias,
  appToken,
  assertGraphError,
  baseUrl,
  domain,
  graph,
  graphError,
  newUser,
  raw,
  readOnlyClientId,
  readOnlyClientSecret,
} from "./lib.mjs";

const client = await graph();
const department = alias("Dept");

test("POST /users creates a user: 201 with the user", async () => {
  const nickname = alias("adele");
  const response = await raw(client.api("/users"), "POST", newUser(nickname, { department }));
  assert.equal(response.status, 201);
  const user = await response.json();
  assert.match(user.id, /^[0-9a-f-]{36}$/);
  assert.equal(user.userPrincipalName, `${nickname}@${domain}`);
  assert.equal(user.displayName, `Conformance ${nickname}`);
  assert.equal(user.passwordProfile, undefined, "never returned");
});

test("a taken userPrincipalName, a weak password and an unverified domain are 400s", async () => {
  const nickname = alias("dup");
  await client.api("/users").post(newUser(nickname));
  assertGraphError(
    await graphError(() => client.api("/users").post(newUser(nickname))),
    400,
    "Request_BadRequest",
    "Another object with the same value for property userPrincipalName already exists.",
  );
  const weak = newUser(alias("weak"));
  weak.passwordProfile.password = "password";
  assertGraphError(
    await graphError(() => client.api("/users").post(weak)),
    400,
    "Request_BadRequest",
    "The specified password does not comply with password complexity requirements. Please provide a different password.",
  );
  const foreign = newUser(alias("foreign"));
  foreign.userPrincipalName = `${foreign.mailNickname}@fabrikam.example`;
  assertGraphError(
    await graphError(() => client.api("/users").post(foreign)),
    400,
    "Request_BadRequest",
    "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.",
  );
});

test("GET /users/{upn} and $select", async () => {
  const nickname = alias("megan");
  await client.api("/users").post(newUser(nickname, { jobTitle: "Analyst" }));
  const user = await client.api(`/users/${nickname}@${domain}`).select(["id", "jobTitle"]).get();
  assert.equal(user.jobTitle, "Analyst");
  assert.equal(user.displayName, undefined);
});

test("list, $filter and paging with @odata.nextLink", async () => {
  const created = [];
  for (let i = 0; i < 5; i += 1) {
    created.push((await client.api("/users").post(newUser(alias("page"), { department }))).id);
  }
  const filtered = await client.api("/users").filter(`department eq '${department}'`).get();
  assert.ok(filtered.value.length >= 5);
  assert.ok(filtered.value.every((user) => user.id));

  const first = await client.api("/users").filter(`department eq '${department}'`).top(2).get();
  assert.equal(first.value.length, 2);
  assert.ok(first["@odata.nextLink"].startsWith(`${baseUrl}/v1.0/users?`));
  const seen = [];
  const iterator = new PageIterator(client, first, (user) => {
    seen.push(user.id);
    return true;
  });
  await iterator.iterate();
  assert.equal(new Set(seen).size, seen.length, "no user twice");
  for (const id of created) assert.ok(seen.includes(id), id);
});

test("PATCH /users/{id} is 204 and changes the user", async () => {
  const user = await client.api("/users").post(newUser(alias("patch")));
  const response = await raw(client.api(`/users/${user.id}`), "PATCH", {
    jobTitle: "Account Manager",
    officeLocation: "Building 4",
  });
  assert.equal(response.status, 204);
  const read = await client.api(`/users/${user.id}`).select("jobTitle,officeLocation").get();
  assert.equal(read.jobTitle, "Account Manager");
  assert.equal(read.officeLocation, "Building 4");
});

test("DELETE, the recycle bin, restore and hard delete", async () => {
  const user = await client.api("/users").post(newUser(alias("bin")));
  assert.equal((await raw(client.api(`/users/${user.id}`), "DELETE")).status, 204);
  assertGraphError(
    await graphError(() => client.api(`/users/${user.id}`).get()),
    404,
    "Request_ResourceNotFound",
    `Resource '${user.id}' does not exist or one of its queried reference-property objects are not present.`,
  );
  const deleted = await client.api("/directory/deletedItems/microsoft.graph.user").top(999).get();
  assert.ok(deleted.value.some((each) => each.id === user.id));

  const restored = await raw(client.api(`/directory/deletedItems/${user.id}/restore`), "POST", {});
  assert.equal(restored.status, 200);
  assert.equal((await client.api(`/users/${user.id}`).get()).id, user.id);

  await client.api(`/users/${user.id}`).delete();
  assert.equal((await raw(client.api(`/directory/deletedItems/${user.id}`), "DELETE")).status, 204);
  assertGraphError(
    await graphError(() => client.api(`/directory/deletedItems/${user.id}`).get()),
    404,
    "Request_ResourceNotFound",
  );
});

test("an advanced query without ConsistencyLevel is 400 Request_UnsupportedQuery", async () => {
  assertGraphError(
    await graphError(() => client.api("/users").filter("department ne 'Sales'").get()),
    400,
    "Request_UnsupportedQuery",
  );
  const counted = await client
    .api("/users")
    .header("ConsistencyLevel", "eventual")
    .query({ $count: "true" })
    .filter(`department ne '${department}'`)
    .get();
  assert.equal(typeof counted["@odata.count"], "number");
});

test("no token is 401 InvalidAuthenticationToken", async () => {
  const response = await fetch(`${baseUrl}/v1.0/users`);
  assert.equal(response.status, 401);
  const body = await response.json();
  assert.equal(body.error.code, "InvalidAuthenticationToken");
  assert.equal(body.error.message, "Access token is empty.");
  assert.ok(body.error.innerError["request-id"]);
});

test("an app without User.ReadWrite.All is 403 Authorization_RequestDenied", async () => {
  const reader = await graph(await appToken(readOnlyClientId, readOnlyClientSecret));
  const list = await reader.api("/users").top(1).get();
  assert.equal(list.value.length, 1);
  assertGraphError(
    await graphError(() => reader.api("/users").post(newUser(alias("denied")))),
    403,
    "Authorization_RequestDenied",
    "Insufficient privileges to complete the operation.",
  );
});
