// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.audit;

/** What an audit entry records. */
public enum AuditAction {
    SETUP_COMPLETED,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    USER_ADDED,
    KEY_USED,
    KEYSTORE_CREATED,
    CASE_CREATED,
    CASE_UPDATED,
    RECORD_CREATED,
    RECORD_FROZEN,
    RECORD_SEALED,
    RECORD_EXPORTED,
    SYNC_DELIVERED,
    SYNC_FAILED,
    SYNC_QUEUED,
    SYNC_RETRY_REQUESTED,
    RECORD_IMPORTED,
    KIOSK_EXIT,
    KIOSK_EXIT_REFUSED,
    /** Too many wrong kiosk PINs in a row: leaving the kiosk is refused for a growing delay. */
    KIOSK_EXIT_LOCKED,
    SETTINGS_CHANGED,
    RECORDING_STARTED,
    RECORDING_SEGMENT_CLOSED,
    RECORDING_EVENT,
    RECORDING_GAP,
    RECORDING_CLOSED,
    RECORDING_EXPORTED,
    /** A sealed record's recording was filed as its seal states it (segments, hashes, where the bytes are). */
    RECORDING_FILED,
    /** A sealed segment's bytes were not found where the record keeps them. */
    RECORDING_MISSING,
    /** A sealed segment's file no longer has the sealed SHA-256 (it was not sent). */
    RECORDING_MISMATCH,
    /** A workstation administrator enrolled a terminal (its certificate issued). */
    TERMINAL_ENROLLED,
    /** An enrollment attempt was refused or failed. */
    TERMINAL_ENROLLMENT_FAILED,
    /** A remote session was started from the workstation on a record. */
    REMOTE_SESSION_STARTED,
    /** The officer hung up or closed the session window: call, recording and link closed. */
    REMOTE_SESSION_ENDED
}
