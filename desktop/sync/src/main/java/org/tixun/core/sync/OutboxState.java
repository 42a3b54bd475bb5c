// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

/** Where a record stands in the sync outbox. */
public enum OutboxState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** A worker is delivering it now (reset to PENDING when a worker starts after a crash). */
    IN_PROGRESS,
    /** Delivered: a receipt whose document hash matches is stored. */
    DONE,
    /** The server refused it (409/412/422 or another final answer): waits for the clerk's manual retry. */
    FAILED
}
