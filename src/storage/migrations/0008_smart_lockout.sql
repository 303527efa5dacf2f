-- Smart lockout of password sign-ins (domain/smart_lockout.h): the tenant's settings, as
-- Entra's Password Rule Settings (LockoutThreshold, LockoutDurationInSeconds), and each
-- user's failed sign-ins since their last success. No row: no failure to remember.

ALTER TABLE tenant ADD COLUMN lockout_threshold INTEGER NOT NULL DEFAULT 10;
ALTER TABLE tenant ADD COLUMN lockout_duration_seconds INTEGER NOT NULL DEFAULT 60;

CREATE TABLE sign_in_lockouts (
  user_key INTEGER PRIMARY KEY REFERENCES users (user_key) ON DELETE CASCADE,
  -- hex; the salt of the fingerprints (Argon2id) of the wrong passwords below
  salt TEXT NOT NULL,
  failures INTEGER NOT NULL,
  lockouts INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  -- hex fingerprints, oldest first, space-separated, at most three
  recent_wrong TEXT NOT NULL
);
