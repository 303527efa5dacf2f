-- A group's owners (users), kept as group_members is: a soft-deleted owner keeps its row,
-- hidden until it is restored; purging the user or deleting the group removes it.
CREATE TABLE group_owners (
  group_key INTEGER NOT NULL REFERENCES groups (group_key) ON DELETE CASCADE,
  user_key INTEGER NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (group_key, user_key)
) WITHOUT ROWID;
CREATE INDEX group_owners_by_user ON group_owners (user_key, group_key);
