// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * The workstation's terminal authority: signs enrolled terminals' certificate requests with the institution root key
 * and keeps the list of revoked terminal certificates, published as a CRL signed by the root.
 *
 * <p>{@code InstitutionKeyStore} exposes neither the root key nor CSR signing nor revocation, so this class reads the
 * {@code root-ca} entry of the same PKCS#12 file; see docs/decisions/0007-session-link.md.
 */
public final class SessionCa {
    private static final String ROOT_ALIAS = "root-ca";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate root;
    private final PrivateKey rootKey;
    private final String institutionName;
    private final Path revokedFile;

    private SessionCa(X509Certificate root, PrivateKey rootKey, String institutionName, Path revokedFile) {
        this.root = root;
        this.rootKey = rootKey;
        this.institutionName = institutionName;
        this.revokedFile = revokedFile;
    }

    /**
     * Opens the root key of an institution key store.
     *
     * @param p12 the institution PKCS#12 file
     * @param revokedFile text file of revoked serial numbers (hex, one a line), created on first revocation
     */
    public static SessionCa open(Path p12, char[] passphrase, InstitutionKeyStore keys, Path revokedFile)
            throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Files.readAllBytes(p12)), passphrase);
            PrivateKey key = (PrivateKey) ks.getKey(ROOT_ALIAS, passphrase);
            if (key == null) {
                throw new LocalizedIOException(SessionMessages.of("ca.noRootKey", p12));
            }
            return new SessionCa(keys.rootCertificate(), key, keys.institutionName(), revokedFile);
        } catch (GeneralSecurityException e) {
            throw new LocalizedIOException(SessionMessages.of("ca.rootKeyUnreadable", e), e);
        }
    }

    /** The institution root. */
    public X509Certificate rootCertificate() {
        return root;
    }

    /**
     * Issues a terminal TLS certificate for the key in a PKCS#10 request whose proof of possession verifies.
     *
     * @param csrDer the DER request
     * @param terminalName the common name to put in the certificate (the request's own subject is ignored)
     * @param dnsOrIp the address the workstation dials, put in the SAN for host name verification
     * @return the chain, leaf first, then the root
     */
    public List<X509Certificate> signTerminalRequest(byte[] csrDer, String terminalName, String dnsOrIp)
            throws IOException {
        Objects.requireNonNull(terminalName, "terminalName");
        Objects.requireNonNull(dnsOrIp, "dnsOrIp");
        JcaPKCS10CertificationRequest csr = parse(csrDer);
        PublicKey key = publicKey(csr);
        Instant now = Instant.now();
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new LinkRefusedException(SessionMessages.of("ca.badRequestSignature"));
            }
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            name.addRDN(BCStyle.O, institutionName);
            name.addRDN(BCStyle.CN, terminalName);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(root,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(1))),
                    Date.from(now.plus(Duration.ofDays(365L * 2))), name.build(), key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            GeneralName san = dnsOrIp.matches("[0-9.]+") || dnsOrIp.contains(":")
                    ? new GeneralName(GeneralName.iPAddress, dnsOrIp) : new GeneralName(GeneralName.dNSName, dnsOrIp);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root));
            X509Certificate leaf = new JcaX509CertificateConverter().setProvider(Pki.provider())
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey)));
            return List.of(leaf, root);
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new LocalizedIOException(SessionMessages.of("ca.cannotIssue", e), e);
        }
    }

    static JcaPKCS10CertificationRequest parse(byte[] csrDer) throws LinkRefusedException {
        try {
            return new JcaPKCS10CertificationRequest(csrDer);
        } catch (IOException | RuntimeException e) {
            throw new LinkRefusedException(SessionMessages.of("ca.malformedRequest"), e);
        }
    }

    static PublicKey publicKey(JcaPKCS10CertificationRequest csr) throws LinkRefusedException {
        try {
            return csr.setProvider(Pki.provider()).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new LinkRefusedException(SessionMessages.of("ca.unreadableRequestKey"), e);
        }
    }

    /** Revokes a certificate (kept in the revocation file) so the next {@link #crl()} lists it. */
    public synchronized void revoke(X509Certificate certificate) throws IOException {
        TreeSet<String> serials = new TreeSet<>(revokedSerials());
        serials.add(certificate.getSerialNumber().toString(16));
        InstitutionKeyStore.writeAtomically(revokedFile,
                (String.join("\n", serials) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private List<String> revokedSerials() throws IOException {
        if (!Files.exists(revokedFile)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(revokedFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** A freshly signed CRL listing every revoked terminal (next update in 7 days). */
    public synchronized X509CRL crl() throws IOException {
        Instant now = Instant.now();
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            for (String serial : revokedSerials()) {
                b.addCRLEntry(new BigInteger(serial, 16), Date.from(now), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return new JcaX509CRLConverter().setProvider(Pki.provider())
                    .getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new LocalizedIOException(SessionMessages.of("ca.cannotSignCrl", e), e);
        }
    }

    /** Convenience for the workstation: its own TLS context with the current CRL. */
    public SessionTls workstationTls(IssuedCredential workstationCredential) throws IOException {
        return SessionTls.create(SessionRole.WORKSTATION, workstationCredential, root, crl());
    }
}
