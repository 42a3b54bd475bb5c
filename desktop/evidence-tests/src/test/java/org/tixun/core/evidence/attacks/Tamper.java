// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.attacks;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.function.Consumer;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.pki.IssuedCredential;

/** The attacker's tools: incremental updates, re-stamping and re-sealing with the institution's keys, truncation. */
final class Tamper {
    private Tamper() {
    }

    /** Appends an incremental update made by a plain iText document (as an attacker's tool would write it). */
    static byte[] update(byte[] pdf, Consumer<PdfDocument> change) {
        return update(pdf, change, new WriterProperties());
    }

    static byte[] update(byte[] pdf, Consumer<PdfDocument> change, WriterProperties writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)), new PdfWriter(out, writer),
                new StampingProperties().useAppendMode())) {
            change.accept(doc);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** iText's signer on a plain document: an attacker's file need not be PDF/A for the tool to sign it. */
    private static final class Signer extends PdfSigner {
        Signer(byte[] pdf, ByteArrayOutputStream out) throws java.io.IOException {
            super(new PdfReader(new ByteArrayInputStream(pdf)), out, new StampingProperties().useAppendMode());
        }

        @Override
        protected PdfDocument initDocument(PdfReader reader, PdfWriter writer, StampingProperties properties) {
            return new PdfDocument(reader, writer, properties);
        }
    }

    /** A new document time-stamp over the whole file from the given TSA (the institution's: every workstation has it). */
    static byte[] restamp(byte[] pdf, ITSAClient tsa, String field) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfSigner signer = new Signer(pdf, out);
            signer.timestamp(tsa, field);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("re-stamping failed", e);
        }
    }

    /** An approval signature by the given key (the seal, or a forged signer) with a signature time-stamp. */
    static byte[] sign(byte[] pdf, IssuedCredential key, ITSAClient tsa, String field) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfSigner signer = new Signer(pdf, out);
            signer.setSignerProperties(new SignerProperties().setFieldName(field).setPageNumber(1)
                    .setPageRect(new Rectangle(0, 0, 0, 0)).setReason("机构封存 institution seal"));
            signer.signDetached(new BouncyCastleDigest(), new PrivateKeySignature(key.privateKey(), "SHA256", null),
                    key.chainArray(), null, null, tsa, 12000, PdfSigner.CryptoStandard.CADES);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The file as it was when the named signature's revision was written (everything after it stripped). */
    static byte[] truncateAfter(byte[] pdf, String field) {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            PdfArray br = new SignatureUtil(doc).getSignature(field).getByteRange();
            int end = br.getAsNumber(2).intValue() + br.getAsNumber(3).intValue();
            return Arrays.copyOf(pdf, end);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page dictionary of a page, marked modified. */
    static PdfDictionary page(PdfDocument doc, int n) {
        PdfDictionary p = doc.getPage(n).getPdfObject();
        p.setModified();
        return p;
    }

    /** An RFC 3161 "TSA" that stamps any time it is told, with the institution's TSA key (the insider's). */
    static ITSAClient forgedTsa(IssuedCredential tsaKey, Instant genTime) {
        return new ITSAClient() {
            @Override
            public int getTokenSizeEstimate() {
                return 4096;
            }

            @Override
            public MessageDigest getMessageDigest() throws java.security.GeneralSecurityException {
                return MessageDigest.getInstance("SHA-256");
            }

            @Override
            public byte[] getTimeStampToken(byte[] imprint) throws Exception {
                TimeStampTokenGenerator gen = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                        .build("SHA256withECDSA", tsaKey.privateKey(), tsaKey.certificate()),
                        new org.bouncycastle.operator.bc.BcDigestCalculatorProvider().get(
                                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                        org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                        EmbeddedTsa.POLICY);
                gen.addCertificates(new JcaCertStore(tsaKey.chain()));
                TimeStampRequestGenerator req = new TimeStampRequestGenerator();
                req.setCertReq(true);
                var request = req.generate(TSPAlgorithms.SHA256, imprint);
                var response = new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED).generate(request,
                        BigInteger.valueOf(System.nanoTime()), Date.from(genTime));
                return response.getTimeStampToken().getEncoded();
            }
        };
    }
}
