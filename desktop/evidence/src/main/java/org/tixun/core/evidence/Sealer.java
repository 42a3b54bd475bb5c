// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.evidence.model.SlotKind;
import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDate;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.kernel.pdf.annot.PdfFileAttachmentAnnotation;
import com.itextpdf.kernel.pdf.annot.PdfStampAnnotation;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.evidence.format.InkMl;
import org.tixun.core.evidence.format.Iso19794Strokes;
import org.tixun.core.evidence.ink.InkLayout;
import org.tixun.core.evidence.ink.PdfInkPainter;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.evidence.tsa.TimestampUnavailableException;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;

/**
 * Seals a frozen record: one PAdES B-T revision per signer in signing order (ink, encrypted strokes, photos and
 * manifest, signed with a per-signer event certificate), then the institution seal, validation data (/DSS) and a
 * document time-stamp (PAdES B-LTA).
 */
public final class Sealer {
    /** Signature field of the institution's certification of the frozen record (DocMDP, first signature). */
    public static final String CERTIFICATION_FIELD = "institution-certification";
    /** Signature field of the institution seal. */
    public static final String SEAL_FIELD = "institution-seal";
    /** DocMDP level of the certification: form filling, signing and annotations (decision 0009). */
    public static final int DOC_MDP_LEVEL = 3;
    /** Signature field of the document time-stamp. */
    public static final String DOC_TIMESTAMP_FIELD = "document-timestamp";
    static final String MIME_CMS = "application/pkcs7-mime";
    /** Suffix of the GM-track attachment: {@code s<N>-manifest.json.sm2.p7s}. */
    public static final String GM_SUFFIX = ".sm2.p7s";
    private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);
    private static final int CMS_BASE_SIZE = 2200;

    private final InstitutionKeyStore keys;
    private final Rfc3161Client tsa;
    private final GmKeyStore gm;

    public Sealer(InstitutionKeyStore keys, Rfc3161Client tsa) {
        this(keys, tsa, null);
    }

    /**
     * A sealer that also adds the GM track: a detached SM2/SM3 signature over each signer's manifest.
     *
     * @param gm GM keys, or null for none
     */
    public Sealer(InstitutionKeyStore keys, Rfc3161Client tsa, GmKeyStore gm) {
        this.keys = keys;
        this.tsa = tsa;
        this.gm = gm;
    }

    /**
     * Seals the record.
     *
     * @throws SigningRulesException if a signing rule is broken (nothing is sealed)
     * @throws TimestampUnavailableException if the TSA cannot be reached (nothing is sealed; retry later)
     * @throws IOException if the frozen PDF cannot be read
     */
    public SealResult seal(SealRequest request) throws SigningRulesException, IOException {
        byte[] frozen = request.frozenPdf();
        int pageCount;
        List<String> pageHashes;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(frozen)))) {
            pageCount = doc.getNumberOfPages();
            pageHashes = PageFingerprints.of(doc);
        }
        List<SigningRules.Signer> signers = SigningRules.check(request, pageCount);
        // Fail early, before any work, when no time-stamp can be had: the record stays frozen.
        tsa.stamp(Pki.sha256(frozen));
        Map<String, SignatureSlot> slots = new HashMap<>();
        for (SignatureSlot s : request.slots()) {
            slots.put(s.id(), s);
        }
        String frozenHash = Pki.sha256Hex(frozen);
        List<SealResult.RevisionInfo> infos = new ArrayList<>();
        List<SealManifest.SignerEntry> entries = new ArrayList<>();
        List<X509Certificate> eventCerts = new ArrayList<>();
        long tc = System.nanoTime();
        byte[] current = certify(frozen);
        infos.add(new SealResult.RevisionInfo("certification", CERTIFICATION_FIELD, System.nanoTime() - tc,
                current.length - frozen.length, 0, 0));
        int revision = 0;
        for (SigningRules.Signer signer : signers) {
            revision++;
            long t0 = System.nanoTime();
            SignerRevision made = signerRevision(request, signer, revision, current, slots, frozenHash, frozen.length,
                    pageHashes);
            infos.add(new SealResult.RevisionInfo(signer.identity().role().en() + " " + signer.identity().name(),
                    made.fieldName, System.nanoTime() - t0, made.pdf.length - current.length, made.photoBytes,
                    made.fingerprintBytes));
            entries.add(new SealManifest.SignerEntry(revision, made.fieldName, signer.identity().name(),
                    signer.identity().role().name(), made.manifestName, made.manifestSha256));
            eventCerts.add(made.certificate);
            current = made.pdf;
        }
        long t0 = System.nanoTime();
        byte[] sealed = sealRevision(request, current, entries, frozenHash);
        infos.add(new SealResult.RevisionInfo("seal", SEAL_FIELD, System.nanoTime() - t0,
                sealed.length - current.length,
                0, 0));
        t0 = System.nanoTime();
        byte[] withDss = addValidationData(sealed, eventCerts);
        infos.add(new SealResult.RevisionInfo("dss", null, System.nanoTime() - t0, withDss.length - sealed.length, 0,
                0));
        t0 = System.nanoTime();
        byte[] done = documentTimestamp(withDss);
        infos.add(new SealResult.RevisionInfo("doc-timestamp", DOC_TIMESTAMP_FIELD, System.nanoTime() - t0,
                done.length - withDss.length, 0, 0));
        LOG.info("sealed record {}: {} signer revisions, {} bytes", request.recordId(), signers.size(), done.length);
        return new SealResult(done, infos);
    }

    private record SignerRevision(byte[] pdf, String fieldName, String manifestName, String manifestSha256,
            X509Certificate certificate, long photoBytes, long fingerprintBytes) {
    }

    private record Attachment(String name, String mime, byte[] stored, String description) {
    }

    private SignerRevision signerRevision(SealRequest request, SigningRules.Signer signer, int revision,
            byte[] previous, Map<String, SignatureSlot> slots, String frozenHash, long frozenLength,
            List<String> pageHashes) throws IOException {
        long phase0 = System.nanoTime();
        String prefix = "s" + revision + "-";
        SignerRole role = signer.identity().role();
        List<SignatureEvent> events = signer.events();
        List<Attachment> attachments = new ArrayList<>();
        List<EvidenceManifest.FileEntry> files = new ArrayList<>();
        X509Certificate escrow = keys.escrowCertificate();
        // Strokes: ISO/IEC 19794-7 and InkML, encrypted to the escrow key.
        List<Iso19794Strokes.Representation> reps = new ArrayList<>();
        for (SignatureEvent e : events) {
            reps.add(new Iso19794Strokes.Representation(e.times().hostStart(), e.device(), e.samples()));
        }
        addEncrypted(attachments, files, prefix + "strokes.iso19794-7.p7m", "strokes-iso19794-7", null,
                Iso19794Strokes.encode(reps), escrow);
        addEncrypted(attachments, files, prefix + "strokes.inkml.p7m", "strokes-inkml", null, InkMl.encode(events),
                escrow);
        long photoBytes = 0;
        long fingerprintBytes = 0;
        Map<String, byte[]> fingerprints = new java.util.LinkedHashMap<>();
        List<EvidenceManifest.EventEntry> eventEntries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SignatureEvent e = events.get(i);
            String ep = prefix + e.eventId() + "-";
            if (e.photoAtPenDownJpeg() != null) {
                addPlain(attachments, files, ep + "pen-down.jpg", "photo-pen-down", e.eventId(), "image/jpeg",
                        e.photoAtPenDownJpeg());
                photoBytes += e.photoAtPenDownJpeg().length;
            }
            if (e.photoAtCompletionJpeg() != null) {
                addPlain(attachments, files, ep + "completion.jpg", "photo-completion", e.eventId(), "image/jpeg",
                        e.photoAtCompletionJpeg());
                photoBytes += e.photoAtCompletionJpeg().length;
            }
            if (e.fingerprintPng() != null) {
                fingerprints.put(e.eventId() + FingerprintArchive.entrySuffix(e.fingerprintPng()), e.fingerprintPng());
            }
            if (e.inkImagePng() != null) {
                addPlain(attachments, files, ep + "ink.png", "ink-image", e.eventId(), "image/png", e.inkImagePng());
            }
            SignatureSlot slot = slots.get(e.slotId());
            String tsaTime = null;
            String token = null;
            if (e.times().rfc3161Token() != null) {
                token = Base64.getEncoder().encodeToString(e.times().rfc3161Token());
                tsaTime = tokenTime(e.times().rfc3161Token());
            }
            EvidenceManifest.RecordingEntry rec = e.recording() == null ? null : new EvidenceManifest.RecordingEntry(
                    e.recording().segment(), e.recording().sha256(), str(e.recording().start()),
                    str(e.recording().end()));
            eventEntries.add(new EvidenceManifest.EventEntry(e.eventId(), e.slotId(), slot.pageNumber(),
                    slot.kind().name(), str(e.times().hostStart()), str(e.times().hostEnd()),
                    e.times().monotonicStartNanos(), e.times().monotonicEndNanos(), e.times().padStartMicros(),
                    e.times().padEndMicros(), tsaTime, token, e.device(), rec, e.samples().size(), i,
                    List.of(slot.x(), slot.y(), slot.width(), slot.height())));
        }
        if (!fingerprints.isEmpty()) {
            // One encrypted ZIP for all of a signer's fingerprint images: one key agreement instead of one per page.
            addEncrypted(attachments, files, prefix + "fingerprints.zip.p7m", "fingerprints", null,
                    FingerprintArchive.zip(fingerprints), escrow);
            fingerprintBytes = attachments.get(attachments.size() - 1).stored().length;
        }
        List<EvidenceManifest.RefusalEntry> refusals = new ArrayList<>();
        if (role == SignerRole.WITNESS) {
            for (Refusal r : request.refusals()) {
                if (r.witnessName().equals(signer.identity().name())) {
                    refusals.add(new EvidenceManifest.RefusalEntry(r.role().name(), r.reason(), r.witnessName()));
                }
            }
        }
        EvidenceManifest manifest = new EvidenceManifest(EvidenceManifest.FORMAT, request.recordId(),
                request.kind().name(), revision, signer.identity().name(), role.name(), signer.identity().identity(),
                frozenHash, frozenLength, pageHashes, Pki.sha256Hex(previous), previous.length, eventEntries, files,
                refusals.isEmpty() ? null : refusals, Instant.now().toString());
        byte[] manifestJson = manifest.toJson();
        String manifestName = prefix + "manifest.json";
        attachments.add(new Attachment(manifestName, "application/json", manifestJson,
                "证据清单 evidence manifest: " + role.zh() + " " + signer.identity().name()));
        if (gm != null) {
            attachments.add(new Attachment(manifestName + GM_SUFFIX, "application/pkcs7-signature",
                    gm.signDetached(manifestJson), "国密签名 SM2/SM3 signature of the manifest"));
        }
        byte[] manifestHash = Pki.sha256(manifestJson);
        IssuedCredential credential = keys.issueEventCertificate(signer.identity().name(), role.zh() + " " + role.en(),
                manifestHash);

        long phase1 = System.nanoTime();
        SignatureEvent primary = primaryEvent(events, slots);
        SignatureSlot primarySlot = slots.get(primary.slotId());
        ByteArrayOutputStream out = new ByteArrayOutputStream(previous.length + 64 * 1024);
        try {
            PlainPdfSigner signer2 = new PlainPdfSigner(previous, out);
            PdfDocument doc = signer2.getDocument();
            for (Attachment a : attachments) {
                attach(doc, primarySlot.pageNumber(), primarySlot.x(), primarySlot.y(), a, role.zh() + " "
                        + signer.identity().name());
            }
            for (SignatureEvent e : events) {
                if (e != primary) {
                    SignatureSlot slot = slots.get(e.slotId());
                    if (inkIntoEmptyField(doc, slot, appearance(doc, e, slot))) {
                        continue;
                    }
                    PdfStampAnnotation stamp = new PdfStampAnnotation(
                            new Rectangle(slot.x(), slot.y(), slot.width(), slot.height()));
                    stamp.setFlags(PdfAnnotation.PRINT | PdfAnnotation.LOCKED | PdfAnnotation.READ_ONLY);
                    stamp.setNormalAppearance(appearance(doc, e, slot).getPdfObject());
                    stamp.put(PdfName.NM, new PdfString(prefix + e.slotId()));
                    stamp.setContents(new PdfString(role.zh() + slot.kind().zh() + " " + signer.identity().name(),
                            "UnicodeBig"));
                    doc.getPage(slot.pageNumber()).addAnnotation(stamp);
                }
            }
            PdfFormXObject ink = appearance(doc, primary, primarySlot);
            Image image = new Image(ink);
            image.setWidth(primarySlot.width());
            image.setHeight(primarySlot.height());
            SignatureFieldAppearance look = new SignatureFieldAppearance(SignerProperties.IGNORED_ID);
            Div box = new Div().setMargin(0).setPadding(0);
            box.add(image.setMargins(0, 0, 0, 0));
            look.setContent(box);
            for (int p : new int[] {Property.PADDING_TOP, Property.PADDING_RIGHT, Property.PADDING_BOTTOM,
                    Property.PADDING_LEFT, Property.MARGIN_TOP, Property.MARGIN_RIGHT, Property.MARGIN_BOTTOM,
                    Property.MARGIN_LEFT}) {
                look.setProperty(p, UnitValue.createPointValue(0));
            }
            Calendar when = Calendar.getInstance();
            signer2.prepareField(primarySlot.id(), primarySlot.pageNumber(), new Rectangle(primarySlot.x(),
                    primarySlot.y(), primarySlot.width(), primarySlot.height()));
            signer2.setSignerProperties(new SignerProperties().setFieldName(primarySlot.id())
                    .setPageNumber(primarySlot.pageNumber())
                    .setPageRect(new Rectangle(primarySlot.x(), primarySlot.y(), primarySlot.width(),
                            primarySlot.height()))
                    .setSignatureAppearance(look).setReason(role.zh() + " " + role.en())
                    .setContact(signer.identity().name()).setClaimedSignDate(when)
                    .setSignatureCreator("Tixun"));
            long phase2 = System.nanoTime();
            sign(signer2, credential);
            if (LOG.isDebugEnabled()) {
                LOG.debug("revision {}: evidence+certificate {} ms, appearances {} ms, sign+write {} ms", revision,
                        (phase1 - phase0) / 1_000_000, (phase2 - phase1) / 1_000_000,
                        (System.nanoTime() - phase2) / 1_000_000);
            }
        } catch (GeneralSecurityException e) {
            throw timestampOr(e, EvidenceMessages.of("seal.signingFailed", role));
        }
        return new SignerRevision(out.toByteArray(), primarySlot.id(), manifestName, Pki.hex(manifestHash),
                credential.certificate(), photoBytes, fingerprintBytes);
    }

    /**
     * When revision 0 already has an empty signature field for a secondary slot (as the templates may render one per
     * slot), its widget takes the ink instead of a new stamp; the field stays unsigned, the signer's revision covers it.
     */
    private static boolean inkIntoEmptyField(PdfDocument doc, SignatureSlot slot, PdfFormXObject ink) {
        com.itextpdf.forms.PdfAcroForm form = com.itextpdf.forms.fields.PdfFormCreator.getAcroForm(doc, false);
        if (form == null) {
            return false;
        }
        com.itextpdf.forms.fields.PdfFormField field = form.getField(slot.id());
        if (field == null || !PdfName.Sig.equals(field.getFormType()) || field.getPdfObject().get(PdfName.V) != null
                || field.getWidgets().isEmpty()) {
            return false;
        }
        PdfDictionary widget = field.getWidgets().get(0).getPdfObject();
        PdfDictionary ap = new PdfDictionary();
        ap.put(PdfName.N, ink.getPdfObject());
        widget.put(PdfName.AP, ap);
        widget.put(PdfName.F, new com.itextpdf.kernel.pdf.PdfNumber(PdfAnnotation.PRINT | PdfAnnotation.LOCKED));
        widget.setModified();
        return true;
    }

    private static SignatureEvent primaryEvent(List<SignatureEvent> events, Map<String, SignatureSlot> slots) {
        SignatureEvent primary = null;
        for (SignatureEvent e : events) {
            if (slots.get(e.slotId()).kind() == SlotKind.SIGNATURE) {
                primary = e;
            }
        }
        return primary != null ? primary : events.get(events.size() - 1);
    }

    private static PdfFormXObject appearance(PdfDocument doc, SignatureEvent e, SignatureSlot slot) {
        if (slot.kind() == SlotKind.FINGERPRINT || slot.kind() == SlotKind.CORRECTION) {
            if (e.samples().isEmpty()) {
                // A reader's red impression when there is one; else the marker of a fingerprint taken elsewhere.
                return e.inkImagePng() != null
                        ? PdfInkPainter.impression(doc, e.inkImagePng(), slot.width(), slot.height())
                        : PdfInkPainter.fingerprintMarker(doc, slot.width(), slot.height());
            }
        }
        return PdfInkPainter.paint(doc, InkLayout.fit(e.samples(), e.device(), slot.width(), slot.height()));
    }

    private void sign(PdfSigner signer, IssuedCredential credential) throws IOException, GeneralSecurityException {
        // Provider left to JCA: software keys use SunEC, token keys their SunPKCS11 provider.
        PrivateKeySignature signature = new PrivateKeySignature(credential.privateKey(), "SHA256", null);
        int estimate = CMS_BASE_SIZE + tsa.getTokenSizeEstimate();
        signer.signDetached(new BouncyCastleDigest(), signature, credential.chainArray(), null, null, tsa, estimate,
                PdfSigner.CryptoStandard.CADES);
    }

    private IOException timestampOr(GeneralSecurityException e, Message what) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof TimestampUnavailableException tue) {
                return tue;
            }
            t = t.getCause();
        }
        return new LocalizedIOException(EvidenceMessages.of("seal.failedBecause", what, e), e);
    }

    private static void addEncrypted(List<Attachment> attachments, List<EvidenceManifest.FileEntry> files, String name,
            String purpose, String eventId, byte[] plain, X509Certificate escrow) {
        byte[] stored = EscrowCrypto.encrypt(plain, escrow);
        attachments.add(new Attachment(name, MIME_CMS, stored, "加密证据 encrypted evidence (" + purpose + ")"));
        files.add(new EvidenceManifest.FileEntry(name, purpose, MIME_CMS, true, eventId, Pki.sha256Hex(plain),
                Pki.sha256Hex(stored)));
    }

    private static void addPlain(List<Attachment> attachments, List<EvidenceManifest.FileEntry> files, String name,
            String purpose, String eventId, String mime, byte[] bytes) {
        attachments.add(new Attachment(name, mime, bytes, "证据 evidence (" + purpose + ")"));
        String h = Pki.sha256Hex(bytes);
        files.add(new EvidenceManifest.FileEntry(name, purpose, mime, false, eventId, h, h));
    }

    /**
     * Embeds one evidence file as a file attachment annotation (zero-size, printable, locked) on the given page, its
     * file specification also the annotation's associated file (/AF, PDF/A-3). Annotations are what the certification
     * level allows after earlier signatures; new /Catalog /AF or /Names entries are not (decision 0009).
     */
    private static void attach(PdfDocument doc, int page, float x, float y, Attachment a, String author) {
        PdfDictionary params = new PdfDictionary();
        params.put(PdfName.ModDate, new PdfDate().getPdfObject());
        PdfFileSpec spec = PdfFileSpec.createEmbeddedFileSpec(doc, a.stored(), a.description(), a.name(),
                new PdfName(a.mime()), params, PdfName.Supplement);
        if (!a.mime().startsWith("application/json")) {
            // Encrypted data and JPEG/PNG do not deflate: storing them as they are saves time and a few bytes.
            ((PdfDictionary) spec.getPdfObject()).getAsDictionary(PdfName.EF).getAsStream(PdfName.F)
                    .setCompressionLevel(com.itextpdf.kernel.pdf.CompressionConstants.NO_COMPRESSION);
        }
        spec.getPdfObject().makeIndirect(doc);
        PdfFileAttachmentAnnotation annot = new PdfFileAttachmentAnnotation(new Rectangle(x, y, 0, 0), spec);
        annot.setFlags(PdfAnnotation.PRINT | PdfAnnotation.LOCKED | PdfAnnotation.READ_ONLY);
        annot.put(PdfName.NM, new PdfString(a.name()));
        annot.setContents(new PdfString(a.description(), "UnicodeBig"));
        annot.setTitle(new PdfString(author, "UnicodeBig"));
        annot.put(PdfName.AF, new PdfArray(spec.getPdfObject()));
        doc.getPage(page).addAnnotation(annot);
    }

    /**
     * Revision 1: the institution certifies the frozen record (DocMDP P={@value #DOC_MDP_LEVEL}) with the seal key, an
     * invisible signature. Every later revision must be a change that level allows; our verifier checks a stricter
     * list (decision 0009).
     */
    private byte[] certify(byte[] frozen) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frozen.length + 16 * 1024);
        try {
            PlainPdfSigner signer = new PlainPdfSigner(frozen, out);
            signer.prepareField(CERTIFICATION_FIELD, 1, new Rectangle(0, 0, 0, 0));
            signer.setSignerProperties(new SignerProperties().setFieldName(CERTIFICATION_FIELD).setPageNumber(1)
                    .setPageRect(new Rectangle(0, 0, 0, 0))
                    .setCertificationLevel(com.itextpdf.signatures.AccessPermissions.ANNOTATION_MODIFICATION)
                    .setReason("机构认证冻结笔录 institution certifies the frozen record")
                    .setContact(keys.institutionName()).setSignatureCreator("Tixun"));
            sign(signer, keys.sealCredential());
        } catch (GeneralSecurityException e) {
            throw timestampOr(e, EvidenceMessages.of("seal.certificationFailed"));
        }
        return out.toByteArray();
    }

    private byte[] sealRevision(SealRequest request, byte[] previous, List<SealManifest.SignerEntry> entries,
            String frozenHash) throws IOException {
        List<EvidenceManifest.RefusalEntry> refusals = new ArrayList<>();
        for (Refusal r : request.refusals()) {
            refusals.add(new EvidenceManifest.RefusalEntry(r.role().name(), r.reason(), r.witnessName()));
        }
        byte[] recording = request.recordingManifest();
        SealManifest manifest = new SealManifest(SealManifest.FORMAT, request.recordId(), frozenHash, entries,
                refusals, Instant.now().toString(), recording == null ? null : Pki.sha256Hex(recording),
                recording == null ? null : recordingChainHead(recording), request.demo() ? Boolean.TRUE : null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(previous.length + 16 * 1024);
        try {
            PlainPdfSigner signer = new PlainPdfSigner(previous, out);
            signer.prepareField(SEAL_FIELD, 1, new Rectangle(0, 0, 0, 0));
            String author = "机构封存 institution seal";
            attach(signer.getDocument(), 1, 0, 0, new Attachment(SealManifest.FILE_NAME, "application/json",
                    manifest.toJson(), "封存清单 seal manifest"), author);
            if (recording != null) {
                attach(signer.getDocument(), 1, 0, 0, new Attachment(SealManifest.RECORDING_FILE_NAME,
                        "application/json", recording, "录像清单 recording manifest (segments, hashes, chain head)"),
                        author);
            }
            signer.setSignerProperties(new SignerProperties().setFieldName(SEAL_FIELD).setPageNumber(1)
                    .setPageRect(new Rectangle(0, 0, 0, 0)).setReason("机构封存 institution seal")
                    .setContact(keys.institutionName()).setSignatureCreator("Tixun"));
            sign(signer, keys.sealCredential());
        } catch (GeneralSecurityException e) {
            throw timestampOr(e, EvidenceMessages.of("seal.sealFailed"));
        }
        return out.toByteArray();
    }

    /**
     * PAdES B-LTA maintenance of a sealed record: a fresh CRL in /DSS and a new document time-stamp over everything,
     * each its own revision (only what validation data and time-stamps may change; the verifier accepts them).
     *
     * @throws TimestampUnavailableException if the TSA cannot be reached (the record is unchanged)
     */
    public byte[] renewTimestamp(byte[] sealed) throws IOException {
        int n = 2;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(sealed)))) {
            var names = new com.itextpdf.signatures.SignatureUtil(doc).getSignatureNames();
            while (names.contains(DOC_TIMESTAMP_FIELD + "-" + n)) {
                n++;
            }
        }
        byte[] withDss = addValidationData(sealed, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream(withDss.length + 8 * 1024);
        try {
            PlainPdfSigner signer = new PlainPdfSigner(withDss, out);
            signer.prepareField(DOC_TIMESTAMP_FIELD + "-" + n, 1, new Rectangle(0, 0, 0, 0));
            signer.timestamp(tsa, DOC_TIMESTAMP_FIELD + "-" + n);
        } catch (GeneralSecurityException e) {
            throw timestampOr(e, EvidenceMessages.of("seal.documentTimestampFailed"));
        }
        return out.toByteArray();
    }

    /** The {@code chainHead} of a recording manifest; the manifest must be JSON with one. */
    static String recordingChainHead(byte[] json) {
        try {
            com.fasterxml.jackson.databind.JsonNode head = EvidenceJson.mapper().readTree(json).get("chainHead");
            if (head == null || !head.isTextual()) {
                throw new IllegalArgumentException("the recording manifest has no chainHead");
            }
            return head.asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("the recording manifest is not JSON: " + e.getMessage(), e);
        }
    }

    private byte[] addValidationData(byte[] previous, List<X509Certificate> eventCerts) throws IOException {
        Set<X509Certificate> certs = new LinkedHashSet<>();
        certs.add(keys.rootCertificate());
        certs.add(keys.sealCredential().certificate());
        certs.add(keys.tsaCredential().certificate());
        certs.addAll(eventCerts);
        ByteArrayOutputStream out = new ByteArrayOutputStream(previous.length + 16 * 1024);
        try (PdfDocument doc = new AppendOnlyDocument(new PdfReader(new ByteArrayInputStream(previous)),
                new PdfWriter(out))) {
            PdfDictionary existing = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
            PdfDictionary dss = new PdfDictionary();
            PdfArray certArray = new PdfArray();
            PdfArray crlArray = new PdfArray();
            if (existing != null) {
                // LTA maintenance keeps every earlier validation object and adds the fresh ones.
                for (PdfName key : existing.keySet()) {
                    dss.put(key, existing.get(key, false));
                }
                if (existing.getAsArray(PdfName.Certs) != null) {
                    certArray.addAll(existing.getAsArray(PdfName.Certs));
                }
                if (existing.getAsArray(PdfName.CRLs) != null) {
                    crlArray.addAll(existing.getAsArray(PdfName.CRLs));
                }
            } else {
                for (X509Certificate c : certs) {
                    certArray.add(stream(doc, c.getEncoded()));
                }
            }
            crlArray.add(stream(doc, keys.crl().getEncoded()));
            dss.put(PdfName.Certs, certArray);
            dss.put(PdfName.CRLs, crlArray);
            doc.getCatalog().put(PdfName.DSS, dss);
            doc.getCatalog().setModified();
        } catch (CertificateEncodingException | CRLException e) {
            throw new IOException("cannot encode validation data", e);
        }
        return out.toByteArray();
    }

    private static PdfStream stream(PdfDocument doc, byte[] bytes) {
        PdfStream s = new PdfStream(bytes);
        s.setCompressionLevel(com.itextpdf.kernel.pdf.CompressionConstants.DEFAULT_COMPRESSION);
        s.makeIndirect(doc);
        return s;
    }

    private byte[] documentTimestamp(byte[] previous) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(previous.length + 8 * 1024);
        try {
            PlainPdfSigner signer = new PlainPdfSigner(previous, out);
            signer.prepareField(DOC_TIMESTAMP_FIELD, 1, new Rectangle(0, 0, 0, 0));
            signer.timestamp(tsa, DOC_TIMESTAMP_FIELD);
        } catch (GeneralSecurityException e) {
            throw timestampOr(e, EvidenceMessages.of("seal.documentTimestampFailed"));
        }
        return out.toByteArray();
    }

    private static String tokenTime(byte[] token) {
        try {
            return new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime().toInstant().toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("the event's RFC 3161 token is malformed", e);
        }
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
