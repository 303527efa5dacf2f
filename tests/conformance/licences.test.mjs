// Licences through the Graph SDK: subscribedSkus, assignLicense and its errors,
// licenseDetails.

import assert from "node:assert/strict";
import { test } from "node:test";

import { alias, assertGraphError, graph, graphError, newUser, raw } from "./lib.mjs";

const client = await graph();
const skus = (await client.api("/subscribedSkus").get()).value;
const pack = skus.find((sku) => sku.skuPartNumber === "ENTERPRISEPACK");

test("subscribedSkus lists the tenant's subscription", () => {
  assert.ok(pack, JSON.stringify(skus));
  assert.equal(pack.prepaidUnits.enabled, 25);
  assert.equal(pack.capabilityStatus, "Enabled");
  assert.ok(pack.servicePlans.length > 0);
});

test("assignLicense needs a usage location", async () => {
  const user = await client.api("/users").post(newUser(alias("nolocation")));
  assertGraphError(
    await graphError(() =>
      client
        .api(`/users/${user.id}/assignLicense`)
        .post({ addLicenses: [{ skuId: pack.skuId }], removeLicenses: [] }),
    ),
    400,
    "Request_BadRequest",
    "License assignment cannot be done for user with invalid usage location.",
  );
});

test("assignLicense adds and removes a licence; licenseDetails shows it", async () => {
  const user = await client.api("/users").post(newUser(alias("licensed"), { usageLocation: "US" }));
  const response = await raw(client.api(`/users/${user.id}/assignLicense`), "POST", {
    addLicenses: [{ skuId: pack.skuId, disabledPlans: [] }],
    removeLicenses: [],
  });
  assert.equal(response.status, 200);
  assert.equal((await response.json()).id, user.id, "the user, with its default properties");
  const licensed = await client.api(`/users/${user.id}`).select("assignedLicenses").get();
  assert.deepEqual(
    licensed.assignedLicenses.map((licence) => licence.skuId),
    [pack.skuId],
  );
  const details = await client.api(`/users/${user.id}/licenseDetails`).get();
  assert.equal(details.value[0].skuPartNumber, "ENTERPRISEPACK");

  await client
    .api(`/users/${user.id}/assignLicense`)
    .post({ addLicenses: [], removeLicenses: [pack.skuId] });
  const removed = await client.api(`/users/${user.id}`).select("assignedLicenses").get();
  assert.deepEqual(removed.assignedLicenses, []);
});

test("an unknown SKU is not a valid company licence", async () => {
  const user = await client.api("/users").post(newUser(alias("badsku"), { usageLocation: "US" }));
  const skuId = "0b6b7a4c-1111-4a5b-9c9d-000000000000";
  assertGraphError(
    await graphError(() =>
      client.api(`/users/${user.id}/assignLicense`).post({ addLicenses: [{ skuId }], removeLicenses: [] }),
    ),
    400,
    "Request_BadRequest",
    `License ${skuId} does not correspond to a valid company License.`,
  );
});
