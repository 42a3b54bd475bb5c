-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Tixun schema version 1: users, cases, participants, records, revisions, signature events,
-- recording segments, outbox, append-only hash-chained audit log, settings.

CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('PROSECUTOR','RECORDER','TERMINAL_OFFICER','CLERK','ADMINISTRATOR')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE case_file (
    id              TEXT PRIMARY KEY,
    case_number     TEXT NOT NULL UNIQUE,
    cause_of_action TEXT NOT NULL,
    created_by      INTEGER REFERENCES app_user(id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE participant (
    id                     TEXT PRIMARY KEY,
    case_id                TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
    position               INTEGER NOT NULL,
    role                   TEXT NOT NULL,
    name                   TEXT NOT NULL,
    sex                    TEXT,
    organisation           TEXT,
    aliases                TEXT,
    date_of_birth          TEXT,
    id_number              TEXT,
    ethnicity              TEXT,
    education              TEXT,
    occupation             TEXT,
    household_registration TEXT,
    residence              TEXT,
    prior_penalties        TEXT,
    language               TEXT,
    needs_interpreter      INTEGER NOT NULL DEFAULT 0,
    lawyer_kind            TEXT
);
CREATE INDEX participant_case ON participant(case_id);

CREATE TABLE record (
    id               TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL REFERENCES case_file(id),
    kind             TEXT NOT NULL,
    title            TEXT NOT NULL,
    ordinal          INTEGER,
    status           TEXT NOT NULL CHECK (status IN ('DRAFT','FROZEN','SEALED','SYNCED','FAILED')),
    current_revision INTEGER NOT NULL DEFAULT 0,
    created_by       INTEGER REFERENCES app_user(id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX record_case ON record(case_id);
CREATE INDEX record_status ON record(status, updated_at);
CREATE INDEX record_kind ON record(kind, updated_at);

CREATE TABLE record_revision (
    record_id      TEXT NOT NULL REFERENCES record(id),
    revision       INTEGER NOT NULL,
    content_json   TEXT NOT NULL,
    content_sha256 TEXT,
    document_path  TEXT,
    frozen_at      TEXT,
    sealed_at      TEXT,
    PRIMARY KEY (record_id, revision)
);

CREATE TABLE signature_event (
    id             TEXT PRIMARY KEY,
    record_id      TEXT NOT NULL REFERENCES record(id),
    revision       INTEGER NOT NULL,
    signer_role    TEXT NOT NULL,
    signer_name    TEXT NOT NULL,
    page_index     INTEGER,
    slot           TEXT,
    event_path     TEXT NOT NULL,
    event_sha256   TEXT NOT NULL,
    captured_at    TEXT NOT NULL,
    acknowledged_at TEXT
);
CREATE INDEX signature_event_record ON signature_event(record_id, revision);

CREATE TABLE recording_segment (
    id           TEXT PRIMARY KEY,
    record_id    TEXT REFERENCES record(id),
    session_id   TEXT NOT NULL,
    segment      INTEGER NOT NULL,
    path         TEXT NOT NULL,
    sha256       TEXT,
    prev_sha256  TEXT,
    size_bytes   INTEGER,
    started_at   TEXT NOT NULL,
    ended_at     TEXT,
    gap_reason   TEXT,
    UNIQUE (session_id, segment)
);

CREATE TABLE outbox_item (
    id              INTEGER PRIMARY KEY,
    record_id       TEXT NOT NULL REFERENCES record(id),
    item_kind       TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('PENDING','IN_PROGRESS','DONE','FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    receipt_json    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (record_id, item_kind)
);

CREATE TABLE audit_entry (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    details   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

-- The application never updates or deletes audit entries; the chain catches anyone who bypasses this.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
