-- The sign-in log of the embedded tenant (domain/sign_in.h): one row per password sign-in
-- attempt at the token endpoint, successful or not, as Entra's signIn resource. Kept 30
-- days (Entra's retention with Entra ID P1/P2); older rows are purged when a sign-in is
-- recorded.

CREATE TABLE sign_ins (
  sequence INTEGER PRIMARY KEY,
  id TEXT NOT NULL,  -- the request id (the trace id of an AADSTS error)
  created_at INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  user_principal_name TEXT NOT NULL,
  user_display_name TEXT NOT NULL,
  app_id TEXT NOT NULL,
  app_display_name TEXT NOT NULL,
  ip_address TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  error_code INTEGER NOT NULL,
  failure_reason TEXT NOT NULL
);
CREATE INDEX sign_ins_by_time ON sign_ins (created_at);
CREATE INDEX sign_ins_by_user ON sign_ins (user_id, sequence);
