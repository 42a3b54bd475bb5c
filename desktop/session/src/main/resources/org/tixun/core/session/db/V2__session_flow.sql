-- SPDX-License-Identifier: AGPL-3.0-or-later
-- session.db version 2 (IF NOT EXISTS: stores from before Flyway may have had it added at open).
-- The orchestration state of a session at one end (org.tixun.core.session.flow): phase and a JSON document
-- (record id, frozen hash, plan, reading path, progress) so a restarted program resumes where it stopped.
CREATE TABLE IF NOT EXISTS session_flow (
    session_id  TEXT PRIMARY KEY,
    side        TEXT NOT NULL,
    record_id   TEXT,
    phase       TEXT NOT NULL,
    state_json  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
