// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.tsa;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;

/** No RFC 3161 time-stamp could be obtained: the record stays frozen-not-sealed and sealing can be retried. */
public final class TimestampUnavailableException extends LocalizedIOException {
    private static final long serialVersionUID = 1L;

    /** The authority at {@code url} could not be reached or refused; {@code cause} says how (may be null). */
    public TimestampUnavailableException(String url, Throwable cause) {
        super(cause == null || cause.getMessage() == null ? EvidenceMessages.of("tsa.unavailable", url)
                : EvidenceMessages.of("tsa.unavailableBecause", url, cause), cause);
    }

    private TimestampUnavailableException(Message message) {
        super(message);
    }

    /** The authority answered, but its token is not signed by a certificate that chains to the trust anchor. */
    public static TimestampUnavailableException untrusted(String url, Message detail) {
        return new TimestampUnavailableException(EvidenceMessages.of("tsa.untrusted", url, detail));
    }

    /** As {@link #untrusted(String, Message)} with a library's or a driver's words for the detail. */
    public static TimestampUnavailableException untrusted(String url, String detail) {
        return untrusted(url, Message.untranslated(detail));
    }
}
