// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.List;

/**
 * The workstation's answer to an enrollment: the issued chain (leaf, root) and current CRL, or a refusal.
 *
 * @param approved whether a certificate was issued
 * @param chainDer DER certificates, leaf first, root last; empty if refused
 * @param crlDer the institution CRL (DER), or null
 * @param message why it was refused, or empty
 */
public record EnrollmentResult(boolean approved, List<byte[]> chainDer, byte[] crlDer, String message)
        implements SessionMessage {
    public EnrollmentResult {
        chainDer = List.copyOf(chainDer);
    }

    @Override
    public MessageType messageType() {
        return MessageType.ENROLLMENT_RESULT;
    }
}
