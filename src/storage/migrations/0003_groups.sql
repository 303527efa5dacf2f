-- Groups (security and Microsoft 365), their proxy addresses and members, and users'
-- managers (entra-graph-facts.md §3.5). Groups are deleted for good (no recycle bin), so
-- every group row is active.

CREATE TABLE groups (
  group_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL COLLATE NOCASE,
  mail_nickname TEXT NOT NULL COLLATE NOCASE,
  mail_enabled INTEGER NOT NULL,
  security_enabled INTEGER NOT NULL,
  unified INTEGER NOT NULL,  -- groupTypes ["Unified"]: a Microsoft 365 group
  description TEXT,
  mail TEXT COLLATE NOCASE,
  created_at INTEGER NOT NULL
);
CREATE INDEX groups_by_display_name ON groups (display_name, id);
-- A Microsoft 365 group's mailNickname is its mail alias, unique among them; security
-- groups may share one, as Graph allows.
CREATE UNIQUE INDEX groups_unified_mail_nickname ON groups (mail_nickname) WHERE unified = 1;

INSERT INTO object_counts VALUES ('groups', 0);
CREATE TRIGGER groups_counted AFTER INSERT ON groups
BEGIN
  UPDATE object_counts SET count = count + 1 WHERE kind = 'groups';
END;
CREATE TRIGGER groups_uncounted AFTER DELETE ON groups
BEGIN
  UPDATE object_counts SET count = count - 1 WHERE kind = 'groups';
END;

-- As proxy_addresses for users: the address after the prefix is the unique key, and it
-- is unique across users and groups (the triggers below back the engine's own check).
CREATE TABLE group_proxy_addresses (
  group_key INTEGER NOT NULL REFERENCES groups (group_key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value TEXT NOT NULL COLLATE NOCASE,
  address TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (group_key, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX group_proxy_addresses_by_address ON group_proxy_addresses (address);

CREATE TRIGGER group_proxy_address_not_a_users BEFORE INSERT ON group_proxy_addresses
WHEN EXISTS (SELECT 1 FROM proxy_addresses WHERE address = NEW.address AND active = 1)
BEGIN
  SELECT RAISE(ABORT, 'proxy address held by a user');
END;
CREATE TRIGGER user_proxy_address_not_a_groups BEFORE INSERT ON proxy_addresses
WHEN NEW.active = 1 AND EXISTS (SELECT 1 FROM group_proxy_addresses WHERE address = NEW.address)
BEGIN
  SELECT RAISE(ABORT, 'proxy address held by a group');
END;
CREATE TRIGGER user_proxy_address_restored_not_a_groups BEFORE UPDATE OF active ON proxy_addresses
WHEN NEW.active = 1 AND EXISTS (SELECT 1 FROM group_proxy_addresses WHERE address = NEW.address)
BEGIN
  SELECT RAISE(ABORT, 'proxy address held by a group');
END;

-- Direct members (users). A soft-deleted user keeps its rows, hidden until it is restored;
-- purging the user or deleting the group removes them.
CREATE TABLE group_members (
  group_key INTEGER NOT NULL REFERENCES groups (group_key) ON DELETE CASCADE,
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (group_key, user_key)
) WITHOUT ROWID;
CREATE INDEX group_members_by_user ON group_members (user_key, group_key);

-- user -> manager. The manager is always an active user: deleting a manager removes the
-- links of its direct reports. A soft-deleted report keeps its link until purged.
CREATE TABLE user_managers (
  user_key INTEGER PRIMARY KEY REFERENCES users (user_key) ON DELETE CASCADE,
  manager_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE
);
CREATE INDEX user_managers_by_manager ON user_managers (manager_key, user_key);

-- Group-based licensing: the licences a group gives its direct members (assignedLicenses),
-- in assignment order. Members hold them as user_licenses rows whose assigned_by_group is
-- the group's id (0002_licences.sql). A group that has licences cannot be deleted.
CREATE TABLE group_licenses (
  id INTEGER PRIMARY KEY,
  group_key INTEGER NOT NULL REFERENCES groups (group_key) ON DELETE CASCADE,
  sku_id TEXT NOT NULL REFERENCES subscriptions (sku_id),
  disabled_plans TEXT NOT NULL DEFAULT '',  -- service plan ids, comma-separated
  UNIQUE (group_key, sku_id)
);
