// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;

/**
 * The institution seal's summary of the record: every signer revision's field and manifest hash, so a removed
 * signature field or swapped evidence is detected.
 *
 * @param format format tag
 * @param recordId record id
 * @param frozenContentSha256 hex SHA-256 of revision 0
 * @param signers signer revisions in signing order
 * @param refusals recorded refusals
 * @param sealedAt host time of the seal
 * @param recordingManifestSha256 hex SHA-256 of the embedded {@value #RECORDING_FILE_NAME}, or null without one
 * @param recordingChainHead the recording's chain head as the manifest states it, or null
 * @param demo {@code true} for a record the demo made (absent otherwise)
 */
public record SealManifest(String format, String recordId, String frozenContentSha256, List<SignerEntry> signers,
        List<EvidenceManifest.RefusalEntry> refusals, String sealedAt, String recordingManifestSha256,
        String recordingChainHead,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Boolean demo) {
    /** Attachment name of the recording manifest in the seal revision. */
    public static final String RECORDING_FILE_NAME = "recording-manifest.json";

    public SealManifest(String format, String recordId, String frozenContentSha256, List<SignerEntry> signers,
            List<EvidenceManifest.RefusalEntry> refusals, String sealedAt) {
        this(format, recordId, frozenContentSha256, signers, refusals, sealedAt, null, null, null);
    }

    /** True when the demo made this record ({@code "demo": true}): not evidence, whatever else verifies. */
    public boolean isDemo() {
        return Boolean.TRUE.equals(demo);
    }

    public static final String FORMAT = "tixun-seal-manifest/1";
    /** Attachment name of the seal manifest. */
    public static final String FILE_NAME = "seal-manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One signer revision.
     *
     * @param revision signer revision number
     * @param fieldName signature field name
     * @param signerName signer name
     * @param role role (enum name)
     * @param manifestName attachment name of the signer's manifest
     * @param manifestSha256 hex SHA-256 of that manifest
     */
    public record SignerEntry(int revision, String fieldName, String signerName, String role, String manifestName,
            String manifestSha256) {
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("seal manifest serialisation failed", e);
        }
    }

    public static SealManifest parse(byte[] json) throws IOException {
        return JSON.readValue(json, SealManifest.class);
    }
}
