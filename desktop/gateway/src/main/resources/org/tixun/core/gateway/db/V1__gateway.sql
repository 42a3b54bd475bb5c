-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The reference gateway's store, version 1 (SQLite and PostgreSQL): stored documents and registered records.
-- Recordings are files named by their SHA-256 (RecordingStore); receipts are kept with the record.
CREATE TABLE IF NOT EXISTS gw_document (
    record_id  VARCHAR(64) PRIMARY KEY,
    sha256     VARCHAR(64) NOT NULL,
    size       BIGINT NOT NULL,
    path       TEXT NOT NULL,
    stored_at  VARCHAR(40) NOT NULL
);

CREATE TABLE IF NOT EXISTS gw_record (
    record_id      VARCHAR(64) PRIMARY KEY,
    manifest_json  TEXT NOT NULL,
    receipt_json   TEXT NOT NULL,
    received_at    VARCHAR(40) NOT NULL
);
