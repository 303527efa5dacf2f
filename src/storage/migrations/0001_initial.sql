-- The embedded tenant: tenant, domains, users (with their collections) and the audit trail.
-- Filterable user properties are real columns with indexes; text that Entra compares
-- case-insensitively is COLLATE NOCASE. Times are Unix seconds (UTC).

CREATE TABLE tenant (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE domains (
  name TEXT PRIMARY KEY COLLATE NOCASE,
  is_verified INTEGER NOT NULL,
  is_default INTEGER NOT NULL,
  is_initial INTEGER NOT NULL,
  authentication_type TEXT NOT NULL DEFAULT 'Managed',
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX domains_single_default ON domains (is_default) WHERE is_default = 1;

CREATE TABLE users (
  user_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  -- Unique among active users (index below). A soft-deleted user keeps its UPN, and an
  -- active user may take it meanwhile; restoring then needs a new UPN (Restore-MsolUser
  -- -NewUserPrincipalName).
  user_principal_name TEXT NOT NULL COLLATE NOCASE,
  upn_domain TEXT NOT NULL COLLATE NOCASE REFERENCES domains (name),
  display_name TEXT NOT NULL COLLATE NOCASE,
  mail_nickname TEXT NOT NULL COLLATE NOCASE,
  account_enabled INTEGER NOT NULL,
  given_name TEXT COLLATE NOCASE,
  surname TEXT COLLATE NOCASE,
  job_title TEXT COLLATE NOCASE,
  department TEXT COLLATE NOCASE,
  company_name TEXT COLLATE NOCASE,
  employee_id TEXT COLLATE NOCASE,
  employee_type TEXT COLLATE NOCASE,
  office_location TEXT COLLATE NOCASE,
  street_address TEXT COLLATE NOCASE,
  city TEXT COLLATE NOCASE,
  state TEXT COLLATE NOCASE,
  postal_code TEXT COLLATE NOCASE,
  country TEXT COLLATE NOCASE,
  mobile_phone TEXT COLLATE NOCASE,
  fax_number TEXT COLLATE NOCASE,
  mail TEXT COLLATE NOCASE,
  preferred_language TEXT COLLATE NOCASE,
  usage_location TEXT COLLATE NOCASE,
  password_policies TEXT COLLATE NOCASE,
  user_type TEXT NOT NULL COLLATE NOCASE DEFAULT 'Member',
  created_at INTEGER NOT NULL,
  last_password_change_at INTEGER NOT NULL,
  sessions_valid_from INTEGER NOT NULL,
  deleted_at INTEGER,
  force_change_password INTEGER NOT NULL DEFAULT 0,
  force_change_password_mfa INTEGER NOT NULL DEFAULT 0,
  -- A self-describing hash: "$argon2id$v=19$m=..,t=..,p=..$salt$hash" or "$keyed-blake2b$...".
  password_hash TEXT NOT NULL
);
CREATE UNIQUE INDEX users_active_upn ON users (user_principal_name) WHERE deleted_at IS NULL;
CREATE INDEX users_by_upn ON users (user_principal_name, id);
-- Every index ends with the object id so keyset paging on (column, id) is an index scan.
CREATE INDEX users_by_display_name ON users (deleted_at, display_name, id);
CREATE INDEX users_by_given_name ON users (given_name, id);
CREATE INDEX users_by_surname ON users (surname, id);
CREATE INDEX users_by_mail ON users (mail);
CREATE INDEX users_by_mail_nickname ON users (mail_nickname);
CREATE INDEX users_by_department ON users (department, id);
CREATE INDEX users_by_job_title ON users (job_title, id);
CREATE INDEX users_by_company_name ON users (company_name, id);
CREATE INDEX users_by_employee_id ON users (employee_id);
CREATE INDEX users_by_usage_location ON users (usage_location, id);
CREATE INDEX users_by_city ON users (city, id);
CREATE INDEX users_by_country ON users (country, id);
CREATE INDEX users_by_office_location ON users (office_location, id);
CREATE INDEX users_by_created_at ON users (created_at, id);
CREATE INDEX users_by_upn_domain ON users (upn_domain);
CREATE INDEX users_by_deleted_at ON users (deleted_at, id);
CREATE INDEX users_by_state ON users (state, id);
CREATE INDEX users_by_postal_code ON users (postal_code);
CREATE INDEX users_by_user_type ON users (user_type, id);
CREATE INDEX users_by_employee_type ON users (employee_type, id);
CREATE INDEX users_by_mobile_phone ON users (mobile_phone);

-- Object counts kept by triggers, so the quota check at every creation is O(1).
CREATE TABLE object_counts (
  kind TEXT PRIMARY KEY,
  count INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO object_counts VALUES ('users', 0);
CREATE TRIGGER users_counted AFTER INSERT ON users
BEGIN
  UPDATE object_counts SET count = count + 1 WHERE kind = 'users';
END;
CREATE TRIGGER users_uncounted AFTER DELETE ON users
BEGIN
  UPDATE object_counts SET count = count - 1 WHERE kind = 'users';
END;

-- Proxy addresses ("SMTP:primary", "smtp:secondary"), unique among active objects
-- whatever the prefix's case: the address after the prefix is the unique key. `active`
-- follows the owner's soft deletion.
CREATE TABLE proxy_addresses (
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value TEXT NOT NULL COLLATE NOCASE,    -- as Graph shows it: "SMTP:adele@contoso.com"
  address TEXT NOT NULL COLLATE NOCASE,  -- the part after the prefix: the unique key
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (user_key, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX proxy_addresses_active ON proxy_addresses (address) WHERE active = 1;
CREATE INDEX proxy_addresses_by_value ON proxy_addresses (value);

CREATE TABLE user_business_phones (
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (user_key, position)
) WITHOUT ROWID;

CREATE TABLE user_other_mails (
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (user_key, position)
) WITHOUT ROWID;
CREATE INDEX user_other_mails_by_value ON user_other_mails (value);

-- The audit trail: one event per write, appended in the write's own transaction.
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  target_name TEXT NOT NULL
);
CREATE INDEX audit_events_by_target ON audit_events (target_id, seq);

CREATE TABLE audit_changes (
  event_seq INTEGER NOT NULL REFERENCES audit_events (seq) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  property TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  PRIMARY KEY (event_seq, position)
) WITHOUT ROWID;
