-- Client secrets of app registrations (server/app_registry.h), several per app, as
-- Entra's passwordCredentials: each with its key id, a description, its first three
-- characters (the hint Entra shows), an Argon2id hash and a validity period. An app
-- registered before this migration keeps its one secret, valid two years from the app's
-- creation (Graph's default for addPassword).

CREATE TABLE app_secrets (
  key_id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES app_registrations (client_id) ON DELETE CASCADE,
  display_name TEXT NOT NULL,
  hint TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL
);
CREATE INDEX app_secrets_by_app ON app_secrets (client_id);

INSERT INTO app_secrets (key_id, client_id, display_name, hint, secret_hash, start_at, end_at)
SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' ||
             substr(h, 18, 3) || '-' || substr(h, 21, 12)),
       client_id, '', secret_hint, secret_hash, created_at, created_at + 730 * 86400
FROM (SELECT hex(randomblob(16)) AS h, * FROM app_registrations);

ALTER TABLE app_registrations DROP COLUMN secret_hash;
ALTER TABLE app_registrations DROP COLUMN secret_hint;
