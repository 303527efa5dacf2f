// Sign-in as MSAL does it: instance metadata, OpenID configuration, client credentials and
// username/password grants, and Entra's refusals.

import assert from "node:assert/strict";
import { test } from "node:test";

import {
  alias,
  appToken,
  baseUrl,
  claims,
  clientId,
  graph,
  graphScope,
  msalApp,
  newUser,
  password,
  tenant,
} from "./lib.mjs";

test("the OpenID configuration has what MSAL requires", async () => {
  const response = await fetch(`${baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`);
  assert.equal(response.status, 200);
  const doc = await response.json();
  for (const field of ["authorization_endpoint", "token_endpoint", "issuer", "jwks_uri"]) {
    assert.ok(doc[field].startsWith(`${baseUrl}/`), field);
  }
  const keys = await (await fetch(doc.jwks_uri)).json();
  assert.equal(keys.keys[0].kty, "RSA");
});

test("client credentials through MSAL give a Graph app token with the granted roles", async () => {
  const token = await appToken();
  const payload = claims(token);
  assert.equal(payload.aud, "https://graph.microsoft.com");
  assert.equal(payload.appid, clientId);
  assert.equal(payload.idtyp, "app");
  assert.ok(payload.roles.includes("User.ReadWrite.All"));
  assert.equal(payload.iss, `https://sts.windows.net/${payload.tid}/`);
});

test("a wrong client secret is AADSTS7000215 invalid_client", async () => {
  await assert.rejects(
    msalApp(clientId, "not-the-secret").acquireTokenByClientCredential({ scopes: [graphScope] }),
    (error) => error.errorCode === "invalid_client" && /AADSTS7000215/.test(error.errorMessage),
  );
});

test("an unknown client is AADSTS700016 unauthorized_client", async () => {
  await assert.rejects(
    msalApp("5e3ce6c0-2b1f-4285-8d4b-75ee78787346", "x").acquireTokenByClientCredential({
      scopes: [graphScope],
    }),
    (error) => error.errorCode === "unauthorized_client" && /AADSTS700016/.test(error.errorMessage),
  );
});

test("a scope without /.default is AADSTS1002012 invalid_scope", async () => {
  await assert.rejects(
    msalApp().acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/User.Read.All"] }),
    (error) => error.errorCode === "invalid_scope" && /AADSTS1002012/.test(error.errorMessage),
  );
});

test("username and password: a token, then Entra's refusals", async () => {
  const client = await graph();
  const upn = (await client.api("/users").post(newUser(alias("ropc")))).userPrincipalName;
  const signIn = (user, secret) =>
    msalApp().acquireTokenByUsernamePassword({
      scopes: ["https://graph.microsoft.com/User.Read.All"],
      username: user,
      password: secret,
    });

  const result = await signIn(upn, password);
  assert.equal(claims(result.accessToken).idtyp, "user");
  assert.equal(claims(result.accessToken).scp, "User.Read.All");

  await assert.rejects(signIn(upn, "Wrong-Password-42"), (error) =>
    /AADSTS50126/.test(error.errorMessage),
  );
  await client
    .api(`/users/${upn}/authentication/requirements`)
    .version("beta")
    .patch({ perUserMfaState: "enforced" });
  await assert.rejects(signIn(upn, password), (error) => /AADSTS50076/.test(error.errorMessage));
  await client
    .api(`/users/${upn}/authentication/requirements`)
    .version("beta")
    .patch({ perUserMfaState: "disabled" });
  await client.api(`/users/${upn}`).patch({ accountEnabled: false });
  await assert.rejects(signIn(upn, password), (error) => /AADSTS50057/.test(error.errorMessage));
});
