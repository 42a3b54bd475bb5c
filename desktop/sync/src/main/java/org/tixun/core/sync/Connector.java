// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;

/** A way to the case system (REST, folder-drop); every call must be safe to repeat after any failure. */
public interface Connector extends AutoCloseable {

    /**
     * Delivers one record completely and returns the receipt.
     *
     * @throws DeliveryException {@link DeliveryException#retryable()} for transient trouble, else a final refusal
     */
    Receipt deliver(Delivery delivery) throws DeliveryException;

    /** Where this connector delivers to, for status lines and the audit log. */
    String destination();

    @Override
    default void close() {
    }
}
