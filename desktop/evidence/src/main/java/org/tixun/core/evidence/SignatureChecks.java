// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDate;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.signatures.PdfSignature;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.Pki;

/** Cryptographic checks of one PDF signature: CMS integrity, time-stamp tokens, chain and revocation. */
final class SignatureChecks {
    private static final String TIMESTAMPING_EKU = "1.3.6.1.5.5.7.3.8";
    private final List<X509Certificate> trustAnchors;

    SignatureChecks(List<X509Certificate> trustAnchors) {
        this.trustAnchors = trustAnchors;
    }

    /** Certificates and CRLs of the document security store. */
    record Dss(List<X509Certificate> certs, List<X509CRL> crls) {
    }

    Finding chain(X509Certificate cert, Date when, Message label) {
        if (cert == null) {
            return Finding.fail("chain", EvidenceMessages.of("verify.chain.noCertificate", label));
        }
        for (X509Certificate anchor : trustAnchors) {
            if (!anchor.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                    && !anchor.equals(cert)) {
                continue;
            }
            try {
                cert.verify(anchor.getPublicKey());
                cert.checkValidity(when);
                return Finding.ok("chain", EvidenceMessages.of("verify.chain.trusted", label));
            } catch (GeneralSecurityException e) {
                return Finding.fail("chain", EvidenceMessages.of("verify.chain.invalid", label, e));
            }
        }
        return Finding.fail("chain", EvidenceMessages.of("verify.chain.untrusted", label));
    }

    Finding revocation(X509Certificate cert, Dss dss, Date when, Message label) {
        if (cert == null) {
            return Finding.fail("revocation", EvidenceMessages.of("verify.revocation.noCertificate", label));
        }
        Message stale = null;
        for (X509CRL crl : dss.crls()) {
            if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            for (X509Certificate anchor : trustAnchors) {
                try {
                    crl.verify(anchor.getPublicKey());
                } catch (GeneralSecurityException e) {
                    continue;
                }
                if (crl.isRevoked(cert)) {
                    return Finding.fail("revocation", EvidenceMessages.of("verify.revocation.revoked", label));
                }
                // The list speaks for the signing time only if it was still current then (or issued after it).
                if (crl.getNextUpdate() == null || when.after(crl.getNextUpdate())
                        || crl.getThisUpdate().after(crl.getNextUpdate())) {
                    stale = crl.getNextUpdate() == null
                            ? EvidenceMessages.of("verify.crl.noNextUpdate", crl.getThisUpdate().toInstant())
                            : EvidenceMessages.of("verify.crl.updates", crl.getThisUpdate().toInstant(),
                                    crl.getNextUpdate().toInstant());
                    continue;
                }
                return Finding.ok("revocation", EvidenceMessages.of("verify.revocation.notRevoked", label));
            }
        }
        if (stale != null) {
            return Finding.fail("revocation", EvidenceMessages.of("verify.revocation.stale", label, stale));
        }
        return Finding.fail("revocation", EvidenceMessages.of("verify.revocation.noData", label));
    }

    /** The roles a certificate may have in a sealed record. */
    enum Role {
        SIGNER, SEAL
    }

    /**
     * Whether a certificate is fit for its role: key usage, certificate policy (decision 0009). Returns null when it
     * is, else the problem in words.
     */
    static Message roleProblem(X509Certificate cert, Role role) {
        boolean[] ku = cert.getKeyUsage();
        java.util.Set<String> policies = org.tixun.core.pki.EvidenceExtensions.policies(cert);
        String policy = role == Role.SIGNER ? org.tixun.core.pki.EvidenceExtensions.POLICY_SIGNATURE_EVENT.getId()
                : org.tixun.core.pki.EvidenceExtensions.POLICY_SEAL.getId();
        try {
            if (cert.getExtendedKeyUsage() != null && cert.getExtendedKeyUsage().contains(TIMESTAMPING_EKU)) {
                return EvidenceMessages.of("verify.certificate.timestampingCannotSign");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return EvidenceMessages.of("verify.certificate.ekuUnreadable");
        }
        if (ku == null || !(ku.length > 1 && ku[1]) || (role == Role.SIGNER && !ku[0] && !ku[1])) {
            return EvidenceMessages.of("verify.certificate.noNonRepudiation");
        }
        if (!policies.contains(policy)) {
            return policies.isEmpty() ? EvidenceMessages.of("verify.certificate.noRolePolicy")
                    : EvidenceMessages.of("verify.certificate.otherRolePolicy", String.join(", ", policies), policy);
        }
        return null;
    }

    /** True when a TSA certificate is the institution's own (role policy of the institution TSA). */
    static boolean institutionTsa(X509Certificate tsa) {
        return tsa != null && org.tixun.core.pki.EvidenceExtensions.policies(tsa)
                .contains(org.tixun.core.pki.EvidenceExtensions.POLICY_TSA.getId());
    }

    /** What the CMS container says: signing certificate, whether it verifies over the signed bytes, its token. */
    record Cms(X509Certificate signer, boolean intact, TimeStampToken token, byte[] signatureValue) {
    }

    // BouncyCastle's lightweight CMS with the JDK's providers: verification never builds a BouncyCastleProvider,
    // which would cost most of a command-line verify's start-up.
    static Cms readCms(byte[] contents, byte[] signed) throws Exception {
        CMSSignedData data = new CMSSignedData(ContentInfo.getInstance(new ASN1InputStream(contents).readObject()));
        SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
        X509Certificate cert = certificate(data.getCertificates(), si);
        boolean intact = false;
        if (signed != null && cert != null) {
            CMSSignedData detached = new CMSSignedData(new CMSProcessableByteArray(signed),
                    ContentInfo.getInstance(new ASN1InputStream(contents).readObject()));
            SignerInformation s2 = detached.getSignerInfos().getSigners().iterator().next();
            try {
                intact = s2.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            } catch (CMSException e) {
                intact = false;
            }
        }
        TimeStampToken token = null;
        AttributeTable unsigned = si.getUnsignedAttributes();
        Attribute attr = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attr != null) {
            token = new TimeStampToken(new CMSSignedData(attr.getAttrValues().getObjectAt(0).toASN1Primitive()
                    .getEncoded()));
        }
        return new Cms(cert, intact, token, si.getSignature());
    }

