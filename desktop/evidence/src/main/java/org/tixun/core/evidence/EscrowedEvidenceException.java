// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.security.GeneralSecurityException;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * Escrowed evidence (strokes, fingerprints) cannot be decrypted with the escrow key given or does not match its
 * manifest: {@link #message(java.util.Locale)} says which in the reader's language.
 */
public final class EscrowedEvidenceException extends GeneralSecurityException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public EscrowedEvidenceException(Message message) {
        this(message, null);
    }

    public EscrowedEvidenceException(Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.message = message;
    }

    /** The text; after deserialization (which drops the message) the bilingual text as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
