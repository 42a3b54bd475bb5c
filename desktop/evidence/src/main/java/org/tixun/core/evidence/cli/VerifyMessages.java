// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.cli;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.Message;

/** The {@code verify} command's messages (the command lives with the archive; its words in the evidence bundle). */
public final class VerifyMessages {
    private VerifyMessages() {
    }

    /** {@code file} is not a receipt the case system issued. */
    public static Message notAReceipt(Object file, Object cause) {
        return EvidenceMessages.of("cli.notAReceipt", file, cause);
    }

    /** A receipt is checked only against the case system's certificate. */
    public static Message receiptNeedsCertificate() {
        return EvidenceMessages.of("cli.receiptNeedsCertificate");
    }

    /** No {@code -t} and this installation has no root certificate at {@code root}. */
    public static Message noTrustAnchor(Object root) {
        return EvidenceMessages.of("cli.noTrustAnchor", root);
    }

    /** No {@code -t}: this installation's root is used (followed by its file and subject). */
    public static Message installationTrustAnchor() {
        return EvidenceMessages.of("cli.installationTrustAnchor");
    }

    /** The record could not be verified (followed by why). */
    public static Message cannotVerify() {
        return EvidenceMessages.of("cli.cannotVerify");
    }
}
