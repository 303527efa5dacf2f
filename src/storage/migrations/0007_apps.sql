-- App registrations of the embedded tenant (server/app_registry.h): the clients that get
-- tokens from /{tenant}/oauth2/v2.0/token with client credentials. The secret is stored
-- only as an Argon2id hash; `secret_hint` is its first three characters, as Entra shows.

CREATE TABLE app_registrations (
  client_id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  secret_hint TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- The Graph application permissions granted (with admin consent) to an app.
CREATE TABLE app_permissions (
  client_id TEXT NOT NULL REFERENCES app_registrations (client_id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (client_id, permission)
) WITHOUT ROWID;
