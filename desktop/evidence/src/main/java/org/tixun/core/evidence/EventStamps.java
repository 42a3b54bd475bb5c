// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.EventTimes;
import java.util.List;
import org.tixun.core.evidence.format.Iso19794Strokes;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.evidence.tsa.TimestampUnavailableException;
import org.tixun.core.pki.Pki;

/**
 * RFC 3161 time-stamps on single signature events, taken the moment an event completes: the imprint is the SHA-256
 * of the event's ISO/IEC 19794-7 record, so a verifier holding the escrow key can recompute it.
 */
public final class EventStamps {
    private EventStamps() {
    }

    /** SHA-256 of the event's ISO/IEC 19794-7 record (one representation). */
    public static byte[] imprint(SignatureEvent event) {
        return imprint(new Iso19794Strokes.Representation(event.times().hostStart(), event.device(), event.samples()));
    }

    /** SHA-256 of one representation encoded alone. */
    public static byte[] imprint(Iso19794Strokes.Representation representation) {
        return Pki.sha256(Iso19794Strokes.encode(List.of(representation)));
    }

    /** The event with a fresh time-stamp token in its times. */
    public static SignatureEvent stamp(SignatureEvent e, Rfc3161Client tsa) throws TimestampUnavailableException {
        byte[] token = tsa.stamp(imprint(e)).encoded();
        EventTimes t = e.times();
        return new SignatureEvent(e.eventId(), e.signer(), e.slotId(), e.samples(), e.inkImagePng(),
                e.photoAtPenDownJpeg(), e.photoAtCompletionJpeg(), e.fingerprintPng(), new EventTimes(t.hostStart(),
                t.hostEnd(), t.monotonicStartNanos(), t.monotonicEndNanos(), t.padStartMicros(), t.padEndMicros(),
                token), e.device(), e.frozenContentSha256(), e.recording());
    }
}
