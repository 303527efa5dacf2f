// CLI for Microsoft 365 (`m365`, @pnp/cli-microsoft365) unchanged against `admin365 serve`:
// run.sh resolves graph.microsoft.com and login.microsoftonline.com to the server (the CLI
// hard-codes both) in a network namespace that has only loopback. The CLI logs in with the
// app's secret, then each test runs one command as an admin would and checks its output.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { alias, clientId, clientSecret, domain, graph, newUser, password, tenant } from "./lib.mjs";

const m365Binary = fileURLToPath(new URL("node_modules/.bin/m365", import.meta.url));
const home = await mkdtemp(join(tmpdir(), "admin365-m365-"));

// Runs `m365 ARGS --output json` with a home of its own and returns its parsed stdout
// (undefined when it prints nothing); a failing command rejects with its stderr.
async function m365(...args) {
  const { stdout } = await promisify(execFile)(m365Binary, [...args, "--output", "json"], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
      CLIMICROSOFT365_NOUPDATE: "1",
    },
  });
  return stdout.trim() === "" ? undefined : JSON.parse(stdout);
}

const client = await graph();
await m365("cli", "config", "set", "--key", "disableTelemetry", "--value", "true");
await m365("cli", "config", "set", "--key", "prompt", "--value", "false");

test("m365 login --authType secret signs the app in", async () => {
  await m365("login", "--authType", "secret", "--appId", clientId, "--secret", clientSecret,
    "--tenant", tenant);
  const status = await m365("status");
  assert.equal(status.connectedAs, "Conformance"); // the app's name (app_displayname)
  assert.equal(status.authType, "secret");
  assert.equal(status.appId, clientId);
});

const nickname = alias("m365user");
const upn = `${nickname}@${domain}`;
let userId;

test("m365 entra user add creates the user", async () => {
  const user = await m365("entra", "user", "add", "--displayName", "M365 Adele", "--userName", upn,
    "--password", password, "--jobTitle", "Analyst", "--usageLocation", "US");
  assert.equal(user.userPrincipalName, upn);
  assert.equal(user.displayName, "M365 Adele");
  assert.equal(user.jobTitle, "Analyst");
  assert.match(user.id, /^[0-9a-f-]{36}$/);
  userId = user.id;
});

test("m365 entra user get reads it by id and by userName", async () => {
  const byId = await m365("entra", "user", "get", "--id", userId);
  assert.equal(byId.userPrincipalName, upn);
  const byName = await m365("entra", "user", "get", "--userName", upn, "--properties",
    "id,jobTitle");
  assert.deepEqual(byName, { id: userId, jobTitle: "Analyst" });
});

test("m365 entra user list lists it", async () => {
  const users = await m365("entra", "user", "list", "--properties", "id,userPrincipalName");
  assert.deepEqual(users.find((u) => u.id === userId), { id: userId, userPrincipalName: upn });
});

test("m365 entra user set updates it", async () => {
  assert.equal(await m365("entra", "user", "set", "--id", userId, "--department", "Finance"),
    undefined);
  const user = await client.api(`/users/${userId}`).select("department").get();
  assert.equal(user.department, "Finance");
});

test("m365 entra user session revoke revokes its sessions", async () => {
  const before = Date.now() - 1000;
  assert.equal(await m365("entra", "user", "session", "revoke", "--userName", upn, "--force"),
    undefined);
  const user = await client.api(`/users/${userId}`).select("signInSessionsValidFromDateTime")
    .get();
  assert.ok(Date.parse(user.signInSessionsValidFromDateTime) >= before);
});

test("m365 entra user remove moves it to the recycle bin", async () => {
  assert.equal(await m365("entra", "user", "remove", "--id", userId, "--force"), undefined);
  const deleted = await client.api(`/directory/deletedItems/${userId}`).get();
  assert.equal(deleted.userPrincipalName.endsWith(upn), true);
});

test("m365 entra user recyclebinitem list lists it", async () => {
  const items = await m365("entra", "user", "recyclebinitem", "list");
  assert.equal(items.filter((u) => u.id === userId).length, 1);
});

