// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import org.tixun.core.TixunException;

/** A database operation failed. */
public class StoreException extends TixunException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(Exit.DATABASE, message, cause);
    }
}
