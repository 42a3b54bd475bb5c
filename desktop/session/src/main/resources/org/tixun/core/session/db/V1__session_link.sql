-- SPDX-License-Identifier: AGPL-3.0-or-later
-- session.db version 1: the session link's per-session sequence state and durable outbox
-- (docs/session.md). Unacknowledged reliable messages stay in session_outbox until the peer acknowledges them.

CREATE TABLE session_link (
    session_id        TEXT PRIMARY KEY,
    role              TEXT NOT NULL CHECK (role IN ('WORKSTATION','TERMINAL')),
    next_send_seq     INTEGER NOT NULL DEFAULT 1 CHECK (next_send_seq >= 1),
    last_received_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_received_seq >= 0),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE TABLE session_outbox (
    session_id  TEXT NOT NULL REFERENCES session_link(session_id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    type        INTEGER NOT NULL,
    payload     BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
