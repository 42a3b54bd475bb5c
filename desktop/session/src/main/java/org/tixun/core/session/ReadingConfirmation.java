// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.time.Instant;
import java.util.Objects;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * The suspect's choice before signing (DOMAIN.md rule 4): read the record, or had it read aloud. Reliable, so which
 * path was taken is recorded at both ends.
 *
 * @param recordId the record
 * @param frozenContentSha256 the frozen record it applies to
 * @param path {@code READ} or {@code READ_ALOUD}
 * @param signerName the suspect's name
 * @param confirmedAt when the choice was made (terminal clock)
 */
public record ReadingConfirmation(String recordId, String frozenContentSha256, Path path, String signerName,
        Instant confirmedAt) implements SessionMessage {
    /** The two reading paths. */
    public enum Path {
        READ,
        READ_ALOUD;

        /** The path as a message (labels in the session bundle), e.g. 本人阅读 / read by the suspect. */
        public Message message() {
            return SessionMessages.of("reading." + name());
        }

        /** Chinese and English, e.g. 「本人阅读 (read by the suspect)」. */
        public String label() {
            return message().bilingual();
        }
    }

    public ReadingConfirmation {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(frozenContentSha256, "frozenContentSha256");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public MessageType messageType() {
        return MessageType.READING_CONFIRMATION;
    }
}
