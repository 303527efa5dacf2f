// What every conformance test shares: the server under test (from run.sh's environment),
// MSAL and Graph SDK clients pointed at it, and small helpers.

import { ConfidentialClientApplication } from "@azure/msal-node";
import { Client, ResponseType } from "@microsoft/microsoft-graph-client";
import assert from "node:assert/strict";

export const baseUrl = process.env.ADMIN365_URL; // https://127.0.0.1:PORT
export const throttledUrl = process.env.ADMIN365_THROTTLED_URL; // the same tenant, 4 units / 2 s
export const tenant = process.env.ADMIN365_TENANT; // a verified domain of the tenant
export const domain = process.env.ADMIN365_DOMAIN; // the domain new users get
export const clientId = process.env.ADMIN365_CLIENT_ID;
export const clientSecret = process.env.ADMIN365_CLIENT_SECRET;
export const readOnlyClientId = process.env.ADMIN365_READONLY_CLIENT_ID;
export const readOnlyClientSecret = process.env.ADMIN365_READONLY_CLIENT_SECRET;
export const graphScope = "https://graph.microsoft.com/.default";
export const password = "xWwvJ]6NMw+bWH-d";

assert.ok(baseUrl && tenant && clientId && clientSecret, "run through tests/conformance/run.sh");

// MSAL as a daemon app would configure it for a custom authority.
export function msalApp(id = clientId, secret = clientSecret) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: id,
      clientSecret: secret,
      authority: `${baseUrl}/${tenant}`,
      knownAuthorities: [new URL(baseUrl).host],
    },
  });
}

export async function appToken(id = clientId, secret = clientSecret) {
  const result = await msalApp(id, secret).acquireTokenByClientCredential({ scopes: [graphScope] });
  return result.accessToken;
}

// A Graph SDK client of the server at `url` whose requests carry `token` (fetched with MSAL
// when omitted).
export async function graph(token, url = baseUrl) {
  const accessToken = token ?? (await appToken());
  return Client.init({
    authProvider: (done) => done(null, accessToken),
    baseUrl: url,
    customHosts: new Set([new URL(url).hostname]),
    defaultVersion: "v1.0",
  });
}

// Sends a request through the SDK and returns the raw Response (to check status codes).
export async function raw(request, method, body) {
  const call = request.responseType(ResponseType.RAW);
  switch (method) {
    case "GET":
      return call.get();
    case "POST":
      return call.post(body);
    case "PATCH":
      return call.patch(body);
    case "DELETE":
      return call.delete();
    default:
      throw new Error(`method ${method}`);
  }
}

// Runs `call` and returns the GraphError it throws; fails if it succeeds.
export async function graphError(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  assert.fail("the call succeeded");
}

// Checks a GraphError's status, code and (when given) exact message.
export function assertGraphError(error, status, code, message) {
  assert.equal(error.statusCode, status, error.message);
  assert.equal(error.code, code, error.message);
  if (message !== undefined) assert.equal(error.message, message);
}

// A unique, valid mail nickname for this run.
let counter = 0;
export function alias(prefix) {
  counter += 1;
  return `${prefix}${process.pid}x${counter}`;
}

// The body of POST /users for a new user `nickname`@domain.
export function newUser(nickname, extra = {}) {
  return {
    accountEnabled: true,
    displayName: `Conformance ${nickname}`,
    mailNickname: nickname,
    userPrincipalName: `${nickname}@${domain}`,
    passwordProfile: { password, forceChangePasswordNextSignIn: false },
    ...extra,
  };
}

// The claims of a JWT (no verification: the server's own tests do that).
export function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
}
