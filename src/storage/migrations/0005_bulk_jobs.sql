-- Bulk jobs (manage/bulk_job.h): the part of their journal that must commit with the
-- writes themselves. The jobs and their rows' outcomes live in jobs.db beside the tenant
-- (manage/bulk_job_store.cc), so that journalling outcomes never waits for the tenant's
-- write lock.

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
