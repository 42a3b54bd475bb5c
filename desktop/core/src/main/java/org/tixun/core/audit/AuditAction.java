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
    /** A workstation administrator enrolled a terminal (its certificate issued). */
    TERMINAL_ENROLLED,
    /** An enrollment attempt was refused or failed. */
    TERMINAL_ENROLLMENT_FAILED,
    /** A remote session was started from the workstation on a record. */
    REMOTE_SESSION_STARTED
}
