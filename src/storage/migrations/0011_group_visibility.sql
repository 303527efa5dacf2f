-- A group's visibility (Graph's group.visibility): 'Public', 'Private' or 'HiddenMembership'
-- (Microsoft 365 groups only), or NULL for a security group created without one.
ALTER TABLE groups ADD COLUMN visibility TEXT;
