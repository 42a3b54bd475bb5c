// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;

/** Thrown when an institution key store file is missing, corrupt or lacks an expected entry. */
public final class KeyStoreUnreadableException extends LocalizedIOException {
    private static final long serialVersionUID = 1L;

    public KeyStoreUnreadableException(Message message, Throwable cause) {
        super(message, cause);
    }
}
