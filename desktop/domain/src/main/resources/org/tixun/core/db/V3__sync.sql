-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Tixun schema version 3: delivery state of the sync outbox (docs/sync.md).
-- manifest_json is fixed at the first attempt so that every retry sends identical bytes;
-- last_status is the server's HTTP status of the last failure, synced_at when the receipt was accepted.
ALTER TABLE outbox_item ADD COLUMN manifest_json TEXT;
ALTER TABLE outbox_item ADD COLUMN last_status INTEGER;
ALTER TABLE outbox_item ADD COLUMN destination TEXT;
ALTER TABLE outbox_item ADD COLUMN synced_at TEXT;
CREATE INDEX outbox_due ON outbox_item(state, next_attempt_at);
