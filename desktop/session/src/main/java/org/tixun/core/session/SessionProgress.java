// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.Objects;

/**
 * Where the workstation stands after the terminal's part, or which page is being read aloud, so the terminal's screen
 * says what is really happening. Not reliable (display only: a lost one is superseded by the next, and the workstation
 * repeats the latest after a reconnect); sent only to a peer that speaks protocol version 2.
 *
 * @param recordId the record
 * @param frozenContentSha256 the frozen revision it is about
 * @param stage what the workstation is doing
 * @param page 0-based page being read aloud ({@link Stage#READING_ALOUD}), else -1
 * @param position where on that page the reader is, as a fraction of its height from the top (0 to 1), or -1 if
 *     unknown
 * @param done workstation-side slots signed so far ({@link Stage#WORKSTATION_SIGNING}), else 0
 * @param total workstation-side slots to sign, else 0
 */
public record SessionProgress(String recordId, String frozenContentSha256, Stage stage, int page, double position,
        int done, int total) implements SessionMessage {

    /** What the workstation is doing. */
    public enum Stage {
        /** A prosecutor reads the frozen record aloud to the suspect (rule 4). */
        READING_ALOUD,
        /** The interrogators and the recorder sign at the workstation. */
        WORKSTATION_SIGNING,
        /** The signatures, the institution seal and the time stamps are being applied. */
        SEALING,
        /** The sealed record is being verified before it is filed. */
        VERIFYING,
        /** Signing or sealing failed at the workstation; the officers are dealing with it. */
        FAILED
    }

    public SessionProgress {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(frozenContentSha256, "frozenContentSha256");
        Objects.requireNonNull(stage, "stage");
    }

    /** A stage without page or counts. */
    public static SessionProgress of(String recordId, String frozenSha, Stage stage) {
        return new SessionProgress(recordId, frozenSha, stage, -1, -1, 0, 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.SESSION_PROGRESS;
    }
}
