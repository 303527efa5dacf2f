-- groupTypes as rows, for $filter's groupTypes/any(c:c eq 'Unified'): a Microsoft 365
-- group has the one type Unified (groups.unified); it compares case-insensitively.
CREATE VIEW group_types (group_key, value) AS
  SELECT group_key, 'Unified' COLLATE NOCASE FROM groups WHERE unified = 1;
