// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.time.Instant;
import java.util.Objects;

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
        READ("本人阅读", "read by the suspect"),
        READ_ALOUD("向其宣读", "read aloud to the suspect");

        private final String zh;
        private final String en;

        Path(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        /** Chinese and English, e.g. 「本人阅读 (read by the suspect)」. */
        public String label() {
            return zh + " (" + en + ")";
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
