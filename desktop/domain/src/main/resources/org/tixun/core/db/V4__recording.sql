-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Tixun schema version 4: recording segment state (docs/recording.md).
-- status: OPEN while written, then COMPLETE / INTERRUPTED / DAMAGED; chain_sha256: the segment's chain value
-- (prev_sha256 holds the chain value before it).
ALTER TABLE recording_segment ADD COLUMN status TEXT;
ALTER TABLE recording_segment ADD COLUMN chain_sha256 TEXT;
