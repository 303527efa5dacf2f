-- User creation templates (manage/template_store.h): every saved version of every template.
-- A removed template keeps its rows, marked, so that a version number is never reused and
-- the audit trail's `template "Sales" v3` always means one definition.
CREATE TABLE templates (
  name TEXT NOT NULL COLLATE NOCASE,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,            -- JSON (manage/template_json.h)
  saved_at INTEGER NOT NULL,
  saved_by TEXT NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0,  -- 1 once the template was removed
  PRIMARY KEY (name, version)
) WITHOUT ROWID;
