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
    SETTINGS_CHANGED
}
