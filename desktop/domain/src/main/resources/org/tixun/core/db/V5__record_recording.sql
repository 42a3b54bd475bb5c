-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Tixun schema version 5: a record's recording as its sealed document states it (docs/recording.md, "The record's
-- recording"). record_recording holds one row per sealed record (has_recording = 0 when the seal carries no recording
-- manifest) with the sealed recording-manifest.json bytes; record_recording_segment one row per sealed segment with
-- where its bytes are (path, NULL when they were not found) and the last problem found with them. Both are written when
-- a record is sealed or imported; records sealed before this version are filled from their sealed PDFs the next time
-- the store is opened (org.tixun.core.recording.SealedRecordings.backfill). recording_segment (the recorder's live
-- ledger, by session) stays as it is: nothing reads a record's recording from it any more.
CREATE TABLE record_recording (
    record_id       TEXT PRIMARY KEY REFERENCES record(id),
    document_sha256 TEXT NOT NULL,
    has_recording   INTEGER NOT NULL CHECK (has_recording IN (0, 1)),
    session_id      TEXT,
    manifest_sha256 TEXT,
    manifest_json   TEXT,
    chain_head      TEXT,
    directory       TEXT,
    source          TEXT NOT NULL CHECK (source IN ('SEALED', 'IMPORTED', 'BACKFILLED')),
    filed_at        TEXT NOT NULL
);

CREATE TABLE record_recording_segment (
    record_id     TEXT NOT NULL REFERENCES record_recording(record_id),
    segment_index INTEGER NOT NULL,
    name          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    started_at    TEXT NOT NULL,
    ended_at      TEXT NOT NULL,
    status        TEXT NOT NULL,
    chain_sha256  TEXT NOT NULL,
    path          TEXT,
    problem       TEXT CHECK (problem IN ('MISSING', 'MISMATCH')),
    found_sha256  TEXT,
    checked_at    TEXT,
    PRIMARY KEY (record_id, segment_index)
);

-- A problem the clerk must see on a queued record (RECORDING_MISMATCH, RECORDING_MISSING, DOCUMENT_MISMATCH,
-- REGISTERED_WITHOUT_RECORDING); NULL when there is none.
ALTER TABLE outbox_item ADD COLUMN problem TEXT;

-- Manifests stored by earlier versions found recordings by session: build them again from the sealed manifest
-- unless the record was already delivered.
UPDATE outbox_item SET manifest_json = NULL WHERE state <> 'DONE';