test("m365 entra user recyclebinitem restore restores it", async () => {
  await m365("entra", "user", "recyclebinitem", "restore", "--id", userId);
  const user = await client.api(`/users/${userId}`).get();
  assert.equal(user.userPrincipalName, upn);
});

test("m365 entra user recyclebinitem remove deletes it for good", async () => {
  await client.api(`/users/${userId}`).delete();
  assert.equal(await m365("entra", "user", "recyclebinitem", "remove", "--id", userId, "--force"),
    undefined);
  const items = (await client.api("/directory/deletedItems/microsoft.graph.user").get()).value;
  assert.equal(items.some((u) => u.id === userId), false);
});

const groupNickname = alias("m365group");
let groupId;
let memberId;

test("m365 entra group add creates a security group", async () => {
  const group = await m365("entra", "group", "add", "--displayName", `M365 ${groupNickname}`,
    "--type", "security", "--mailNickname", groupNickname);
  assert.equal(group.displayName, `M365 ${groupNickname}`);
  assert.equal(group.mailNickname, groupNickname);
  assert.equal(group.securityEnabled, true);
  assert.equal(group.mailEnabled, false);
  assert.deepEqual(group.groupTypes, []);
  groupId = group.id;
});

test("m365 entra group get reads it by id and by displayName", async () => {
  assert.equal((await m365("entra", "group", "get", "--id", groupId)).mailNickname, groupNickname);
  const byName = await m365("entra", "group", "get", "--displayName", `M365 ${groupNickname}`);
  assert.equal(byName.id, groupId);
});

test("m365 entra group list --type security lists it with security groups only", async () => {
  const groups = await m365("entra", "group", "list", "--type", "security");
  assert.equal(groups.filter((g) => g.id === groupId).length, 1);
  assert.ok(groups.every((g) => g.securityEnabled === true && g.mailEnabled === false));
  const unified = await m365("entra", "group", "list", "--type", "microsoft365");
  assert.equal(unified.some((g) => g.id === groupId), false);
});

test("m365 entra group member add adds a member and an owner", async () => {
  memberId = (await client.api("/users").post(newUser(alias("m365member")))).id;
  assert.equal(await m365("entra", "group", "member", "add", "--groupId", groupId, "--userIds",
    memberId, "--role", "Member"), undefined);
  assert.equal(await m365("entra", "group", "member", "add", "--groupId", groupId, "--userIds",
    memberId, "--role", "Owner"), undefined);
  const members = (await client.api(`/groups/${groupId}/members`).get()).value;
  assert.deepEqual(members.map((m) => m.id), [memberId]);
  const owners = (await client.api(`/groups/${groupId}/owners`).get()).value;
  assert.deepEqual(owners.map((o) => o.id), [memberId]);
});

test("m365 entra group member list lists the user with both roles", async () => {
  const users = await m365("entra", "group", "member", "list", "--groupId", groupId);
  assert.equal(users.length, 1);
  assert.equal(users[0].id, memberId);
  assert.match(users[0].userPrincipalName, /^m365member/);
  assert.deepEqual(users[0].roles, ["Owner", "Member"]);
});

test("m365 entra group member remove removes the member; the last owner stays", async () => {
  assert.equal(await m365("entra", "group", "member", "remove", "--groupId", groupId, "--userIds",
    memberId, "--role", "Member", "--force"), undefined);
  assert.deepEqual((await client.api(`/groups/${groupId}/members`).get()).value, []);
  const refused = await m365("entra", "group", "member", "remove", "--groupId", groupId,
    "--userIds", memberId, "--role", "Owner", "--force").catch((e) => e);
  assert.match(refused.stderr,
    /The group must have at least one owner, hence this owner cannot be removed\./);
  const owners = (await client.api(`/groups/${groupId}/owners`).get()).value;
  assert.deepEqual(owners.map((o) => o.id), [memberId]);
});

test("m365 entra group remove deletes it", async () => {
  assert.equal(await m365("entra", "group", "remove", "--id", groupId, "--force"), undefined);
  const error = await client.api(`/groups/${groupId}`).get().catch((e) => e);
  assert.equal(error.statusCode, 404);
});
