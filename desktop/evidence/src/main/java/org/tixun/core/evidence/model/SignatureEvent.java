// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

import java.util.List;
import java.util.Objects;

/**
 * One completed signature, fingerprint or handwritten text in one slot, as captured at the terminal.
 *
 * @param eventId unique id (also the journal file name)
 * @param signer who signed
 * @param slotId the {@link SignatureSlot#id()} filled
 * @param samples every pen sample, in order
 * @param inkImagePng the pad's own ink image (PNG), or for a fingerprint slot the red impression the page shows; may
 *        be null
 * @param photoAtPenDownJpeg camera photo at pen-down (JPEG), may be null
 * @param photoAtCompletionJpeg camera photo at completion (JPEG), may be null
 * @param fingerprintPng the fingerprint of a fingerprint slot: the reader's ISO/IEC 19794-4 finger image record
 *        ({@code FIR}) or an image; may be null; always encrypted in the PDF (the name is kept for stored events)
 * @param times host, monotonic, pad and TSA times
 * @param device the pad
 * @param frozenContentSha256 hex SHA-256 of the frozen PDF the signer saw
 * @param recording the recording span, may be null
 */
public record SignatureEvent(String eventId, SignerIdentity signer, String slotId, List<StrokeSample> samples,
        byte[] inkImagePng, byte[] photoAtPenDownJpeg, byte[] photoAtCompletionJpeg, byte[] fingerprintPng,
        EventTimes times, DeviceInfo device, String frozenContentSha256, RecordingSpan recording) {
    public SignatureEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(frozenContentSha256, "frozenContentSha256");
        samples = List.copyOf(samples);
        if (!eventId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("event id must be ASCII letters, digits, '_', '.', '-': " + eventId);
        }
    }
}
