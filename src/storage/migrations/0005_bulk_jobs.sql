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
  before TEXT NOT NULL DEFAULT '',  -- what undoing the write needs
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

-- A finished row's outcome, written in batches after its writes: a row whose outcome a
-- crash lost is settled again on resume from job_steps (done) or run again (failed rows
-- changed nothing).
CREATE TABLE bulk_job_rows (
  job_id TEXT NOT NULL REFERENCES bulk_jobs (id) ON DELETE CASCADE,
  row INTEGER NOT NULL,
  line INTEGER NOT NULL,        -- the input's physical line where the row starts
  target_id TEXT NOT NULL,      -- the user's object id, or '' when none was found
  target_name TEXT NOT NULL,    -- the UPN (or id) the row named
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'unchanged')),
  error_code TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  error_field TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (job_id, row)
) WITHOUT ROWID;
