// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.io.IOException;

/** Thrown when an institution key store is opened with a passphrase that does not unlock it. */
public final class WrongPassphraseException extends IOException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(String file, Throwable cause) {
        super("口令错误，无法打开密钥库 " + file + " (wrong passphrase for key store " + file + ")", cause);
    }
}
