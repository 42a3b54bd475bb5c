// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tixun.core.evidence.SealManifest;
import org.tixun.core.pki.Pki;

/**
 * Reads the recording manifest sealed into a record: the {@code recording-manifest.json} attachment whose SHA-256 the
 * institution seal's {@code seal-manifest.json} names. It checks that binding only; whether the seal itself holds is
 * the evidence {@code Verifier}'s job.
 */
public final class SealedRecordingReader {
    private SealedRecordingReader() {
    }

    /**
     * The sealed recording manifest.
     *
     * @param json the attachment's bytes, exactly as sealed
     * @param sha256 their hex SHA-256 (the seal manifest's {@code recordingManifestSha256})
     * @param manifest the parsed manifest
     */
    public record Sealed(byte[] json, String sha256, RecordingManifest manifest) {
    }

    /** The recording sealed into the PDF at {@code file}; empty when the seal carries none. */
    public static Optional<Sealed> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** As {@link #read(Path)} for PDF bytes. */
    public static Optional<Sealed> read(byte[] pdf) throws IOException {
        return read(new ByteArrayInputStream(pdf), "the sealed record");
    }

    private static Optional<Sealed> read(InputStream in, String what) throws IOException {
        byte[] sealJson;
        byte[] recordingJson;
        try (PdfDocument doc = new PdfDocument(new PdfReader(in))) {
            sealJson = attachment(doc, SealManifest.FILE_NAME);
            recordingJson = attachment(doc, SealManifest.RECORDING_FILE_NAME);
        } catch (RuntimeException e) {
            throw new IOException(what + " cannot be read as a PDF: " + e.getMessage(), e);
        }
        if (sealJson == null) {
            throw new IOException(what + " carries no " + SealManifest.FILE_NAME + ": it is not a sealed record");
        }
        SealManifest seal = SealManifest.parse(sealJson);
        if (seal.recordingManifestSha256() == null) {
            return Optional.empty();
        }
        if (recordingJson == null) {
            throw new IOException(what + ": the seal names a recording manifest (SHA-256 "
                    + seal.recordingManifestSha256() + ") that the document does not carry");
        }
        String sha = Pki.sha256Hex(recordingJson);
        if (!sha.equals(seal.recordingManifestSha256())) {
            throw new IOException(what + ": the attached recording manifest has SHA-256 " + sha
                    + " but the seal names " + seal.recordingManifestSha256());
        }
        return Optional.of(new Sealed(recordingJson, sha, RecordingManifest.parse(recordingJson)));
    }

    /** A file the sealed record carries (attachment annotation, or the name tree of earlier versions). */
    private static byte[] attachment(PdfDocument doc, String name) {
        return org.tixun.core.evidence.Verifier.embeddedFiles(doc).get(name);
    }
}
