// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

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
            throw new IOException("不是 PDF 文件 (not a PDF file: no %PDF- header)");
        }
        Revisions revs;
        try {
            revs = Revisions.read(pdf);
        } catch (IOException | RuntimeException e) {
            throw new IOException("不是可读的 PDF 文件 (not a readable PDF: " + oneLine(e) + ")", e);
        }
        List<RevisionReport> revisions = new ArrayList<>();
        List<Finding> document = new ArrayList<>();
        try (revs) {
            PdfDocument doc = revs.list().get(revs.list().size() - 1).doc();
            for (String problem : revs.problems()) {
                document.add(Finding.fail("structure", "文件结构异常：" + problem, "file structure: " + problem));
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
                                Finding.fail("integrity", "签名 " + field + " 的结构异常：" + oneLine(e),
                                        "signature " + field + " is malformed: " + oneLine(e)))));
                    }
                }
                documentChecks(pdf, revs, doc, util, names, signers, infos, document, options);
            } catch (RuntimeException e) {
                document.add(Finding.fail("structure", "文件结构异常，无法完成验证：" + oneLine(e),
                        "the file's structure is malformed; verification could not finish: " + oneLine(e)));
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
    private record SignerSummary(String field, String who, EvidenceManifest manifest, String manifestSha256,
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
        String placement = rangeShape ? placement(pdf, revs, signed, sig, range) : "its /ByteRange is malformed";
        if (placement != null) {
            f.add(Finding.fail("placement", "签名 " + field + " 的签名范围不对应文件的一个版本（" + placement + "）",
                    "signature " + field + " does not sign exactly one revision of the file: " + placement));
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
            f.add(Finding.fail("integrity", "签名 " + field + " 的数据无法解析，文件被改动",
                    "signature " + field + " cannot be parsed; the file was altered"));
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
            role = "文档时间戳";
            who = "document time-stamp";
        } else if ("seal".equals(kind)) {
            role = "机构印章";
            who = cert == null ? "" : commonName(cert);
        } else if ("certification".equals(kind)) {
            role = "机构认证";
            who = cert == null ? "" : commonName(cert);
        } else {
            role = parsed != null ? parsed.manifest().signerRole().zh() : title(cert);
            who = cert == null ? "" : commonName(cert);
        }
        String label = tsp ? "文档时间戳" : role + who;
        String labelEn = tsp ? "document time-stamp" : ("seal".equals(kind) ? "institution seal" : "signature of "
                + who) + " (" + field + ")";
        // Integrity: the digest over the ByteRange and the CMS signature.
        boolean intact = cms.intact();
        f.add(intact && rangeShape
                ? Finding.ok("integrity", label + "的签名完整：签名覆盖该版本，签名后未改动",
                        labelEn + " is intact: it covers its revision, unchanged since")
                : Finding.fail("integrity", label + "的签名完整性校验失败：签名后文件被改动",
                        labelEn + " failed the integrity check: the file was changed after it was signed"));
        // Time-stamp.
        String tsTime = null;
        Calendar claimedDate = SignatureChecks.claimedDate(sig);
        Date when = claimedDate == null ? new Date() : claimedDate.getTime();
        TimeStampToken token = cms.token();
        if (token == null) {
            f.add(Finding.fail("timestamp", label + "的签名缺少时间戳", labelEn + " has no time-stamp"));
        } else {
            tsTime = token.getTimeStampInfo().getGenTime().toInstant().toString();
            when = token.getTimeStampInfo().getGenTime();
            String problem = checks.checkToken(token, cms.signatureValue(), tsp);
            f.add(problem == null ? Finding.ok("timestamp", label + "的时间戳有效：" + tsTime,
                    labelEn + " time-stamp valid: " + tsTime)
                    : Finding.fail("timestamp", label + "的时间戳无效：" + problem, labelEn + " time-stamp invalid: "
                            + problem));
        }
        // Chain to a trust anchor and revocation.
        if (!tsp) {
            f.add(checks.chain(cert, when, label, labelEn));
            f.add(checks.revocation(cert, dss, when, label, labelEn));
            if (cert != null) {
                String problem = SignatureChecks.roleProblem(cert, "signer".equals(kind) ? SignatureChecks.Role.SIGNER
                        : SignatureChecks.Role.SEAL);
                f.add(problem == null ? Finding.ok("role", label + "的证书适用于其角色（密钥用法、证书策略）",
                        labelEn + ": the certificate is bound to its role (key usage, certificate policy)")
                        : Finding.fail("role", label + "的证书不适用于其角色：" + problem, labelEn
                                + ": the certificate is not bound to its role: " + problem));
            }
        }
        String claimed = claimedDate == null ? null : claimedDate.toInstant().toString();
        if ("signer".equals(kind)) {
            if (manifestHash.isEmpty()) {
                f.add(Finding.fail("manifest", label + "的证书不含证据清单摘要", labelEn
                        + ": the certificate carries no manifest hash"));
            } else if (parsed == null) {
                f.add(Finding.fail("manifest", label + "的证据清单缺失或在签名后被替换", labelEn
                        + ": the evidence manifest is missing or was replaced after signing"));
            } else {
                f.add(Finding.ok("manifest", label + "的证据清单与证书中的摘要一致", labelEn
                        + ": manifest matches the hash in the certificate"));
                evidence(parsed.manifest(), files, label, labelEn, f, options);
                if (options.gmTrustAnchor() != null) {
                    f.add(gm(files, parsed, label, labelEn, options.gmTrustAnchor()));
                }
                f.add(previousRevision(pdf, parsed.manifest(), label, labelEn));
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
    private static String placement(byte[] pdf, Revisions revs, Revisions.Revision signed, PdfSignature sig,
            long[] range) {
        if (signed == null) {
            return "its byte range ends at " + (range[2] + range[3]) + ", where no revision ends";
        }
        byte[] contents = sig.getContents() == null ? null : sig.getContents().getValueBytes();
        if (contents == null) {
            return "no /Contents";
        }
        int from = (int) range[1] + 1;
        int to = (int) range[2] - 1;
        if ((to - from) % 2 != 0 || (to - from) / 2 < contents.length) {
            return "the gap does not hold the /Contents";
        }
        for (int i = 0; i < (to - from) / 2; i++) {
            int hi = Character.digit(pdf[from + 2 * i], 16);
            int lo = Character.digit(pdf[from + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                return "the gap holds something other than the hex /Contents";
            }
            int value = (hi << 4) | lo;
            if (value != (i < contents.length ? contents[i] & 0xFF : 0)) {
                return "the gap holds other bytes than the signature's /Contents";
            }
        }
        com.itextpdf.kernel.pdf.PdfIndirectReference ref = sig.getPdfObject().getIndirectReference();
        if (ref == null) {
            return "the signature dictionary is not an indirect object";
        }
        com.itextpdf.kernel.pdf.PdfIndirectReference entry = signed.entry(ref.getObjNumber());
        Revisions.Revision before = signed.index() == 0 ? null : revs.list().get(signed.index() - 1);
        if (entry == null || entry.getObjStreamNumber() != 0 || entry.getOffset() >= range[1]
                || (before != null && (entry.getOffset() < before.end() || before.inUse(ref.getObjNumber())))) {
            return "its signature dictionary is not an object written in the revision it signs";
        }
        return null;
    }

    private static Finding gm(Map<String, byte[]> files, Parsed parsed, String label, String labelEn,
            X509Certificate gmRoot) {
        byte[] p7s = files.get(parsed.name() + Sealer.GM_SUFFIX);
        if (p7s == null) {
            return Finding.fail("gm", label + "缺少国密（SM2/SM3）签名", labelEn + ": no GM (SM2/SM3) signature");
        }
        String problem = GmKeyStore.verifyDetached(p7s, files.get(parsed.name()), gmRoot);
        return problem == null ? Finding.ok("gm", label + "的国密（SM2/SM3）签名有效", labelEn
                + ": GM (SM2/SM3) signature valid") : Finding.fail("gm", label + "的国密（SM2/SM3）签名无效",
                labelEn + ": GM (SM2/SM3) signature invalid: " + problem);
    }

    private static Finding previousRevision(byte[] pdf, EvidenceManifest m, String label, String labelEn) {
        long len = m.previousRevisionLength();
        boolean ok = len > 0 && len <= pdf.length
                && Pki.hex(Pki.sha256(pdf, 0, (int) len)).equals(m.previousRevisionSha256());
        return ok ? Finding.ok("chain-of-revisions", label + "签名前的文件版本与清单一致",
                labelEn + ": the revision it signed over matches the manifest")
                : Finding.fail("chain-of-revisions", label + "签名前的文件版本与清单记录不符",
                        labelEn + ": the revision before it does not match the manifest");
    }

    private void evidence(EvidenceManifest m, Map<String, byte[]> files, String label, String labelEn,
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
            f.add(Finding.fail("evidence", label + "的证据文件已被删除：" + String.join(", ", missing),
                    labelEn + ": evidence files removed: " + String.join(", ", missing)));
        }
        if (!changed.isEmpty()) {
            f.add(Finding.fail("evidence", label + "的证据文件与清单不符（被篡改或调换）：" + String.join(", ", changed),
                    labelEn + ": evidence files do not match the manifest (altered or swapped): "
                            + String.join(", ", changed)));
        }
        if (!undecryptable.isEmpty()) {
            f.add(Finding.fail("evidence", label + "的加密证据无法用托管密钥解密：" + String.join(", ", undecryptable),
                    labelEn + ": encrypted evidence cannot be decrypted with the escrow key: "
                            + String.join(", ", undecryptable)));
        }
        if (missing.isEmpty() && changed.isEmpty() && undecryptable.isEmpty()) {
            f.add(Finding.ok("evidence", label + "的 " + m.files().size() + " 个证据文件与清单一致"
                    + (options.escrowKey() != null ? "（含解密后核对）" : ""), labelEn + ": " + m.files().size()
                    + " evidence files match the manifest" + (options.escrowKey() != null ? " (also decrypted)" : "")));
        }
        eventTimestamps(m, files, label, labelEn, f, options);
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
                    f.add(Finding.fail("recording", label + "引用的录像片段 " + ev.recording().segment() + " 不存在",
                            labelEn + ": recording segment " + ev.recording().segment() + " not found"));
                    return;
                } else if (!actual.equalsIgnoreCase(ev.recording().sha256())) {
                    f.add(Finding.fail("recording", label + "引用的录像片段 " + ev.recording().segment() + " 与摘要不符",
                            labelEn + ": recording segment " + ev.recording().segment() + " does not match its hash"));
                    return;
                }
            }
            f.add(Finding.ok("recording", label + "引用的录像片段与摘要一致", labelEn + ": recording segments match"));
        }
    }

    /** Each event's own RFC 3161 token: valid, from a trusted TSA, and (with the escrow key) over its strokes. */
    private void eventTimestamps(EvidenceManifest m, Map<String, byte[]> files, String label, String labelEn,
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
            String problem;
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(
                        java.util.Base64.getDecoder().decode(ev.tsaTokenBase64())));
                problem = checks.checkToken(token, null, true);
                if (problem == null && reps != null && !Arrays.equals(token.getTimeStampInfo()
                        .getMessageImprintDigest(), EventStamps.imprint(reps.get(ev.strokeIndex())))) {
                    problem = "imprint";
                }
            } catch (Exception e) {
                problem = "unreadable";
            }
            if (problem != null) {
                bad.add(ev.eventId());
            }
        }
        f.add(bad.isEmpty() ? Finding.ok("event-timestamps", label + "的 " + stamped.size() + " 个签名事件时间戳有效"
                + (reps != null ? "且与笔迹一致" : ""), labelEn + ": " + stamped.size() + " event time-stamps valid"
                + (reps != null ? " and over the strokes" : ""))
                : Finding.fail("event-timestamps", label + "的签名事件时间戳无效：" + String.join(", ", bad),
                        labelEn + ": event time-stamps invalid: " + String.join(", ", bad)));
    }

    private void documentChecks(byte[] pdf, Revisions revs, PdfDocument doc, SignatureUtil util, List<String> names,
            List<SignerSummary> signers, List<SigInfo> infos, List<Finding> out, Options options) {
        if (names.isEmpty()) {
            out.add(Finding.fail("coverage", "文件中没有任何签名", "the file carries no signature"));
            return;
        }
        List<RevisionDiff.Step> steps = steps(revs, infos, signers, out);
        structure(steps, out);
        int docMdp = docMdp(doc);
        List<RevisionDiff.Change> changes = steps.isEmpty() ? List.of() : RevisionDiff.analyse(steps, docMdp);
        for (RevisionDiff.Change c : changes) {
            out.add(Finding.fail("revisions", c.zh(), c.en()));
        }
        if (changes.isEmpty() && !steps.isEmpty()) {
            out.add(Finding.ok("revisions", "逐版比对 " + (steps.size() - 1) + " 个后续版本：每一版只改动了其类型允许的内容",
                    "compared " + (steps.size() - 1) + " revisions after the frozen record, each with the one before:"
                            + " each changes only what its kind may change"));
        }
        coverage(pdf, steps, infos, changes, out);
        time(steps, infos, out);
        sealPin(infos, options, out);
        timeSource(pdf, revs, steps, infos, options, out);
        if (doc.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS) == null) {
            out.add(Finding.fail("ltv", "缺少长期验证数据（DSS）", "no long-term validation data (/DSS)"));
        }
        if (signers.isEmpty()) {
            out.add(Finding.fail("seal", "没有可验证的签名人修订", "no verifiable signer revision"));
            return;
        }
        EvidenceManifest first = signers.get(0).manifest();
        // Frozen content (revision 0).
        long frozenLength = first.frozenLength();
        boolean frozenOk = frozenLength > 0 && frozenLength <= pdf.length
                && Pki.hex(Pki.sha256(pdf, 0, (int) frozenLength)).equals(first.frozenContentSha256());
        out.add(frozenOk ? Finding.ok("frozen", "冻结的笔录原文（第 0 版）未被改动", "the frozen record (revision 0) is unchanged")
                : Finding.fail("frozen", "冻结的笔录原文（第 0 版）被修改", "the frozen record (revision 0) was modified"));
        // Pages: compare each page with the fingerprints every signer signed.
        List<String> now = PageFingerprints.of(doc);
        List<String> frozenPages = first.pageContentSha256();
        if (now.size() != frozenPages.size()) {
            out.add(Finding.fail("pages", "页数被改变：冻结时 " + frozenPages.size() + " 页，现为 " + now.size() + " 页",
                    "page count changed: " + frozenPages.size() + " when frozen, " + now.size() + " now"));
        }
        boolean pagesOk = now.size() == frozenPages.size();
        for (int p = 0; p < Math.min(now.size(), frozenPages.size()); p++) {
            if (!now.get(p).equals(frozenPages.get(p))) {
                pagesOk = false;
                SignerSummary after = lastSignerWithPageIntact(pdf, signers, p, frozenPages.get(p));
                out.add(Finding.fail("pages", "第 " + (p + 1) + " 页内容在" + after.manifest().signerRole().zh()
                        + "签名后被修改", "page " + (p + 1) + " was modified after the "
                        + after.manifest().signerRole().en() + " signed"));
            }
        }
        if (pagesOk) {
            out.add(Finding.ok("pages", "全部 " + now.size() + " 页内容与签名时一致",
                    "all " + now.size() + " pages are as signed"));
        }
        for (SignerSummary s : signers) {
            if (!s.manifest().frozenContentSha256().equals(first.frozenContentSha256())
                    || !s.manifest().pageContentSha256().equals(frozenPages)) {
                out.add(Finding.fail("frozen", s.who() + "签署的笔录版本与其他签名人不同",
                        s.field() + " signed a different version of the record"));
            }
        }
        sealManifest(revs, util, names, signers, out, options);
        if (options.escrowKey() != null) {
            out.add(Finding.ok("strokes", "已用托管密钥解密并核对笔迹数据", "stroke data decrypted and checked with the escrow key"));
        }
    }

    /** Each revision from the frozen record on, with its kind (from the signature that ends there, if any). */
    private static List<RevisionDiff.Step> steps(Revisions revs, List<SigInfo> infos, List<SignerSummary> signers,
            List<Finding> out) {
        Map<Long, SigInfo> byEnd = new HashMap<>();
        for (SigInfo i : infos) {
            if (byEnd.put(i.end(), i) != null) {
                out.add(Finding.fail("structure", "两个签名声称签署同一个版本（签名包装攻击？）",
                        "two signatures claim the same revision (signature wrapping?)"));
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
            out.add(Finding.fail("structure", "冻结的笔录（第 0 版）没有经过机构认证签名（DocMDP）",
                    "the frozen record is not certified (no DocMDP certification signature right after it)"));
        }
        boolean sealed = false;
        boolean stamped = false;
        boolean signer = false;
        for (RevisionDiff.Step s : steps.subList(1, steps.size())) {
            int r = s.revision().index();
            switch (s.kind()) {
                case CERTIFICATION -> {
                    if (s != steps.get(1)) {
                        out.add(Finding.fail("structure", "第 " + r + " 版出现了第二个认证签名",
                                "revision " + r + " is a second certification"));
                    }
                }
                case SIGNER -> {
                    signer = true;
                    if (sealed) {
                        out.add(Finding.fail("structure", "第 " + r + " 版的签名（" + s.field() + "）在机构封存之后",
                                "revision " + r + " adds a signature (" + s.field() + ") after the institution seal"));
                    }
                }
                case SEAL -> {
                    if (sealed) {
                        out.add(Finding.fail("structure", "第 " + r + " 版再次加盖机构封存（重新封存）",
                                "revision " + r + " seals the record again (re-sealed)"));
                    }
                    sealed = true;
                }
                case DOC_TIMESTAMP -> {
                    if (!sealed) {
                        out.add(Finding.fail("structure", "第 " + r + " 版的文档时间戳在机构封存之前",
                                "revision " + r + " is a document time-stamp before the institution seal"));
                    }
                    stamped = true;
                }
                case VALIDATION_DATA -> {
                    if (!sealed) {
                        out.add(Finding.fail("structure", "第 " + r + " 版是机构封存之前的未签名更新",
                                "revision " + r + " is an unsigned update before the institution seal"));
                    }
                }
                default -> out.add(Finding.fail("structure", "第 " + r + " 版的签名（" + s.field() + "）不属于任何角色",
                        "revision " + r + " carries a signature (" + s.field() + ") of no known role"));
            }
        }
        if (!signer) {
            out.add(Finding.fail("structure", "没有签名人版本", "no signer revision"));
        }
        if (!stamped) {
            out.add(Finding.fail("ltv", "机构封存之后没有文档时间戳（PAdES B-LTA）",
                    "no document time-stamp after the institution seal (PAdES B-LTA)"));
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
            out.add(Finding.ok("coverage", "最后的签名（时间戳）覆盖整个文件，之后无改动",
                    "the last signature (time-stamp) covers the whole file: nothing changed after it"));
            return;
        }
        boolean onlyValidationData = lastSigned > 0 && !steps.isEmpty() && steps.get(steps.size() - 1).revision()
                .end() == pdf.length && steps.stream().filter(s -> s.revision().end() > lastSigned)
                .allMatch(s -> s.kind() == RevisionDiff.Kind.VALIDATION_DATA && changes.stream()
                        .noneMatch(c -> c.revision() == s.revision().index()));
        out.add(onlyValidationData ? Finding.ok("coverage", "最后的时间戳之后只追加了长期验证数据（/DSS）",
                "only validation data (/DSS) was added after the last time-stamp")
                : Finding.fail("coverage", "文件在最后一次签名（时间戳）之后被追加修改",
                        "the file was changed after its last signature (time-stamp)"));
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
            out.add(Finding.fail("seal-pin", "机构封存与机构认证不是同一把印章密钥签的",
                    "the institution seal and the certification were not made with the same seal key"));
            return;
        }
        if (!options.sealCertificates().isEmpty()) {
            boolean pinned = options.sealCertificates().stream().anyMatch(c -> c.getPublicKey().equals(key));
            out.add(pinned ? Finding.ok("seal-pin", "机构封存与认证出自指定的机构印章证书（密钥一致）",
                    "the seal and the certification are by the institution seal certificate given (same key)")
                    : Finding.fail("seal-pin", "机构封存不是指定的机构印章证书签的（另一把密钥）",
                            "the seal is not by the institution seal certificate given (another key)"));
            return;
        }
        out.add(Finding.ok("seal-pin", "机构封存与认证出自同一把印章密钥（未指定印章证书，未与外部比对：--seal-cert）",
                "the seal and the certification are by one seal key (no seal certificate given to compare with:"
                        + " --seal-cert)"));
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
        String anchorZh = anchor == null ? "未提供案件系统回执（--receipt）作为独立时间锚" : "独立时间锚：案件系统回执 "
                + anchor.receiptId() + "，接收时间 " + anchor.receivedAt();
        String anchorEn = anchor == null ? "no case-system receipt given (--receipt) as an independent time anchor"
                : "independent time anchor: the case system's receipt " + anchor.receiptId() + ", received "
                        + anchor.receivedAt();
        if (!own.isEmpty() && external.isEmpty()) {
            out.add(Finding.ok("time-source", "全部时间戳来自机构自己的时间戳服务（" + String.join(", ", own)
                    + "）：时间以本机构为准；" + anchorZh, "every time-stamp comes from the institution's own TSA ("
                    + String.join(", ", own) + "): the times are the institution's word; " + anchorEn));
        } else if (own.isEmpty() && !external.isEmpty()) {
            out.add(Finding.ok("time-source", "全部时间戳来自外部时间戳服务（" + String.join(", ", external) + "）；" + anchorZh,
                    "every time-stamp comes from an external TSA (" + String.join(", ", external) + "); " + anchorEn));
        } else if (!own.isEmpty()) {
            out.add(Finding.ok("time-source", "时间戳来自外部（" + String.join(", ", external) + "）和机构自己的时间戳服务（"
                    + String.join(", ", own) + "）；" + anchorZh, "time-stamps come from an external TSA ("
                    + String.join(", ", external) + ") and the institution's own (" + String.join(", ", own) + "); "
                    + anchorEn));
        }
        if (anchor == null) {
            return;
        }
        if (!anchor.signatureValid()) {
            out.add(Finding.fail("receipt", "案件系统回执的签名无效（" + anchor.signer() + "）",
                    "the case system's receipt does not carry a valid signature (" + anchor.signer() + ")"));
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
            out.add(Finding.fail("receipt", "案件系统收到的不是这份文件（回执中的哈希与文件的任何版本都不符）：原时间戳被去除或替换，或被重新封存",
                    "this is not the record the case system received (the receipt's hash matches no revision of the"
                            + " file): the original time-stamp was stripped or replaced, or the record re-sealed"));
            return;
        }
        long receivedEnd = received.end();
        boolean sealedBefore = steps.stream().anyMatch(s -> s.kind() == RevisionDiff.Kind.DOC_TIMESTAMP
                && s.revision().end() <= receivedEnd);
        boolean onlyLta = steps.stream().filter(s -> s.revision().end() > receivedEnd).allMatch(s -> s.kind()
                == RevisionDiff.Kind.VALIDATION_DATA || s.kind() == RevisionDiff.Kind.DOC_TIMESTAMP);
        if (!sealedBefore || !onlyLta) {
            out.add(Finding.fail("receipt", "案件系统回执对应的版本不是封存完成的记录，或其后有长期验证以外的版本",
                    "the receipted revision is not the sealed record, or revisions other than validation data and"
                            + " time-stamps follow it"));
            return;
        }
        out.add(Finding.ok("receipt", "案件系统于 " + anchor.receivedAt() + " 收到的正是此记录（至第 " + received.index()
                + " 版；签名回执 " + anchor.receiptId() + "，" + anchor.signer() + "）",
                "the case system received exactly this record (up to revision " + received.index() + ") at "
                        + anchor.receivedAt() + " (signed receipt " + anchor.receiptId() + ", " + anchor.signer()
                        + ")"));
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
                out.add(Finding.fail("time", i.field() + " 的时间戳 " + i.tsaTime() + " 早于之前版本 " + previousField + " 的 "
                        + previous + "（时间戳被替换或倒签）", "the time-stamp of " + i.field() + " (" + i.tsaTime()
                        + ") is earlier than that of the revision before it, " + previousField + " (" + previous
                        + "): a time-stamp was replaced or back-dated"));
            }
            if (s.kind() == RevisionDiff.Kind.SEAL) {
                seal = i.tsaTime();
            }
            if (s.kind() == RevisionDiff.Kind.DOC_TIMESTAMP && seal != null && !firstStampChecked) {
                firstStampChecked = true;
                java.time.Duration gap = java.time.Duration.between(seal, i.tsaTime());
                if (gap.compareTo(SEALING_WINDOW) > 0) {
                    out.add(Finding.fail("time", "封存后的第一个文档时间戳在封存 " + gap.toMinutes() + " 分钟后才加盖（封存时即应加盖）："
                            + "原时间戳被去除或替换", "the first document time-stamp was made " + gap.toMinutes()
                            + " minutes after the seal, which is time-stamped as it is made: the original time-stamp"
                            + " was stripped or replaced"));
                    ordered = false;
                }
            }
            previous = i.tsaTime();
            previousField = i.field();
        }
        if (ordered && previous != null) {
            out.add(Finding.ok("time", "各版本的时间戳按版本顺序递增，封存后即加盖文档时间戳",
                    "the time-stamps run forward in revision order and the seal was time-stamped when it was made"));
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

    private void sealManifest(Revisions revs, SignatureUtil util, List<String> names, List<SignerSummary> signers, List<Finding> out,
            Options options) {
        if (!names.contains(Sealer.SEAL_FIELD)) {
            out.add(Finding.fail("seal", "缺少机构封存签名", "the institution seal signature is missing"));
            return;
        }
        SealManifest seal;
        byte[] recordingJson;
        try {
            long[] range = SignatureChecks.byteRange(util.getSignature(Sealer.SEAL_FIELD));
            Revisions.Revision sealRevision = range.length == 4 ? revs.endingAt(range[2] + range[3]) : null;
            if (sealRevision == null) {
                out.add(Finding.fail("seal", "机构封存签名不对应文件的任何版本", "the seal signature signs no revision of the file"));
                return;
            }
            Map<String, byte[]> sealFiles = lazyFiles(sealRevision.doc());
            byte[] json = sealFiles.get(SealManifest.FILE_NAME);
            recordingJson = sealFiles.get(SealManifest.RECORDING_FILE_NAME);
            if (json == null) {
                out.add(Finding.fail("seal", "机构封存修订中没有封存清单", "the seal revision carries no seal manifest"));
                return;
            }
            seal = SealManifest.parse(json);
        } catch (IOException | RuntimeException e) {
            out.add(Finding.fail("seal", "封存清单无法读取", "the seal manifest cannot be read"));
            return;
        }
        boolean ok = true;
        for (SealManifest.SignerEntry e : seal.signers()) {
            SignerRole role = SignerRole.valueOf(e.role());
            if (!names.contains(e.fieldName())) {
                ok = false;
                out.add(Finding.fail("seal", role.zh() + e.signerName() + "的签名（字段 " + e.fieldName() + "）已被删除",
                        "the " + role.en() + "'s signature (field " + e.fieldName() + ") was removed"));
                continue;
            }
            boolean matches = signers.stream().anyMatch(s -> s.field().equals(e.fieldName())
                    && s.manifestSha256().equals(e.manifestSha256()));
            if (!matches) {
                ok = false;
                out.add(Finding.fail("seal", role.zh() + e.signerName() + "的签名与封存清单不符",
                        "the " + role.en() + "'s signature does not match the seal manifest"));
            }
        }
        if (ok) {
            out.add(Finding.ok("seal", "封存清单列出的 " + seal.signers().size() + " 个签名全部存在且一致",
                    "all " + seal.signers().size() + " signatures listed by the seal manifest are present"));
        }
        recordingManifest(seal, recordingJson, out, options);
    }

    /** The recording manifest embedded in the seal revision: present, as the seal manifest states, its segments. */
    private static void recordingManifest(SealManifest seal, byte[] json, List<Finding> out, Options options) {
        if (seal.recordingManifestSha256() == null) {
            if (json != null) {
                out.add(Finding.fail("recording-manifest", "封存修订中的录像清单未被封存清单记录",
                        "the seal revision carries a recording manifest the seal manifest does not name"));
            }
            return;
        }
        if (json == null || !Pki.sha256Hex(json).equals(seal.recordingManifestSha256())) {
            out.add(Finding.fail("recording-manifest", "录像清单缺失或与封存清单记录的哈希不符",
                    "the recording manifest is missing or does not match the hash in the seal manifest"));
            return;
        }
        int segments;
        try {
            com.fasterxml.jackson.databind.JsonNode node = EvidenceJson.mapper().readTree(json);
            segments = node.path("segments").size();
        } catch (IOException e) {
            out.add(Finding.fail("recording-manifest", "录像清单无法解析", "the recording manifest cannot be parsed"));
            return;
        }
        out.add(Finding.ok("recording-manifest", "录像清单已封存：" + segments + " 个片段，链头 "
                + seal.recordingChainHead(), "recording manifest sealed: " + segments + " segments, chain head "
                + seal.recordingChainHead()));
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
            out.add(bad.isEmpty() ? Finding.ok("recording-segment", "录像清单列出的 " + segments + " 个片段与哈希一致",
                    "all " + segments + " recording segments listed match their hashes")
                    : Finding.fail("recording-segment", "录像片段缺失或与哈希不符：" + String.join(", ", bad),
                            "recording segments missing or not matching their hash: " + String.join(", ", bad)));
        } catch (IOException e) {
            out.add(Finding.fail("recording-segment", "录像片段无法读取：" + e.getMessage(),
                    "recording segments cannot be read: " + e.getMessage()));
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