    static Cms readTimestamp(byte[] contents, byte[] signed) throws Exception {
        TimeStampToken token = new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(
                new ASN1InputStream(contents).readObject())));
        X509Certificate cert = certificate(token.getCertificates(), null, token);
        boolean intact = signed != null && cert != null && Arrays.equals(token.getTimeStampInfo()
                .getMessageImprintDigest(), Pki.sha256(signed));
        return new Cms(cert, intact, token, null);
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate certificate(org.bouncycastle.util.Store<X509CertificateHolder> store,
            SignerInformation si) throws java.security.cert.CertificateException {
        var matches = store.getMatches((Selector<X509CertificateHolder>) (Selector<?>) si.getSID());
        return matches.isEmpty() ? null : new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate certificate(org.bouncycastle.util.Store<X509CertificateHolder> store,
            SignerInformation ignored, TimeStampToken token) throws java.security.cert.CertificateException {
        var matches = store.getMatches((Selector<X509CertificateHolder>) (Selector<?>) token.getSID());
        return matches.isEmpty() ? null : new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    }

    /** The TSA certificate a token names, or null. */
    static X509Certificate tsaCertificate(TimeStampToken token) {
        try {
            return certificate(token.getCertificates(), null, token);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            return null;
        }
    }

    static byte[] signedBytes(byte[] pdf, long[] range) {
        byte[] out = new byte[(int) (range[1] + range[3])];
        System.arraycopy(pdf, 0, out, 0, (int) range[1]);
        System.arraycopy(pdf, (int) range[2], out, (int) range[1], (int) range[3]);
        return out;
    }

    static Calendar claimedDate(PdfSignature sig) {
        PdfString m = sig.getDate();
        return m == null ? null : PdfDate.decode(m.toString());
    }

    Message checkToken(TimeStampToken token, byte[] signatureValue, boolean tsp) {
        try {
            @SuppressWarnings("unchecked")
            Selector<X509CertificateHolder> sid = (Selector<X509CertificateHolder>) (Selector<?>) token.getSID();
            var matches = token.getCertificates().getMatches(sid);
            if (matches.isEmpty()) {
                return EvidenceMessages.of("verify.token.noTsaCertificate");
            }
            X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert));
            if (tsaCert.getExtendedKeyUsage() == null || !tsaCert.getExtendedKeyUsage().equals(List.of(TIMESTAMPING_EKU))
                    || tsaCert.getCriticalExtensionOIDs() == null
                    || !tsaCert.getCriticalExtensionOIDs().contains("2.5.29.37")) {
                return EvidenceMessages.of("verify.token.noTimestampingUsage");
            }
            if (tsaCert.getKeyUsage() != null && !tsaCert.getKeyUsage()[0]) {
                return EvidenceMessages.of("verify.token.noDigitalSignature");
            }
            if (!tsaCert.getIssuerX500Principal().equals(tsaCert.getSubjectX500Principal())) {
                try {
                    tsaCert.checkValidity(token.getTimeStampInfo().getGenTime());
                } catch (GeneralSecurityException e) {
                    return EvidenceMessages.of("verify.token.tsaNotValidThen");
                }
            }
            boolean anchored = false;
            for (X509Certificate anchor : trustAnchors) {
                if (anchor.getSubjectX500Principal().equals(tsaCert.getIssuerX500Principal())) {
                    try {
                        tsaCert.verify(anchor.getPublicKey());
                        anchored = true;
                    } catch (GeneralSecurityException e) {
                        anchored = false;
                    }
                }
            }
            if (!anchored) {
                return EvidenceMessages.of("verify.token.tsaUntrusted");
            }
            if (!tsp && !Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(),
                    Pki.sha256(signatureValue))) {
                return EvidenceMessages.of("verify.token.otherSignature");
            }
            return null;
        } catch (Exception e) {
            return EvidenceMessages.of("verify.token.unverifiable", Verifier.oneLine(e));
        }
    }

    static long[] byteRange(PdfSignature sig) {
        PdfArray br = sig.getByteRange();
        if (br == null) {
            return new long[0];
        }
        long[] out = new long[br.size()];
        for (int i = 0; i < out.length; i++) {
            if (br.getAsNumber(i) == null) {
                return new long[0];
            }
            out[i] = br.getAsNumber(i).longValue();
        }
        return out;
    }

    static Dss readDss(PdfDocument doc) {
        List<X509Certificate> certs = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        PdfDictionary dss = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
        if (dss != null) {
            try {
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                PdfArray c = dss.getAsArray(PdfName.Certs);
                for (int i = 0; c != null && i < c.size(); i++) {
                    certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(
                            c.getAsStream(i).getBytes())));
                }
                PdfArray r = dss.getAsArray(PdfName.CRLs);
                for (int i = 0; r != null && i < r.size(); i++) {
                    crls.add((X509CRL) cf.generateCRL(new ByteArrayInputStream(r.getAsStream(i).getBytes())));
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // Damaged validation data counts as absent: the revocation check then fails with its own message.
                return new Dss(certs, crls);
            }
        }
        return new Dss(certs, crls);
    }
}
