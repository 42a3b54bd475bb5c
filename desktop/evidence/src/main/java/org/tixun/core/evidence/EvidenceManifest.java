// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.SignerRole;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;

/**
 * The plain {@code manifest.json} of one signer revision: who, when, on which device, the hashes of every evidence
 * file before and after encryption, the frozen content and previous revision hashes, and recording references.
 *
 * @param format format tag
 * @param recordId record id
 * @param documentKind document kind
 * @param revision signer revision number, 1 for the first signer
 * @param signerName signer name
 * @param role signer role (enum name)
 * @param identity signer identity reference
 * @param frozenContentSha256 hex SHA-256 of the frozen PDF (revision 0)
 * @param frozenLength byte length of revision 0
 * @param pageContentSha256 per page, hex SHA-256 of the page's decoded content and MediaBox at freezing
 * @param previousRevisionSha256 hex SHA-256 of the file as it was before this revision
 * @param previousRevisionLength byte length of the file before this revision
 * @param events one entry per signature event
 * @param files every evidence file attached in this revision
 * @param refusals refusals recorded (witness revisions)
 * @param sealedAt host time when the revision was made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceManifest(String format, String recordId, String documentKind, int revision, String signerName,
        String role, String identity, String frozenContentSha256, long frozenLength, List<String> pageContentSha256,
        String previousRevisionSha256, long previousRevisionLength, List<EventEntry> events, List<FileEntry> files,
        List<RefusalEntry> refusals, String sealedAt) {
    public static final String FORMAT = "tixun-evidence-manifest/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One signature event.
     *
     * @param eventId event id
     * @param slotId slot filled
     * @param page one-based page number
     * @param kind slot kind
     * @param hostStart host wall clock at pen-down (ISO-8601)
     * @param hostEnd host wall clock at completion
     * @param monotonicStartNanos host monotonic clock at pen-down
     * @param monotonicEndNanos host monotonic clock at completion
     * @param padStartMicros pad clock at pen-down
     * @param padEndMicros pad clock at completion
     * @param tsaTime time in the event's RFC 3161 token, if any
     * @param tsaTokenBase64 the event's RFC 3161 token, if any
     * @param device the pad
     * @param recording recording span, if any
     * @param sampleCount number of pen samples
     * @param strokeIndex index of this event's representation in the stroke files
     * @param slotRect the slot in PDF points: x, y, width, height
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventEntry(String eventId, String slotId, int page, String kind, String hostStart, String hostEnd,
            long monotonicStartNanos, long monotonicEndNanos, long padStartMicros, long padEndMicros, String tsaTime,
            String tsaTokenBase64, DeviceInfo device, RecordingEntry recording, int sampleCount, int strokeIndex,
            List<Float> slotRect) {
    }

    /**
     * A recording reference.
     *
     * @param segment segment file name
     * @param sha256 hex SHA-256 of the segment
     * @param start span start (ISO-8601)
     * @param end span end
     */
    public record RecordingEntry(String segment, String sha256, String start, String end) {
    }

    /**
     * An evidence file attached to the PDF.
     *
     * @param name attachment name in the PDF
     * @param purpose strokes-iso19794-7, strokes-inkml, photo-pen-down, photo-completion, fingerprint, ink-image
     * @param mimeType MIME type of the stored bytes
     * @param encrypted true when stored as CMS EnvelopedData to the escrow key
     * @param eventId the event it belongs to, or null for per-signer files
     * @param sha256Plain hex SHA-256 before encryption
     * @param sha256Stored hex SHA-256 of the bytes in the PDF
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileEntry(String name, String purpose, String mimeType, boolean encrypted, String eventId,
            String sha256Plain, String sha256Stored) {
    }

    /**
     * A recorded refusal to sign.
     *
     * @param role who refused
     * @param reason why
     * @param witnessName the witness
     */
    public record RefusalEntry(String role, String reason, String witnessName) {
    }

    /** Serialises to UTF-8 JSON. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("manifest serialisation failed", e);
        }
    }

    /** Parses a manifest. */
    public static EvidenceManifest parse(byte[] json) throws IOException {
        return JSON.readValue(json, EvidenceManifest.class);
    }

    /** The signer role. */
    public SignerRole signerRole() {
        return SignerRole.valueOf(role);
    }
}
