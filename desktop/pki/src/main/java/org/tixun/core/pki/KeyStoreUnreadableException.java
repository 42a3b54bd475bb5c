// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.io.IOException;

/** Thrown when an institution key store file is missing, corrupt or lacks an expected entry. */
public final class KeyStoreUnreadableException extends IOException {
    private static final long serialVersionUID = 1L;

    public KeyStoreUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
