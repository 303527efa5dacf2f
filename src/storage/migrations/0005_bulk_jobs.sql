-- Bulk jobs (manage/bulk): the durable journal that lets a job resume after a crash
-- without repeating a row, and be undone from the values its rows replaced.

-- What a write was part of (a template, a bulk job's row): directory.h, Actor::origin.
ALTER TABLE audit_events ADD COLUMN origin TEXT NOT NULL DEFAULT '';

-- A step of a job's row whose write committed. The directory inserts it in the same
-- transaction as the write (directory.h, Actor::job_step).
CREATE TABLE job_steps (
  job_id TEXT NOT NULL,
  row INTEGER NOT NULL,
  step INTEGER NOT NULL,
  PRIMARY KEY (job_id, row, step)
) WITHOUT ROWID;

CREATE TABLE bulk_jobs (
  id TEXT PRIMARY KEY,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  input_path TEXT NOT NULL,
  input_digest TEXT NOT NULL,   -- hex BLAKE2b-256 of the input file's bytes
  settings TEXT NOT NULL,       -- JSON: the options the job runs with
  undo_of TEXT REFERENCES bulk_jobs (id),
  state TEXT NOT NULL CHECK (state IN ('running', 'stopped', 'completed'))
);

-- One input row: written 'started' with the values it will replace before its first
-- write, and with its outcome after its last.
CREATE TABLE bulk_job_rows (
  job_id TEXT NOT NULL REFERENCES bulk_jobs (id) ON DELETE CASCADE,
  row INTEGER NOT NULL,
  line INTEGER NOT NULL,        -- the input's physical line where the row starts
  target_id TEXT,
  target_name TEXT,
  status TEXT NOT NULL CHECK (status IN ('started', 'succeeded', 'failed', 'unchanged')),
  error_code TEXT,
  error_message TEXT,
  error_field TEXT,
  before TEXT,                  -- JSON: what undo restores
  PRIMARY KEY (job_id, row)
) WITHOUT ROWID;
