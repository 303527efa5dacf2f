-- Sessions, authentication methods and hybrid identity (entra-graph-facts.md §3.7, §3.10).

-- The on-premises identity Entra Connect writes for a synchronized user. For a cloud-only
-- user every column is NULL, except an immutable id an admin set (Graph allows it).
-- on_premises_sync_enabled: 1 = synchronized now, 0 = was synchronized, NULL = cloud-only.
ALTER TABLE users ADD COLUMN on_premises_sync_enabled INTEGER;
ALTER TABLE users ADD COLUMN on_premises_immutable_id TEXT COLLATE NOCASE;
ALTER TABLE users ADD COLUMN on_premises_sam_account_name TEXT COLLATE NOCASE;
ALTER TABLE users ADD COLUMN on_premises_distinguished_name TEXT COLLATE NOCASE;
ALTER TABLE users ADD COLUMN on_premises_domain_name TEXT COLLATE NOCASE;
ALTER TABLE users ADD COLUMN on_premises_user_principal_name TEXT COLLATE NOCASE;
ALTER TABLE users ADD COLUMN on_premises_last_sync_at INTEGER;
-- The immutable id is unique among active users, case-insensitively (§7.2): it is how
-- Entra Connect finds the cloud object of an on-premises one.
CREATE UNIQUE INDEX users_active_immutable_id ON users (on_premises_immutable_id)
  WHERE on_premises_immutable_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX users_by_on_premises_sync_enabled ON users (on_premises_sync_enabled, id);
CREATE INDEX users_by_on_premises_sam_account_name ON users (on_premises_sam_account_name, id);
CREATE INDEX users_by_on_premises_user_principal_name
  ON users (on_premises_user_principal_name, id);

-- Per-user MFA settings; a user without a row has the defaults (MFA disabled, the
-- system-preferred method on, no preferred method, every method allowed).
CREATE TABLE user_mfa_settings (
  user_key INTEGER PRIMARY KEY REFERENCES users (user_key) ON DELETE CASCADE,
  per_user_mfa_state TEXT NOT NULL DEFAULT 'disabled'
    CHECK (per_user_mfa_state IN ('disabled', 'enabled', 'enforced')),
  system_preferred INTEGER NOT NULL DEFAULT 1,
  preferred_method TEXT  -- signInPreferences.userPreferredMethodForSecondaryAuthentication
);

-- The secondary methods a user may use; none listed = every method.
CREATE TABLE user_allowed_methods (
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  method TEXT NOT NULL,
  PRIMARY KEY (user_key, method)
) WITHOUT ROWID;

-- Phone methods: at most one of each type. The method id is fixed by the type.
CREATE TABLE user_phone_methods (
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  phone_type TEXT NOT NULL CHECK (phone_type IN ('mobile', 'alternateMobile', 'office')),
  phone_number TEXT NOT NULL,
  PRIMARY KEY (user_key, phone_type)
) WITHOUT ROWID;

-- The email method (self-service password reset): at most one.
CREATE TABLE user_email_methods (
  user_key INTEGER PRIMARY KEY REFERENCES users (user_key) ON DELETE CASCADE,
  email_address TEXT NOT NULL
);
