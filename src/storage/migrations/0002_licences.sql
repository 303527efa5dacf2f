-- Licences (entra-graph-facts.md §3.4): the tenant's subscriptions, the licences its users
-- hold and the service plans those give them. SKUs and plans themselves come from the
-- catalogue compiled into the binary (engine/sku_catalog.h); these tables hold ids only.

-- One row per product the tenant bought (subscribedSku). Seats are `units` while the
-- subscription is Enabled; a Suspended one keeps its units as suspended units, and gives no
-- new seats. Consumed units are never stored: they are counted from user_licenses.
CREATE TABLE subscriptions (
  sku_id TEXT PRIMARY KEY,                        -- lower-case GUID
  sku_part_number TEXT NOT NULL COLLATE NOCASE,   -- as the catalogue named it when bought
  subscription_id TEXT NOT NULL UNIQUE,           -- subscribedSku.subscriptionIds[0]
  units INTEGER NOT NULL CHECK (units >= 0),
  capability_status TEXT NOT NULL CHECK (capability_status IN ('Enabled', 'Suspended')),
  created_at INTEGER NOT NULL
);

-- One row per licence a user holds (licenseAssignmentStates), in assignment order (id).
--
-- assigned_by_group is '' for a direct assignment (assignLicense) and the group's object id
-- for a licence inherited through group-based licensing. A user may hold the same SKU
-- directly and through groups; Entra then counts one seat. Only direct rows can be removed
-- through assignLicense.
--
-- state is 'Active' (the licence holds a seat and gives its plans) or 'Error' with error
-- 'CountViolation' (no seat was free, e.g. when a deleted user was restored after its seats
-- were taken; it gives nothing and consumes nothing).
--
-- A soft-deleted user keeps its rows, but consumes no seat while deleted.
CREATE TABLE user_licenses (
  id INTEGER PRIMARY KEY,
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  sku_id TEXT NOT NULL REFERENCES subscriptions (sku_id),
  assigned_by_group TEXT NOT NULL DEFAULT '',
  disabled_plans TEXT NOT NULL DEFAULT '',  -- service plan ids, comma-separated
  state TEXT NOT NULL DEFAULT 'Active' CHECK (state IN ('Active', 'Error')),
  error TEXT NOT NULL DEFAULT 'None',
  updated_at INTEGER NOT NULL,
  UNIQUE (user_key, sku_id, assigned_by_group)
);
-- Consumed units: the distinct active users with an Active row of the SKU.
CREATE INDEX user_licenses_by_sku ON user_licenses (sku_id, state, user_key);

-- assignedPlans: every service plan a user's licences give or gave them. A plan no licence
-- gives any more stays with capability_status 'Deleted' (so a lost Exchange plan, and with
-- it the mailbox, stays visible).
CREATE TABLE user_assigned_plans (
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  service_plan_id TEXT NOT NULL,
  service TEXT NOT NULL,
  capability_status TEXT NOT NULL CHECK (capability_status IN ('Enabled', 'Deleted')),
  assigned_at INTEGER NOT NULL,
  PRIMARY KEY (user_key, position)
) WITHOUT ROWID;
