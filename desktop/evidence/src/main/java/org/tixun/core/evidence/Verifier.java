// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.model.SignerRole;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.EvidenceExtensions;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;

/**
 * Verifies a sealed record offline: per revision the signature integrity, certificate chain to the configured trust
 * anchors, revocation, time-stamp, evidence hashes and manifest binding; for the document the frozen content, every
 * page, the seal manifest, coverage by the last time-stamp and, when given, recordings and escrowed strokes.
 */
public final class Verifier {
    /** The seal and the first document time-stamp are made in one sealing run: seconds apart, never hours. */
    static final java.time.Duration SEALING_WINDOW = java.time.Duration.ofHours(1);
    private final SignatureChecks checks;

    public Verifier(List<X509Certificate> trustAnchors) {
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is required");
        }
        this.checks = new SignatureChecks(List.copyOf(trustAnchors));
    }

    /**
     * Options for one verification.
     *
     * @param escrowKey escrow key to decrypt and check the strokes, or null
     * @param recordingDir directory of recording segments to check, or null
     * @param gmTrustAnchor SM2 root to check the GM-track signatures against, or null to skip them
     */
    public record Options(IssuedCredential escrowKey, Path recordingDir, X509Certificate gmTrustAnchor,
            RecordingCheck recordingCheck, List<X509Certificate> sealCertificates, TimeAnchor receipt) {
        public static final Options NONE = new Options(null, null, null, null);

        public Options(IssuedCredential escrowKey, Path recordingDir) {
            this(escrowKey, recordingDir, null, null);
        }

        public Options(IssuedCredential escrowKey, Path recordingDir, X509Certificate gmTrustAnchor) {
            this(escrowKey, recordingDir, gmTrustAnchor, null);
        }

        public Options(IssuedCredential escrowKey, Path recordingDir, X509Certificate gmTrustAnchor,
                RecordingCheck recordingCheck) {
            this(escrowKey, recordingDir, gmTrustAnchor, recordingCheck, List.of(), null);
        }

        /** The same options with a full recording check (hashes, chain, decoding) for the sealed recording manifest. */
        public Options withRecordingCheck(RecordingCheck check) {
            return new Options(escrowKey, recordingDir, gmTrustAnchor, check, sealCertificates, receipt);
        }

        /** The same options pinning the seal (and certification) to these institution seal certificates' keys. */
        public Options withSealCertificates(List<X509Certificate> seal) {
            return new Options(escrowKey, recordingDir, gmTrustAnchor, recordingCheck, List.copyOf(seal), receipt);
        }

        /** The same options with the case system's receipt for the record as an independent time anchor. */
        public Options withReceipt(TimeAnchor anchor) {
            return new Options(escrowKey, recordingDir, gmTrustAnchor, recordingCheck, sealCertificates, anchor);
        }
    }

    /**
     * An independent time anchor: the case system's signed receipt for the record (org.tixun.core.pki.Receipt).
     *
     * @param documentSha256 hex SHA-256 of the file the case system received
     * @param receivedAt when it received it (ISO-8601, the case system's clock)
     * @param receiptId the receipt's id
     * @param signatureValid whether the receipt's signature verified against the case system's certificate
     * @param signer who signed it (certificate subject), or a reason it was not checked
     */
    public record TimeAnchor(String documentSha256, String receivedAt, String receiptId, boolean signatureValid,
            String signer) {
    }

    /** Verifies without escrow key or recordings. */
    public VerificationReport verify(String name, byte[] pdf) throws IOException {
        return verify(name, pdf, Options.NONE);
    }

    /**
     * Verifies a sealed PDF.
     *
     * @throws IOException if the bytes are not a readable PDF at all
     */
    public VerificationReport verify(String name, byte[] pdf, Options options) throws IOException {
        if (pdf.length < 8 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new LocalizedIOException(EvidenceMessages.of("verify.notPdf"));
        }
        Revisions revs;
        try {
            revs = Revisions.read(pdf);
        } catch (IOException | RuntimeException e) {
            throw new LocalizedIOException(EvidenceMessages.of("verify.unreadablePdf", e instanceof Localized ? e
                    : oneLine(e)), e);
        }
        List<RevisionReport> revisions = new ArrayList<>();
        List<Finding> document = new ArrayList<>();
        try (revs) {
            PdfDocument doc = revs.list().get(revs.list().size() - 1).doc();
            for (Message problem : revs.problems()) {
                document.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.problem", problem)));
            }
            try {
                SignatureUtil util = new SignatureUtil(doc);
                List<String> names = util.getSignatureNames();
                SignatureChecks.Dss dss = SignatureChecks.readDss(doc);
                List<SignerSummary> signers = new ArrayList<>();
                List<SigInfo> infos = new ArrayList<>();
                int index = 0;
                for (String field : names) {
                    index++;
                    try {
                        revisions.add(verifySignature(pdf, revs, util, field, index, dss, signers, infos, options));
                    } catch (RuntimeException e) {
                        revisions.add(new RevisionReport(index, field, "unknown", null, null, null, null, List.of(
                                Finding.fail("integrity", EvidenceMessages.of("verify.integrity.malformed", field,
                                        oneLine(e))))));
                    }
                }
                documentChecks(pdf, revs, doc, util, names, signers, infos, document, options);
            } catch (RuntimeException e) {
                document.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.unfinished", oneLine(e))));
            }
        }
        return new VerificationReport(name, revisions, document);
    }

    /** One line for a report: the exception's message without stack or line breaks. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Wrapped exceptions repeat their class name in the message: keep the words, not the Java.
        m = m.replaceAll("[\\r\\n]+", " ").replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ?", "")
                .strip();
        if (m.isEmpty()) {
            m = e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").toLowerCase(java.util.Locale.ROOT);
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** What the document-wide checks need to know about each signature. */
    private record SigInfo(String field, String kind, long end, java.time.Instant tsaTime, X509Certificate cert,
            X509Certificate tsaCert, Set<String> slotIds) {
    }

    private record Parsed(EvidenceManifest manifest, String name) {
    }

    /** A verified signer revision and its manifest, for the document-wide checks. */
    private record SignerSummary(String field, Message who, EvidenceManifest manifest, String manifestSha256,
            long revisionEnd) {
    }

    private RevisionReport verifySignature(byte[] pdf, Revisions revs, SignatureUtil util, String field, int index,
            SignatureChecks.Dss dss, List<SignerSummary> signers, List<SigInfo> infos, Options options) {
        List<Finding> f = new ArrayList<>();
        PdfSignature sig = util.getSignature(field);
        long[] range = SignatureChecks.byteRange(sig);
        long revisionEnd = range.length == 4 ? range[2] + range[3] : -1;
        boolean rangeShape = range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                && range[3] >= 0 && revisionEnd <= pdf.length && pdf[(int) range[1]] == '<'
                && pdf[(int) range[2] - 1] == '>';
        boolean tsp = PdfName.ETSI_RFC3161.equals(sig.getSubFilter());
        Revisions.Revision signed = rangeShape ? revs.endingAt(revisionEnd) : null;
        Message placement = rangeShape ? placement(pdf, revs, signed, sig, range)
                : EvidenceMessages.of("verify.placement.byteRangeMalformed");
        if (placement != null) {
            f.add(Finding.fail("placement", EvidenceMessages.of("verify.placement.notOneRevision", field, placement)));
        }
        Map<String, byte[]> files = lazyFiles(signed != null ? signed.doc() : revs.list()
                .get(revs.list().size() - 1).doc());
        Map<String, String> manifests = manifests(files);
        SignatureChecks.Cms cms;
        try {
            byte[] contents = sig.getContents() == null ? new byte[0] : sig.getContents().getValueBytes();
            cms = tsp ? SignatureChecks.readTimestamp(contents, rangeShape ? SignatureChecks.signedBytes(pdf, range)
                    : null) : SignatureChecks.readCms(contents, rangeShape ? SignatureChecks.signedBytes(pdf, range)
                    : null);
        } catch (Exception e) {
            f.add(Finding.fail("integrity", EvidenceMessages.of("verify.integrity.unparseable", field)));
            infos.add(new SigInfo(field, "unknown", revisionEnd, null, null, null, Set.of()));
            return new RevisionReport(index, field, "unknown", null, null, null, null, f);
        }
        X509Certificate cert = cms.signer();
        String kind = tsp ? "document-timestamp" : Sealer.SEAL_FIELD.equals(field) ? "seal"
                : Sealer.CERTIFICATION_FIELD.equals(field) ? "certification" : "signer";
        Optional<byte[]> manifestHash = cert == null ? Optional.empty() : EvidenceExtensions.manifestSha256(cert);
        Parsed parsed = manifestHash.map(h -> manifests.get(Pki.hex(h))).map(n -> parseManifest(files.get(n), n))
                .orElse(null);
        String role;
        String who;
        if (tsp) {
            role = EvidenceMessages.of("report.role.documentTimestamp").chinese();
            who = "document time-stamp";
        } else if ("seal".equals(kind)) {
            role = EvidenceMessages.of("report.role.seal").chinese();
            who = cert == null ? "" : commonName(cert);
        } else if ("certification".equals(kind)) {
            role = EvidenceMessages.of("report.role.certification").chinese();
            who = cert == null ? "" : commonName(cert);
        } else {
            role = parsed != null ? parsed.manifest().signerRole().zh() : title(cert);
            who = cert == null ? "" : commonName(cert);
        }
        Object roleWords = !tsp && "signer".equals(kind) && parsed != null ? parsed.manifest().signerRole() : role;
        Message label = tsp ? EvidenceMessages.of("verify.label.documentTimestamp")
                : "seal".equals(kind) ? EvidenceMessages.of("verify.label.seal", who)
                : "certification".equals(kind) ? EvidenceMessages.of("verify.label.certification", who)
                : EvidenceMessages.of("verify.label.signer", roleWords, who);
        // Integrity: the digest over the ByteRange and the CMS signature.
        boolean intact = cms.intact();
        f.add(intact && rangeShape
                ? Finding.ok("integrity", EvidenceMessages.of("verify.integrity.intact", label))
                : Finding.fail("integrity", EvidenceMessages.of("verify.integrity.changed", label)));
        // Time-stamp.
        String tsTime = null;
        Calendar claimedDate = SignatureChecks.claimedDate(sig);
        Date when = claimedDate == null ? new Date() : claimedDate.getTime();
        TimeStampToken token = cms.token();
        if (token == null) {
            f.add(Finding.fail("timestamp", EvidenceMessages.of("verify.timestamp.missing", label)));
        } else {
            tsTime = token.getTimeStampInfo().getGenTime().toInstant().toString();
            when = token.getTimeStampInfo().getGenTime();
            Message problem = checks.checkToken(token, cms.signatureValue(), tsp);
            f.add(problem == null ? Finding.ok("timestamp", EvidenceMessages.of("verify.timestamp.valid", label,
                    tsTime))
                    : Finding.fail("timestamp", EvidenceMessages.of("verify.timestamp.invalid", label, problem)));
        }
        // Chain to a trust anchor and revocation.
        if (!tsp) {
            f.add(checks.chain(cert, when, label));
            f.add(checks.revocation(cert, dss, when, label));
            if (cert != null) {
                Message problem = SignatureChecks.roleProblem(cert, "signer".equals(kind) ? SignatureChecks.Role.SIGNER
                        : SignatureChecks.Role.SEAL);
                f.add(problem == null ? Finding.ok("role", EvidenceMessages.of("verify.role.bound", label))
                        : Finding.fail("role", EvidenceMessages.of("verify.role.notBound", label, problem)));
            }
        }
        String claimed = claimedDate == null ? null : claimedDate.toInstant().toString();
        if ("signer".equals(kind)) {
            if (manifestHash.isEmpty()) {
                f.add(Finding.fail("manifest", EvidenceMessages.of("verify.manifest.noHash", label)));
            } else if (parsed == null) {
                f.add(Finding.fail("manifest", EvidenceMessages.of("verify.manifest.missing", label)));
            } else {
                f.add(Finding.ok("manifest", EvidenceMessages.of("verify.manifest.matches", label)));
                evidence(parsed.manifest(), files, label, f, options);
                if (options.gmTrustAnchor() != null) {
                    f.add(gm(files, parsed, label, options.gmTrustAnchor()));
                }
                f.add(previousRevision(pdf, parsed.manifest(), label));
                signers.add(new SignerSummary(field, label, parsed.manifest(), Pki.hex(manifestHash.get()),
                        revisionEnd));
            }
        }
        Set<String> slots = new java.util.HashSet<>();
        if (parsed != null) {
            parsed.manifest().events().forEach(e -> slots.add(e.slotId()));
        }
        infos.add(new SigInfo(field, kind, revisionEnd, token == null ? null : token.getTimeStampInfo().getGenTime()
                .toInstant(), cert, token == null ? null : SignatureChecks.tsaCertificate(token), slots));
        return new RevisionReport(index, field, kind, who, tsp ? null : role, claimed, tsTime, f);
    }

    /**
     * Why a signature does not sign exactly one revision, or null when it does: its byte range must end where a
     * revision of the cross-reference chain ends, the gap must hold exactly its /Contents as hex, and its signature
     * dictionary must be an object first written in that revision, before the gap (no signature wrapping).
     */
    private static Message placement(byte[] pdf, Revisions revs, Revisions.Revision signed, PdfSignature sig,
            long[] range) {
        if (signed == null) {
            return EvidenceMessages.of("verify.placement.noRevisionEnds", range[2] + range[3]);
        }
        byte[] contents = sig.getContents() == null ? null : sig.getContents().getValueBytes();
        if (contents == null) {
            return EvidenceMessages.of("verify.placement.noContents");
        }
        int from = (int) range[1] + 1;
        int to = (int) range[2] - 1;
        if ((to - from) % 2 != 0 || (to - from) / 2 < contents.length) {
            return EvidenceMessages.of("verify.placement.gapWithoutContents");
        }
        for (int i = 0; i < (to - from) / 2; i++) {
            int hi = Character.digit(pdf[from + 2 * i], 16);
            int lo = Character.digit(pdf[from + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                return EvidenceMessages.of("verify.placement.gapNotHex");
            }
            int value = (hi << 4) | lo;
            if (value != (i < contents.length ? contents[i] & 0xFF : 0)) {
                return EvidenceMessages.of("verify.placement.gapOtherBytes");
            }
        }
        com.itextpdf.kernel.pdf.PdfIndirectReference ref = sig.getPdfObject().getIndirectReference();
        if (ref == null) {
            return EvidenceMessages.of("verify.placement.directDictionary");
        }
        com.itextpdf.kernel.pdf.PdfIndirectReference entry = signed.entry(ref.getObjNumber());
        Revisions.Revision before = signed.index() == 0 ? null : revs.list().get(signed.index() - 1);
        if (entry == null || entry.getObjStreamNumber() != 0 || entry.getOffset() >= range[1]
                || (before != null && (entry.getOffset() < before.end() || before.inUse(ref.getObjNumber())))) {
            return EvidenceMessages.of("verify.placement.dictionaryElsewhere");
        }
        return null;
    }

    private static Finding gm(Map<String, byte[]> files, Parsed parsed, Message label,
            X509Certificate gmRoot) {
        byte[] p7s = files.get(parsed.name() + Sealer.GM_SUFFIX);
        if (p7s == null) {
            return Finding.fail("gm", EvidenceMessages.of("verify.gm.missing", label));
        }
        Message problem = GmKeyStore.verifyDetached(p7s, files.get(parsed.name()), gmRoot);
        return problem == null ? Finding.ok("gm", EvidenceMessages.of("verify.gm.valid", label)) : Finding.fail("gm",
                EvidenceMessages.of("verify.gm.invalid", label, problem));
    }

    private static Finding previousRevision(byte[] pdf, EvidenceManifest m, Message label) {
        long len = m.previousRevisionLength();
        boolean ok = len > 0 && len <= pdf.length
                && Pki.hex(Pki.sha256(pdf, 0, (int) len)).equals(m.previousRevisionSha256());
        return ok ? Finding.ok("chain-of-revisions", EvidenceMessages.of("verify.chainOfRevisions.matches", label))
                : Finding.fail("chain-of-revisions", EvidenceMessages.of("verify.chainOfRevisions.differs", label));
    }

    private void evidence(EvidenceManifest m, Map<String, byte[]> files, Message label,
            List<Finding> f, Options options) {
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> undecryptable = new ArrayList<>();
        for (EvidenceManifest.FileEntry e : m.files()) {
            byte[] stored = files.get(e.name());
            if (stored == null) {
                missing.add(e.name());
            } else if (!Pki.sha256Hex(stored).equals(e.sha256Stored())) {
                changed.add(e.name());
            } else if (e.encrypted() && options.escrowKey() != null) {
                try {
                    if (!Pki.sha256Hex(EscrowCrypto.decrypt(stored, options.escrowKey())).equals(e.sha256Plain())) {
                        changed.add(e.name());
                    }
                } catch (GeneralSecurityException ex) {
                    undecryptable.add(e.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            f.add(Finding.fail("evidence", EvidenceMessages.of("verify.evidence.removed", label, missing)));
        }
        if (!changed.isEmpty()) {
            f.add(Finding.fail("evidence", EvidenceMessages.of("verify.evidence.changed", label, changed)));
        }
        if (!undecryptable.isEmpty()) {
            f.add(Finding.fail("evidence", EvidenceMessages.of("verify.evidence.undecryptable", label, undecryptable)));
        }
        if (missing.isEmpty() && changed.isEmpty() && undecryptable.isEmpty()) {
            f.add(options.escrowKey() != null
                    ? Finding.ok("evidence", EvidenceMessages.of("verify.evidence.matchDecrypted", label,
                            m.files().size()))
                    : Finding.ok("evidence", EvidenceMessages.of("verify.evidence.match", label, m.files().size())));
        }
        eventTimestamps(m, files, label, f, options);
        devices(m, label, f);
        if (options.recordingDir() != null) {
            for (EvidenceManifest.EventEntry ev : m.events()) {
                if (ev.recording() == null) {
                    continue;
                }
                Path seg = options.recordingDir().resolve(ev.recording().segment());
                String actual;
                try {
                    actual = Files.isRegularFile(seg) ? Pki.sha256Hex(Files.readAllBytes(seg)) : null;
                } catch (IOException e) {
                    actual = null;
                }
                if (actual == null) {
                    f.add(Finding.fail("recording", EvidenceMessages.of("verify.recording.segmentMissing", label,
                            ev.recording().segment())));
                    return;
                } else if (!actual.equalsIgnoreCase(ev.recording().sha256())) {
                    f.add(Finding.fail("recording", EvidenceMessages.of("verify.recording.segmentChanged", label,
                            ev.recording().segment())));
                    return;
                }
            }
            f.add(Finding.ok("recording", EvidenceMessages.of("verify.recording.segmentsMatch", label)));
        }
    }

    /**
     * Names the devices the signer's events were captured on, as the manifest records them (pad or fingerprint reader:
     * vendor, model, serial): what an examiner asks first about a handwritten signature. Informational; the manifest
     * itself is bound to the signer's certificate and checked above.
     */
    private static void devices(EvidenceManifest m, Message label, List<Finding> f) {
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        for (EvidenceManifest.EventEntry ev : m.events()) {
            org.tixun.core.evidence.model.DeviceInfo d = ev.device();
            if (d != null) {
                String serial = d.serial() == null || d.serial().isBlank() ? "" : " #" + d.serial();
                seen.add((d.vendor() + " " + d.model()).strip() + serial);
            }
        }
        if (!seen.isEmpty()) {
            f.add(Finding.ok("devices", EvidenceMessages.of("verify.devices", label, String.join("; ", seen))));
        }
    }

    /** Each event's own RFC 3161 token: valid, from a trusted TSA, and (with the escrow key) over its strokes. */
    private void eventTimestamps(EvidenceManifest m, Map<String, byte[]> files, Message label,
            List<Finding> f, Options options) {
        List<EvidenceManifest.EventEntry> stamped = m.events().stream().filter(e -> e.tsaTokenBase64() != null)
                .toList();
        if (stamped.isEmpty()) {
            return;
        }
        List<org.tixun.core.evidence.format.Iso19794Strokes.Representation> reps = null;
        if (options.escrowKey() != null) {
            try {
                EvidenceManifest.FileEntry iso = m.files().stream()
                        .filter(x -> x.purpose().equals("strokes-iso19794-7")).findFirst().orElse(null);
                if (iso != null && files.get(iso.name()) != null) {
                    reps = org.tixun.core.evidence.format.Iso19794Strokes.decode(
                            EscrowCrypto.decrypt(files.get(iso.name()), options.escrowKey()));
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                reps = null;
            }
        }
        List<String> bad = new ArrayList<>();
        for (EvidenceManifest.EventEntry ev : stamped) {
            boolean problem;
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(
                        java.util.Base64.getDecoder().decode(ev.tsaTokenBase64())));
                problem = checks.checkToken(token, null, true) != null;
                if (!problem && reps != null && !Arrays.equals(token.getTimeStampInfo()
                        .getMessageImprintDigest(), EventStamps.imprint(reps.get(ev.strokeIndex())))) {
                    problem = true; // the token is not over the decrypted strokes
                }
            } catch (Exception e) {
                problem = true; // the token cannot be read
            }
            if (problem) {
                bad.add(ev.eventId());
            }
        }
        f.add(bad.isEmpty() ? reps != null
                ? Finding.ok("event-timestamps", EvidenceMessages.of("verify.eventTimestamps.validOverStrokes", label,
                        stamped.size()))
                : Finding.ok("event-timestamps", EvidenceMessages.of("verify.eventTimestamps.valid", label,
                        stamped.size()))
                : Finding.fail("event-timestamps", EvidenceMessages.of("verify.eventTimestamps.invalid", label, bad)));
    }

    private void documentChecks(byte[] pdf, Revisions revs, PdfDocument doc, SignatureUtil util, List<String> names,
            List<SignerSummary> signers, List<SigInfo> infos, List<Finding> out, Options options) {
        if (names.isEmpty()) {
            out.add(Finding.fail("coverage", EvidenceMessages.of("verify.coverage.noSignature")));
            return;
        }
        List<RevisionDiff.Step> steps = steps(revs, infos, signers, out);
        structure(steps, out);
        int docMdp = docMdp(doc);
        List<RevisionDiff.Change> changes = steps.isEmpty() ? List.of() : RevisionDiff.analyse(steps, docMdp);
        for (RevisionDiff.Change c : changes) {
            out.add(Finding.fail("revisions", c.message()));
        }
        if (changes.isEmpty() && !steps.isEmpty()) {
            out.add(Finding.ok("revisions", EvidenceMessages.of("verify.revisions.allowed", (steps.size() - 1))));
        }
        coverage(pdf, steps, infos, changes, out);
        time(steps, infos, out);
        sealPin(infos, options, out);
        timeSource(pdf, revs, steps, infos, options, out);
        if (doc.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS) == null) {
            out.add(Finding.fail("ltv", EvidenceMessages.of("verify.ltv.noDss")));
        }
        if (signers.isEmpty()) {
            out.add(Finding.fail("seal", EvidenceMessages.of("verify.seal.noSigner")));
            return;
        }
        EvidenceManifest first = signers.get(0).manifest();
        // Frozen content (revision 0).
        long frozenLength = first.frozenLength();
        boolean frozenOk = frozenLength > 0 && frozenLength <= pdf.length
                && Pki.hex(Pki.sha256(pdf, 0, (int) frozenLength)).equals(first.frozenContentSha256());
        out.add(frozenOk ? Finding.ok("frozen", EvidenceMessages.of("verify.frozen.unchanged"))
                : Finding.fail("frozen", EvidenceMessages.of("verify.frozen.modified")));
        // Pages: compare each page with the fingerprints every signer signed.
        List<String> now = PageFingerprints.of(doc);
        List<String> frozenPages = first.pageContentSha256();
        if (now.size() != frozenPages.size()) {
            out.add(Finding.fail("pages", EvidenceMessages.of("verify.pages.countChanged", frozenPages.size(),
                    now.size())));
        }
        boolean pagesOk = now.size() == frozenPages.size();
        for (int p = 0; p < Math.min(now.size(), frozenPages.size()); p++) {
            if (!now.get(p).equals(frozenPages.get(p))) {
                pagesOk = false;
                SignerSummary after = lastSignerWithPageIntact(pdf, signers, p, frozenPages.get(p));
                out.add(Finding.fail("pages", EvidenceMessages.of("verify.pages.modified", (p + 1),
                        after.manifest().signerRole())));
            }
        }
        if (pagesOk) {
            out.add(Finding.ok("pages", EvidenceMessages.of("verify.pages.asSigned", now.size())));
        }
        for (SignerSummary s : signers) {
            if (!s.manifest().frozenContentSha256().equals(first.frozenContentSha256())
                    || !s.manifest().pageContentSha256().equals(frozenPages)) {
                out.add(Finding.fail("frozen", EvidenceMessages.of("verify.frozen.otherVersion", s.who())));
            }
        }
        sealManifest(revs, util, names, signers, out, options);
        if (options.escrowKey() != null) {
            out.add(Finding.ok("strokes", EvidenceMessages.of("verify.strokes.checked")));
        }
    }

    /** Each revision from the frozen record on, with its kind (from the signature that ends there, if any). */
    private static List<RevisionDiff.Step> steps(Revisions revs, List<SigInfo> infos, List<SignerSummary> signers,
            List<Finding> out) {
        Map<Long, SigInfo> byEnd = new HashMap<>();
        for (SigInfo i : infos) {
            if (byEnd.put(i.end(), i) != null) {
                out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.sameRevision")));
            }
        }
        List<Revisions.Revision> list = revs.list();
        int base = -1;
        for (Revisions.Revision r : list) {
            SigInfo i = byEnd.get(r.end());
            if (i != null) {
                base = r.index() - 1;
                break;
            }
        }
        if (base < 0) {
            return List.of();
        }
        List<RevisionDiff.Step> steps = new ArrayList<>();
        steps.add(new RevisionDiff.Step(list.get(base), RevisionDiff.Kind.FROZEN, null, 0, Set.of()));
        int signer = 0;
        for (int k = base + 1; k < list.size(); k++) {
            Revisions.Revision r = list.get(k);
            SigInfo i = byEnd.get(r.end());
            RevisionDiff.Kind kind;
            int number = 0;
            if (i == null) {
                kind = RevisionDiff.Kind.VALIDATION_DATA;
            } else if ("certification".equals(i.kind())) {
                kind = RevisionDiff.Kind.CERTIFICATION;
            } else if ("seal".equals(i.kind())) {
                kind = RevisionDiff.Kind.SEAL;
            } else if ("document-timestamp".equals(i.kind())) {
                kind = RevisionDiff.Kind.DOC_TIMESTAMP;
            } else if ("signer".equals(i.kind())) {
                kind = RevisionDiff.Kind.SIGNER;
                number = ++signer;
            } else {
                kind = RevisionDiff.Kind.OTHER_SIGNATURE;
            }
            steps.add(new RevisionDiff.Step(r, kind, i == null ? null : i.field(), number, i == null ? Set.of()
                    : i.slotIds()));
        }
        return steps;
    }

    /** The order of revisions the workflow makes: certification, signers, seal, then validation data and time-stamps. */
    private static void structure(List<RevisionDiff.Step> steps, List<Finding> out) {
        if (steps.size() < 2 || steps.get(1).kind() != RevisionDiff.Kind.CERTIFICATION) {
            out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.notCertified")));
        }
        boolean sealed = false;
        boolean stamped = false;
        boolean signer = false;
        for (RevisionDiff.Step s : steps.subList(1, steps.size())) {
            int r = s.revision().index();
            switch (s.kind()) {
                case CERTIFICATION -> {
                    if (s != steps.get(1)) {
                        out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.secondCertification",
                                r)));
                    }
                }
                case SIGNER -> {
                    signer = true;
                    if (sealed) {
                        out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.signerAfterSeal", r,
                                s.field())));
                    }
                }
                case SEAL -> {
                    if (sealed) {
                        out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.resealed", r)));
                    }
                    sealed = true;
                }
                case DOC_TIMESTAMP -> {
                    if (!sealed) {
                        out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.timestampBeforeSeal",
                                r)));
                    }
                    stamped = true;
                }
                case VALIDATION_DATA -> {
                    if (!sealed) {
                        out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.updateBeforeSeal", r)));
                    }
                }
                default -> out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.unknownRole", r,
                        s.field())));
            }
        }
        if (!signer) {
            out.add(Finding.fail("structure", EvidenceMessages.of("verify.structure.noSigner")));
        }
        if (!stamped) {
            out.add(Finding.fail("ltv", EvidenceMessages.of("verify.ltv.noDocumentTimestamp")));
        }
    }

    /** The DocMDP level of the certification signature (/Perms /DocMDP), 0 when the document is not certified. */
    private static int docMdp(PdfDocument doc) {
        PdfDictionary perms = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.Perms);
        PdfDictionary sig = perms == null ? null : perms.getAsDictionary(PdfName.DocMDP);
        com.itextpdf.kernel.pdf.PdfArray refs = sig == null ? null : sig.getAsArray(PdfName.Reference);
        for (int i = 0; refs != null && i < refs.size(); i++) {
            PdfDictionary ref = refs.getAsDictionary(i);
            if (ref != null && PdfName.DocMDP.equals(ref.getAsName(PdfName.TransformMethod))) {
                PdfDictionary params = ref.getAsDictionary(PdfName.TransformParams);
                com.itextpdf.kernel.pdf.PdfNumber p = params == null ? null : params.getAsNumber(PdfName.P);
                return p == null ? 2 : p.intValue();
            }
        }
        return 0;
    }

    /** The last signature covers the file, or only validation data (/DSS) follows it. */
    private static void coverage(byte[] pdf, List<RevisionDiff.Step> steps, List<SigInfo> infos,
            List<RevisionDiff.Change> changes, List<Finding> out) {
        long lastSigned = infos.stream().mapToLong(SigInfo::end).max().orElse(-1);
        if (lastSigned == pdf.length) {
            out.add(Finding.ok("coverage", EvidenceMessages.of("verify.coverage.whole")));
            return;
        }
        boolean onlyValidationData = lastSigned > 0 && !steps.isEmpty() && steps.get(steps.size() - 1).revision()
                .end() == pdf.length && steps.stream().filter(s -> s.revision().end() > lastSigned)
                .allMatch(s -> s.kind() == RevisionDiff.Kind.VALIDATION_DATA && changes.stream()
                        .noneMatch(c -> c.revision() == s.revision().index()));
        out.add(onlyValidationData ? Finding.ok("coverage", EvidenceMessages.of("verify.coverage.onlyValidationData"))
                : Finding.fail("coverage", EvidenceMessages.of("verify.coverage.changedAfter")));
    }

    /** The seal and the certification are made with one key, the institution seal's (pinned when certificates given). */
    private static void sealPin(List<SigInfo> infos, Options options, List<Finding> out) {
        SigInfo seal = infos.stream().filter(i -> "seal".equals(i.kind())).findFirst().orElse(null);
        SigInfo cert = infos.stream().filter(i -> "certification".equals(i.kind())).findFirst().orElse(null);
        if (seal == null || seal.cert() == null) {
            return;
        }
        java.security.PublicKey key = seal.cert().getPublicKey();
        if (cert != null && cert.cert() != null && !cert.cert().getPublicKey().equals(key)) {
            out.add(Finding.fail("seal-pin", EvidenceMessages.of("verify.sealPin.twoKeys")));
            return;
        }
        if (!options.sealCertificates().isEmpty()) {
            boolean pinned = options.sealCertificates().stream().anyMatch(c -> c.getPublicKey().equals(key));
            out.add(pinned ? Finding.ok("seal-pin", EvidenceMessages.of("verify.sealPin.pinned"))
                    : Finding.fail("seal-pin", EvidenceMessages.of("verify.sealPin.otherKey")));
            return;
        }
        out.add(Finding.ok("seal-pin", EvidenceMessages.of("verify.sealPin.oneKey")));
    }

    /**
     * Where the times come from: the institution's own TSA (its word) or an external one; and the case system's
     * receipt, when given, as the independent anchor: the file it received must be this file up to a revision, and
     * only validation data and time-stamps may follow.
     */
    private static void timeSource(byte[] pdf, Revisions revs, List<RevisionDiff.Step> steps, List<SigInfo> infos,
            Options options, List<Finding> out) {
        Set<String> own = new java.util.LinkedHashSet<>();
        Set<String> external = new java.util.LinkedHashSet<>();
        for (SigInfo i : infos) {
            if (i.tsaCert() != null) {
                (SignatureChecks.institutionTsa(i.tsaCert()) ? own : external).add(commonName(i.tsaCert()));
            }
        }
        TimeAnchor anchor = options.receipt();
        Message anchorWords = anchor == null ? EvidenceMessages.of("verify.timeSource.noReceipt")
                : EvidenceMessages.of("verify.timeSource.receipt", anchor.receiptId(), anchor.receivedAt());
        if (!own.isEmpty() && external.isEmpty()) {
            out.add(Finding.ok("time-source", EvidenceMessages.of("verify.timeSource.institution", own, anchorWords)));
        } else if (own.isEmpty() && !external.isEmpty()) {
            out.add(Finding.ok("time-source", EvidenceMessages.of("verify.timeSource.external", external, anchorWords)));
        } else if (!own.isEmpty()) {
            out.add(Finding.ok("time-source", EvidenceMessages.of("verify.timeSource.mixed", external, own, anchorWords)));
        }
        if (anchor == null) {
            return;
        }
        if (!anchor.signatureValid()) {
            out.add(Finding.fail("receipt", EvidenceMessages.of("verify.receipt.badSignature", anchor.signer())));
            return;
        }
        Revisions.Revision received = null;
        for (Revisions.Revision r : revs.list()) {
            if (r.end() <= pdf.length && Pki.hex(Pki.sha256(pdf, 0, (int) r.end())).equalsIgnoreCase(
                    anchor.documentSha256())) {
                received = r;
            }
        }
        if (received == null) {
            out.add(Finding.fail("receipt", EvidenceMessages.of("verify.receipt.otherRecord")));
            return;
        }
        long receivedEnd = received.end();
        boolean sealedBefore = steps.stream().anyMatch(s -> s.kind() == RevisionDiff.Kind.DOC_TIMESTAMP
                && s.revision().end() <= receivedEnd);
        boolean onlyLta = steps.stream().filter(s -> s.revision().end() > receivedEnd).allMatch(s -> s.kind()
                == RevisionDiff.Kind.VALIDATION_DATA || s.kind() == RevisionDiff.Kind.DOC_TIMESTAMP);
        if (!sealedBefore || !onlyLta) {
            out.add(Finding.fail("receipt", EvidenceMessages.of("verify.receipt.notSealedRevision")));
            return;
        }
        out.add(Finding.ok("receipt", EvidenceMessages.of("verify.receipt.received", anchor.receivedAt(),
                received.index(), anchor.receiptId(), anchor.signer())));
    }

    /** Time-stamps run forward in revision order, and the record was time-stamped when it was sealed. */
    private static void time(List<RevisionDiff.Step> steps, List<SigInfo> infos, List<Finding> out) {
        Map<Long, SigInfo> byEnd = new HashMap<>();
        infos.forEach(i -> byEnd.put(i.end(), i));
        java.time.Instant previous = null;
        String previousField = null;
        java.time.Instant seal = null;
        boolean firstStampChecked = false;
        boolean ordered = true;
        for (RevisionDiff.Step s : steps) {
            SigInfo i = byEnd.get(s.revision().end());
            if (i == null || i.tsaTime() == null) {
                continue;
            }
            if (previous != null && i.tsaTime().isBefore(previous)) {
                ordered = false;
                out.add(Finding.fail("time", EvidenceMessages.of("verify.time.backwards", i.field(), i.tsaTime(),
                        previousField, previous)));
            }
            if (s.kind() == RevisionDiff.Kind.SEAL) {
                seal = i.tsaTime();
            }
            if (s.kind() == RevisionDiff.Kind.DOC_TIMESTAMP && seal != null && !firstStampChecked) {
                firstStampChecked = true;
                java.time.Duration gap = java.time.Duration.between(seal, i.tsaTime());
                if (gap.compareTo(SEALING_WINDOW) > 0) {
                    out.add(Finding.fail("time", EvidenceMessages.of("verify.time.lateDocumentTimestamp",
                            gap.toMinutes())));
                    ordered = false;
                }
            }
            previous = i.tsaTime();
            previousField = i.field();
        }
        if (ordered && previous != null) {
            out.add(Finding.ok("time", EvidenceMessages.of("verify.time.forward")));
        }
    }

    private SignerSummary lastSignerWithPageIntact(byte[] pdf, List<SignerSummary> signers, int page, String frozen) {
        SignerSummary found = signers.get(0);
        for (SignerSummary s : signers) {
            if (s.revisionEnd() <= 0 || s.revisionEnd() > pdf.length) {
                break;
            }
            try (PdfDocument rev = new PdfDocument(new PdfReader(new ByteArrayInputStream(
                    Arrays.copyOf(pdf, (int) s.revisionEnd()))))) {
                if (page < rev.getNumberOfPages() && PageFingerprints.of(rev.getPage(page + 1)).equals(frozen)) {
                    found = s;
                } else {
                    break;
                }
            } catch (IOException | RuntimeException e) {
                break;
            }
        }
        return found;
    }

    private void sealManifest(Revisions revs, SignatureUtil util, List<String> names, List<SignerSummary> signers,
            List<Finding> out,
            Options options) {
        if (!names.contains(Sealer.SEAL_FIELD)) {
            out.add(Finding.fail("seal", EvidenceMessages.of("verify.seal.missing")));
            return;
        }
        SealManifest seal;
        byte[] recordingJson;
        try {
            long[] range = SignatureChecks.byteRange(util.getSignature(Sealer.SEAL_FIELD));
            Revisions.Revision sealRevision = range.length == 4 ? revs.endingAt(range[2] + range[3]) : null;
            if (sealRevision == null) {
                out.add(Finding.fail("seal", EvidenceMessages.of("verify.seal.noRevision")));
                return;
            }
            Map<String, byte[]> sealFiles = lazyFiles(sealRevision.doc());
            byte[] json = sealFiles.get(SealManifest.FILE_NAME);
            recordingJson = sealFiles.get(SealManifest.RECORDING_FILE_NAME);
            if (json == null) {
                out.add(Finding.fail("seal", EvidenceMessages.of("verify.seal.noManifest")));
                return;
            }
            seal = SealManifest.parse(json);
        } catch (IOException | RuntimeException e) {
            out.add(Finding.fail("seal", EvidenceMessages.of("verify.seal.unreadable")));
            return;
        }
        boolean ok = true;
        for (SealManifest.SignerEntry e : seal.signers()) {
            SignerRole role = SignerRole.valueOf(e.role());
            if (!names.contains(e.fieldName())) {
                ok = false;
                out.add(Finding.fail("seal", EvidenceMessages.of("verify.seal.signatureRemoved", role, e.signerName(),
                        e.fieldName())));
                continue;
            }
            boolean matches = signers.stream().anyMatch(s -> s.field().equals(e.fieldName())
                    && s.manifestSha256().equals(e.manifestSha256()));
            if (!matches) {
                ok = false;
                out.add(Finding.fail("seal", EvidenceMessages.of("verify.seal.signatureDiffers", role,
                        e.signerName())));
            }
        }
        if (ok) {
            out.add(Finding.ok("seal", EvidenceMessages.of("verify.seal.allPresent", seal.signers().size())));
        }
        if (seal.isDemo()) {
            out.add(Finding.ok("demo", EvidenceMessages.of("verify.demo")));
        }
        recordingManifest(seal, recordingJson, out, options);
    }

    /** The recording manifest embedded in the seal revision: present, as the seal manifest states, its segments. */
    private static void recordingManifest(SealManifest seal, byte[] json, List<Finding> out, Options options) {
        if (seal.recordingManifestSha256() == null) {
            if (json != null) {
                out.add(Finding.fail("recording-manifest", EvidenceMessages.of("verify.recordingManifest.unnamed")));
            }
            return;
        }
        if (json == null || !Pki.sha256Hex(json).equals(seal.recordingManifestSha256())) {
            out.add(Finding.fail("recording-manifest", EvidenceMessages.of("verify.recordingManifest.missing")));
            return;
        }
        int segments;
        try {
            com.fasterxml.jackson.databind.JsonNode node = EvidenceJson.mapper().readTree(json);
            segments = node.path("segments").size();
        } catch (IOException e) {
            out.add(Finding.fail("recording-manifest", EvidenceMessages.of("verify.recordingManifest.unparseable")));
            return;
        }
        out.add(Finding.ok("recording-manifest", EvidenceMessages.of("verify.recordingManifest.sealed", segments,
                seal.recordingChainHead())));
        if (options.recordingDir() == null) {
            return;
        }
        if (options.recordingCheck() != null) {
            out.addAll(options.recordingCheck().check(json, options.recordingDir()));
            return;
        }
        try {
            List<String> bad = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode s : EvidenceJson.mapper().readTree(json).path("segments")) {
                Path file = options.recordingDir().resolve(s.path("name").asText());
                if (!Files.isRegularFile(file) || !Pki.sha256Hex(Files.readAllBytes(file))
                        .equalsIgnoreCase(s.path("sha256").asText())) {
                    bad.add(s.path("name").asText());
                }
            }
            out.add(bad.isEmpty() ? Finding.ok("recording-segment",
                    EvidenceMessages.of("verify.recordingSegment.allMatch", segments))
                    : Finding.fail("recording-segment", EvidenceMessages.of("verify.recordingSegment.bad", bad)));
        } catch (IOException e) {
            out.add(Finding.fail("recording-segment", EvidenceMessages.of("verify.recordingSegment.unreadable",
                    e.getMessage())));
        }
    }

    /**
     * Embedded files by name, as stored (decoded stream bytes): those carried by file attachment annotations (this
     * version's layout) and those in the document's /EmbeddedFiles name tree (records sealed by earlier versions).
     * A file name met twice keeps its first occurrence in page order; the difference analysis rejects a record in
     * which a later revision adds one.
     */
    public static Map<String, byte[]> embeddedFiles(PdfDocument doc) {
        Map<String, byte[]> eager = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : lazyFiles(doc).entrySet()) {
            eager.put(e.getKey(), e.getValue());
        }
        return eager;
    }

    /** As {@link #embeddedFiles}, decoding each file only when it is asked for, while the document is open. */
    private static Map<String, byte[]> lazyFiles(PdfDocument doc) {
        Map<String, PdfDictionary> out = new LinkedHashMap<>();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            PdfArray annots = doc.getPage(p).getPdfObject().getAsArray(PdfName.Annots);
            for (int i = 0; annots != null && i < annots.size(); i++) {
                PdfDictionary a = annots.getAsDictionary(i);
                if (a == null || !PdfName.FileAttachment.equals(a.getAsName(PdfName.Subtype))) {
                    continue;
                }
                PdfDictionary spec = a.getAsDictionary(PdfName.FS);
                String name = spec == null ? null : fileName(spec);
                if (name != null && !out.containsKey(name)) {
                    out.put(name, spec);
                }
            }
        }
        PdfDictionary names = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.Names);
        if (names != null && names.getAsDictionary(PdfName.EmbeddedFiles) != null) {
            Map<PdfString, PdfObject> tree = doc.getCatalog().getNameTree(PdfName.EmbeddedFiles).getNames();
            for (Map.Entry<PdfString, PdfObject> e : tree.entrySet()) {
                if (e.getValue() instanceof PdfDictionary d) {
                    out.putIfAbsent(e.getKey().toUnicodeString(), d);
                }
            }
        }
        return new LazyFiles(out);
    }

    /** The file name of a file specification: /UF, else /F. */
    static String fileName(PdfDictionary spec) {
        PdfString uf = spec.getAsString(PdfName.UF);
        PdfString f = uf != null ? uf : spec.getAsString(PdfName.F);
        return f == null ? null : f.toUnicodeString();
    }

    private static byte[] fileBytes(PdfDictionary spec) {
        try {
            return spec.getAsDictionary(PdfName.EF).getAsStream(PdfName.F).getBytes();
        } catch (RuntimeException ex) {
            // An undecodable stream is reported as a changed file: a marker that matches no hash.
            return new byte[] {0};
        }
    }

    /** Manifest file names by the hex SHA-256 of their bytes (only manifests are read). */
    private static Map<String, String> manifests(Map<String, byte[]> files) {
        Map<String, String> out = new HashMap<>();
        for (String name : files.keySet()) {
            if (name.endsWith("-manifest.json")) {
                out.put(Pki.sha256Hex(files.get(name)), name);
            }
        }
        return out;
    }

    private static Parsed parseManifest(byte[] json, String name) {
        try {
            return new Parsed(EvidenceManifest.parse(json), name);
        } catch (IOException | RuntimeException e) {
            // Unparseable manifest: the signer's manifest check fails as "missing or replaced".
            return null;
        }
    }

    /** Embedded files decoded only when asked for (a verification reads a few of the files a revision carries). */
    private static final class LazyFiles extends java.util.AbstractMap<String, byte[]> {
        private final Map<String, PdfDictionary> specs;
        private final Map<String, byte[]> bytes = new HashMap<>();

        LazyFiles(Map<String, PdfDictionary> specs) {
            this.specs = specs;
        }

        @Override
        public byte[] get(Object key) {
            PdfDictionary spec = specs.get(key);
            if (spec == null) {
                return null;
            }
            return bytes.computeIfAbsent((String) key, k -> spec.isFlushed() ? new byte[] {0} : fileBytes(spec));
        }

        @Override
        public boolean containsKey(Object key) {
            return specs.containsKey(key);
        }

        @Override
        public Set<String> keySet() {
            return java.util.Collections.unmodifiableSet(specs.keySet());
        }

        @Override
        public Set<Map.Entry<String, byte[]>> entrySet() {
            Map<String, byte[]> all = new LinkedHashMap<>();
            for (String k : specs.keySet()) {
                all.put(k, get(k));
            }
            return all.entrySet();
        }
    }

    private static String commonName(X509Certificate cert) {
        return rdn(cert, org.bouncycastle.asn1.x500.style.BCStyle.CN);
    }

    private static String title(X509Certificate cert) {
        return cert == null ? "" : rdn(cert, org.bouncycastle.asn1.x500.style.BCStyle.T);
    }

    private static String rdn(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        var name = org.bouncycastle.asn1.x500.X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(oid);
        return rdns.length == 0 ? "" : rdns[0].getFirst().getValue().toString();
    }
}
