-- Each entry keeps two times: entry_time is when it happened (an alert's start, a health change's first
-- failing check, a command's start), recorded_at when a console recorded it. Readers order a timeline by
-- entry_time, ties by seq (recording order). Rows from version 1 were stamped when recorded, which is all
-- they know: recorded_at takes that value.
ALTER TABLE entries ADD COLUMN recorded_at BIGINT;
UPDATE entries SET recorded_at = entry_time;

CREATE INDEX entries_by_time ON entries (incident_id, entry_time, seq);
