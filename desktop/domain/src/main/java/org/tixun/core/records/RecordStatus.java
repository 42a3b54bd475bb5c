// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.records;

/** Life cycle of a record: draft, frozen (content fixed), sealed (signed), synced, failed (sync). */
public enum RecordStatus {
    DRAFT, FROZEN, SEALED, SYNCED, FAILED
}
