// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.model.SlotKind;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tixun.core.evidence.format.Iso19794Strokes;
import org.tixun.core.i18n.LocalizedArgumentException;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;

/**
 * Decrypts the strokes of a sealed record with the escrow key and returns them as timed, replayable events; the
 * same {@link org.tixun.core.evidence.ink.InkLayout} drew the sealed appearance.
 */
public final class Replay {
    private final IssuedCredential escrow;

    public Replay(IssuedCredential escrow) {
        this.escrow = escrow;
    }

    /**
     * Every signer revision of the sealed record, with decrypted events.
     *
     * @throws GeneralSecurityException if the strokes cannot be decrypted with this key or do not match the manifest
     */
    public List<ReplayedSigner> signers(byte[] sealedPdf) throws IOException, GeneralSecurityException {
        Map<String, byte[]> files;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(sealedPdf)))) {
            files = Verifier.embeddedFiles(doc);
        }
        Map<Integer, EvidenceManifest> manifests = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().matches("s\\d+-manifest\\.json")) {
                EvidenceManifest m = EvidenceManifest.parse(e.getValue());
                manifests.put(m.revision(), m);
            }
        }
        List<ReplayedSigner> out = new ArrayList<>();
        for (EvidenceManifest m : manifests.values()) {
            out.add(decode(m, files));
        }
        return out;
    }

    /** One signer by revision number (1-based). */
    public ReplayedSigner signer(byte[] sealedPdf, int revision) throws IOException, GeneralSecurityException {
        for (ReplayedSigner s : signers(sealedPdf)) {
            if (s.revision() == revision) {
                return s;
            }
        }
        throw new LocalizedArgumentException(EvidenceMessages.of("replay.noSigner", revision));
    }

    /**
     * A signer's fingerprint images (PNG) by event id, decrypted with the escrow key.
     *
     * @throws GeneralSecurityException if they cannot be decrypted or do not match the manifest
     */
    public Map<String, byte[]> fingerprints(byte[] sealedPdf, int revision) throws IOException,
            GeneralSecurityException {
        Map<String, byte[]> files;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(sealedPdf)))) {
            files = Verifier.embeddedFiles(doc);
        }
        byte[] manifestJson = files.get("s" + revision + "-manifest.json");
        if (manifestJson == null) {
            throw new LocalizedArgumentException(EvidenceMessages.of("replay.noSigner", revision));
        }
        EvidenceManifest m = EvidenceManifest.parse(manifestJson);
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (EvidenceManifest.FileEntry f : m.files()) {
            if (!f.purpose().equals("fingerprints")) {
                continue;
            }
            byte[] stored = files.get(f.name());
            if (stored == null) {
                throw new EscrowedEvidenceException(EvidenceMessages.of("replay.fingerprintsMissing", f.name()));
            }
            byte[] zip = EscrowCrypto.decrypt(stored, escrow);
            if (!Pki.sha256Hex(zip).equals(f.sha256Plain())) {
                throw new EscrowedEvidenceException(EvidenceMessages.of("replay.fingerprintsDiffer"));
            }
            for (Map.Entry<String, byte[]> e : FingerprintArchive.unzip(zip).entrySet()) {
                out.put(FingerprintArchive.eventId(e.getKey()), e.getValue());
            }
        }
        return out;
    }

    private ReplayedSigner decode(EvidenceManifest m, Map<String, byte[]> files) throws GeneralSecurityException {
        EvidenceManifest.FileEntry strokes = m.files().stream().filter(f -> f.purpose().equals("strokes-iso19794-7"))
                .findFirst().orElseThrow(() -> new EscrowedEvidenceException(
                        EvidenceMessages.of("replay.noStrokeFile")));
        byte[] stored = files.get(strokes.name());
        if (stored == null) {
            throw new EscrowedEvidenceException(EvidenceMessages.of("replay.strokesMissing", strokes.name()));
        }
        byte[] plain = EscrowCrypto.decrypt(stored, escrow);
        if (!Pki.sha256Hex(plain).equals(strokes.sha256Plain())) {
            throw new EscrowedEvidenceException(EvidenceMessages.of("replay.strokesDiffer"));
        }
        List<Iso19794Strokes.Representation> reps = Iso19794Strokes.decode(plain);
        List<ReplayedEvent> events = new ArrayList<>();
        for (EvidenceManifest.EventEntry e : m.events()) {
            Iso19794Strokes.Representation r = reps.get(e.strokeIndex());
            List<Float> rect = e.slotRect();
            events.add(new ReplayedEvent(e.eventId(), e.slotId(), e.page(), SlotKind.valueOf(e.kind()), rect.get(2),
                    rect.get(3), e.device(), e.hostStart() == null ? r.captured() : Instant.parse(e.hostStart()),
                    r.samples()));
        }
        return new ReplayedSigner(m.revision(), m.signerName(), m.signerRole(), events);
    }
}
