// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.i18n;

import org.tixun.core.i18n.Message;
import org.tixun.core.i18n.MessageBundle;

/**
 * The evidence module's messages: keys in {@code org/tixun/core/evidence/i18n/messages*.properties} (failures of
 * sealing, replaying and time-stamping; the verification findings; the signing rules).
 */
public final class EvidenceMessages {
    /** The bundle beside this class. */
    public static final MessageBundle BUNDLE = MessageBundle.beside(EvidenceMessages.class);

    private EvidenceMessages() {
    }

    /** The message {@code key} of this module's bundle with its arguments. */
    public static Message of(String key, Object... args) {
        return BUNDLE.message(key, args);
    }
}
