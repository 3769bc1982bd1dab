-- Incident Console timeline schema, version 1. Portable SQL: the same file runs on SQLite (embedded
-- store) and PostgreSQL (team store). Times are epoch microseconds UTC; JSON is kept as text so both
-- databases hold byte-identical payloads (see docs/incident-json-schema.md for the JSON).

-- One row per incident: the state derived from its entries, kept in step by every append.
CREATE TABLE incidents (
    id          VARCHAR(64)  PRIMARY KEY,
    title       TEXT         NOT NULL,
    severity    VARCHAR(8)   NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    started_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    snapshot    TEXT         NOT NULL
);

CREATE INDEX incidents_by_status ON incidents (status, started_at);

-- The append-only timeline. The entry UUID is the key, so a replayed or re-imported entry is skipped.
CREATE TABLE entries (
    id           VARCHAR(36)  PRIMARY KEY,
    incident_id  VARCHAR(64)  NOT NULL REFERENCES incidents (id),
    seq          BIGINT       NOT NULL,
    entry_time   BIGINT       NOT NULL,
    author       TEXT         NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    payload      TEXT         NOT NULL,
    CONSTRAINT entries_seq UNIQUE (incident_id, seq)
);
