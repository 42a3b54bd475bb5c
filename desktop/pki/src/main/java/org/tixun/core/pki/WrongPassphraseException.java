// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.i18n.PkiMessages;

/** Thrown when an institution key store is opened with a passphrase (or a token with a PIN) that does not unlock it. */
public final class WrongPassphraseException extends LocalizedIOException {
    private static final long serialVersionUID = 1L;

    /** The passphrase does not unlock the key store {@code file}. */
    public WrongPassphraseException(String file, Throwable cause) {
        this(PkiMessages.of("keystore.wrongPassphrase", file), cause);
    }

    private WrongPassphraseException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The PKCS#11 token {@code token} refused the PIN. */
    static WrongPassphraseException pin(String token, Throwable cause) {
        return new WrongPassphraseException(PkiMessages.of("keystore.wrongPin", token), cause);
    }
}
