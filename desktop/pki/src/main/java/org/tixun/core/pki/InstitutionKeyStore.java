// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tixun.core.pki.i18n.PkiMessages;

/**
 * The institution's keys in one PKCS#12 file: root CA, seal, escrow, workstation TLS and TSA keys,
 * all EC P-256, and the issuing of per-signer event and terminal TLS certificates.
 */
public final class InstitutionKeyStore {
    static final String ROOT = "root-ca";
    static final String SEAL = "seal";
    static final String ESCROW = "escrow";
    static final String TLS = "tls";
    static final String TSA = "tsa";
    private static final String SIG_ALG = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCredential root;
    private final IssuedCredential seal;
    private final IssuedCredential escrow;
    private final IssuedCredential tls;
    private final IssuedCredential tsa;
    private final String institutionName;

    private InstitutionKeyStore(String institutionName, IssuedCredential root, IssuedCredential seal,
            IssuedCredential escrow, IssuedCredential tls, IssuedCredential tsa) {
        this.institutionName = institutionName;
        this.root = root;
        this.seal = seal;
        this.escrow = escrow;
        this.tls = tls;
        this.tsa = tsa;
    }

    /**
     * Generates a new institution key hierarchy and writes it atomically (temp file, fsync, move) to {@code p12}.
     *
     * @throws IOException if the file cannot be written; an existing file is never left half-written
     */
    public static InstitutionKeyStore create(Path p12, char[] passphrase, String institutionName) throws IOException {
        Objects.requireNonNull(passphrase, "passphrase");
        if (institutionName == null || institutionName.isBlank()) {
            throw new IllegalArgumentException("institution name is required");
        }
        Pki.provider();
        Instant now = Instant.now();
        KeyPair rootKeys = Pki.newEcKeyPair();
        X500Name rootName = name(institutionName + " 根证书 Root CA", null, institutionName);
        X509Certificate rootCert;
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(rootName, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365L * 30))),
                    rootName, rootKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(rootKeys.getPublic()));
            rootCert = sign(builder, rootKeys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the root CA certificate", e);
        }
        IssuedCredential root = new IssuedCredential(rootKeys.getPrivate(), List.of(rootCert));
        InstitutionKeyStore partial = new InstitutionKeyStore(institutionName, root, null, null, null, null);
        IssuedCredential seal = partial.sealCertificate(null);
        IssuedCredential escrow = partial.issue(institutionName + " 生物特征托管 Escrow", null,
                new KeyUsage(KeyUsage.keyAgreement), null, false, null, null, Duration.ofDays(365L * 20));
        IssuedCredential tls = partial.issue(institutionName + " 工作站 Workstation", null,
                new KeyUsage(KeyUsage.digitalSignature),
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}, false,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}), null, Duration.ofDays(365L * 5));
        IssuedCredential tsa = partial.tsaCertificate(null);
        InstitutionKeyStore store = new InstitutionKeyStore(institutionName, root, seal, escrow, tls, tsa);
        store.write(p12, passphrase);
        return store;
    }

    /**
     * Opens an existing institution key store.
     *
     * @throws WrongPassphraseException if the passphrase does not unlock the file
     * @throws KeyStoreUnreadableException if the file is missing, corrupt or incomplete
     */
    public static InstitutionKeyStore open(Path p12, char[] passphrase) throws IOException {
        Objects.requireNonNull(passphrase, "passphrase");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p12);
        } catch (NoSuchFileException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.notFound", p12), e);
        }
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), passphrase);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new WrongPassphraseException(p12.toString(), e);
            }
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.corrupt", p12), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.corrupt", p12), e);
        }
        try {
            IssuedCredential root = read(ks, ROOT, passphrase, p12);
            String institution = readOrganisation(root.certificate());
            InstitutionKeyStore store = new InstitutionKeyStore(institution, root, read(ks, SEAL, passphrase, p12),
                    read(ks, ESCROW, passphrase, p12), read(ks, TLS, passphrase, p12), read(ks, TSA, passphrase, p12));
            return upgradeIfLegacy(store, p12, bytes, passphrase);
        } catch (UnrecoverableKeyException e) {
            throw new WrongPassphraseException(p12.toString(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.entryUnreadable", p12), e);
        }
    }

    /**
     * A key store written before role-bound certificates gets its seal and TSA keys re-certified with their role
     * policies (same keys): the previous file is kept beside it as {@code <name>.pre-roles} and the upgraded one
     * written atomically. When the file cannot be written the upgrade holds in memory only and is logged.
     */
    private static InstitutionKeyStore upgradeIfLegacy(InstitutionKeyStore store, Path p12, byte[] original,
            char[] passphrase) {
        if (store.roleCertificatesCurrent()) {
            return store;
        }
        InstitutionKeyStore upgraded = store.withRoleCertificates();
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InstitutionKeyStore.class);
        try {
            Path backup = p12.resolveSibling(p12.getFileName() + ".pre-roles");
            if (!Files.exists(backup)) {
                writeAtomically(backup, original);
            }
            upgraded.write(p12, passphrase);
            log.warn("key store {} predates role-bound certificates: seal and TSA keys re-certified with their role"
                    + " policies (same keys); the previous file is kept as {}", p12, backup);
        } catch (IOException e) {
            log.warn("key store {} predates role-bound certificates and cannot be rewritten ({}): role certificates"
                    + " re-issued for this session only", p12, e.getMessage());
        }
        return upgraded;
    }

    private static IssuedCredential read(KeyStore ks, String alias, char[] pass, Path file)
            throws GeneralSecurityException, KeyStoreUnreadableException {
        if (!ks.isKeyEntry(alias)) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.entryMissing", alias, file), null);
        }
        PrivateKey key = (PrivateKey) ks.getKey(alias, pass);
        Certificate[] chain = ks.getCertificateChain(alias);
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : chain) {
            certs.add((X509Certificate) c);
        }
        return new IssuedCredential(key, certs);
    }

    private static String readOrganisation(X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(BCStyle.O);
        return rdns.length == 0 ? "" : rdns[0].getFirst().getValue().toString();
    }

    private void write(Path p12, char[] passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, passphrase);
            ks.setKeyEntry(ROOT, root.privateKey(), passphrase, root.chainArray());
            ks.setKeyEntry(SEAL, seal.privateKey(), passphrase, seal.chainArray());
            ks.setKeyEntry(ESCROW, escrow.privateKey(), passphrase, escrow.chainArray());
            ks.setKeyEntry(TLS, tls.privateKey(), passphrase, tls.chainArray());
            ks.setKeyEntry(TSA, tsa.privateKey(), passphrase, tsa.chainArray());
            ks.store(out, passphrase);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the PKCS#12 key store", e);
        }
        writeAtomically(p12, out.toByteArray());
    }

    /**
     * Opens the institution keys on a PKCS#11 token or HSM through a SunPKCS11 configuration file; the token holds
     * the same aliases as the PKCS#12 file ({@code root-ca}, {@code seal}, {@code escrow}, {@code tls}, {@code tsa}).
     * Escrow decryption needs the exported escrow PKCS#12 ({@link #openEscrowKey}); ECDH with the CMS KDF does not run
     * on tokens.
     *
     * @throws WrongPassphraseException if the PIN is refused
     */
    public static InstitutionKeyStore openPkcs11(Path sunPkcs11Config, char[] pin) throws IOException {
        java.security.Provider base = java.security.Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.pkcs11.unsupported"), null);
        }
        java.security.Provider token;
        try {
            token = base.configure(sunPkcs11Config.toString());
        } catch (RuntimeException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.pkcs11.badConfig", sunPkcs11Config, e), e);
        }
        // Keys only work through a registered provider; reuse the instance already registered for this token.
        java.security.Provider registered = java.security.Security.getProvider(token.getName());
        if (registered == null) {
            java.security.Security.addProvider(token);
        } else {
            token = registered;
        }
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS11", token);
            ks.load(null, pin);
        } catch (IOException e) {
            if (causedByLogin(e)) {
                throw WrongPassphraseException.pin(token.getName(), e);
            }
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.pkcs11.cannotOpen", e), e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.pkcs11.cannotOpen", e), e);
        }
        try {
            IssuedCredential root = read(ks, ROOT, pin, sunPkcs11Config);
            InstitutionKeyStore store = new InstitutionKeyStore(readOrganisation(root.certificate()), root, read(ks,
                    SEAL, pin, sunPkcs11Config), read(ks, ESCROW, pin, sunPkcs11Config), read(ks, TLS, pin,
                    sunPkcs11Config), read(ks, TSA, pin, sunPkcs11Config));
            if (!store.roleCertificatesCurrent()) {
                org.slf4j.LoggerFactory.getLogger(InstitutionKeyStore.class).warn("the PKCS#11 token's seal and TSA"
                        + " certificates predate role-bound certificates: re-issued with their role policies for this"
                        + " session (the token is not written)");
                return store.withRoleCertificates();
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.pkcs11.entryUnreadable", e), e);
        }
    }

    private static boolean causedByLogin(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.security.auth.login.LoginException) {
                return true;
            }
        }
        return false;
    }

    /** Writes bytes to a temp file beside the target, fsyncs it and moves it over the target. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Directories cannot be opened for fsync on some platforms (Windows); the file itself was forced.
            return;
        }
    }

    /**
     * Issues a one-time event certificate for one signer, carrying the SHA-256 of their manifest.
     *
     * @param signerName shown by any PDF viewer as the signer
     * @param role the signer's role in words (e.g. 「犯罪嫌疑人 suspect」)
     * @param manifestSha256 32-byte hash of the signer's manifest.json
     */
    public IssuedCredential issueEventCertificate(String signerName, String role, byte[] manifestSha256) {
        if (manifestSha256 == null || manifestSha256.length != 32) {
            throw new IllegalArgumentException("manifest SHA-256 must be 32 bytes");
        }
        return issue(signerName, role, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null, false,
                null, manifestSha256, Duration.ofDays(365L * 10), EvidenceExtensions.POLICY_SIGNATURE_EVENT, null);
    }

    /** The seal certificate: non-repudiation, the seal policy; a new key, or {@code keys} kept (upgrade). */
    private IssuedCredential sealCertificate(KeyPair keys) {
        return issue(institutionName + " 电子印章 Seal", null,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null, false, null, null,
                Duration.ofDays(365L * 10), EvidenceExtensions.POLICY_SEAL, keys);
    }

    /** The TSA certificate: critical id-kp-timeStamping as its only extended key usage, the TSA policy. */
    private IssuedCredential tsaCertificate(KeyPair keys) {
        return issue(institutionName + " 时间戳服务 TSA", null, new KeyUsage(KeyUsage.digitalSignature),
                new KeyPurposeId[] {KeyPurposeId.id_kp_timeStamping}, true, null, null, Duration.ofDays(365L * 10),
                EvidenceExtensions.POLICY_TSA, keys);
    }

    /**
     * True when the seal and TSA certificates carry their role policies; key stores made by versions before role-bound
     * certificates do not.
     */
    public boolean roleCertificatesCurrent() {
        return EvidenceExtensions.policies(seal.certificate()).contains(EvidenceExtensions.POLICY_SEAL.getId())
                && EvidenceExtensions.policies(tsa.certificate()).contains(EvidenceExtensions.POLICY_TSA.getId());
    }

    /**
     * A key store from before role-bound certificates, upgraded: the seal and TSA keys are kept and re-certified by
     * the root with their role policies (a root key on the store is needed). The old certificates stay valid for the
     * records they signed.
     */
    InstitutionKeyStore withRoleCertificates() {
        if (roleCertificatesCurrent()) {
            return this;
        }
        IssuedCredential newSeal = sealCertificate(new KeyPair(seal.certificate().getPublicKey(), seal.privateKey()));
        IssuedCredential newTsa = tsaCertificate(new KeyPair(tsa.certificate().getPublicKey(), tsa.privateKey()));
        return new InstitutionKeyStore(institutionName, root, newSeal, escrow, tls, newTsa);
    }

    /** Issues a TLS client+server certificate for a terminal, with its host name or address. */
    public IssuedCredential issueTlsCertificate(String terminalName, String dnsOrIp) {
        GeneralName san = dnsOrIp.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, dnsOrIp)
                : new GeneralName(GeneralName.dNSName, dnsOrIp);
        return issue(terminalName, null, new KeyUsage(KeyUsage.digitalSignature),
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}, false,
                new GeneralNames(san), null, Duration.ofDays(365L * 2));
    }

    private IssuedCredential issue(String commonName, String title, KeyUsage usage, KeyPurposeId[] ekus,
            boolean ekuCritical, GeneralNames san, byte[] manifestHash, Duration validity) {
        return issue(commonName, title, usage, ekus, ekuCritical, san, manifestHash, validity, null, null);
    }

    /**
     * Issues a certificate; {@code policy} binds it to one role (decision 0009); {@code keys} reuses a key pair (the
     * role-certificate upgrade of an older key store), null makes a new one.
     */
    private IssuedCredential issue(String commonName, String title, KeyUsage usage, KeyPurposeId[] ekus,
            boolean ekuCritical, GeneralNames san, byte[] manifestHash, Duration validity,
            org.bouncycastle.asn1.ASN1ObjectIdentifier policy, KeyPair reuse) {
        KeyPair keys = reuse != null ? reuse : Pki.newEcKeyPair();
        Instant now = Instant.now();
        X509Certificate issuer = root.certificate();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                    Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(validity)),
                    name(commonName, title, institutionName),
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, usage);
            if (ekus != null) {
                builder.addExtension(Extension.extendedKeyUsage, ekuCritical, new ExtendedKeyUsage(ekus));
            }
            if (san != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, san);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
            if (manifestHash != null) {
                builder.addExtension(EvidenceExtensions.MANIFEST_SHA256, false, new DEROctetString(manifestHash));
            }
            if (policy != null) {
                builder.addExtension(Extension.certificatePolicies, false, new org.bouncycastle.asn1.x509
                        .CertificatePolicies(new org.bouncycastle.asn1.x509.PolicyInformation(policy)));
            }
            return new IssuedCredential(keys.getPrivate(), List.of(sign(builder, root.privateKey()), issuer));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
        }
    }

    /** A freshly signed, empty CRL from the root CA (this update now, next update in 30 days). */
    public X509CRL crl() {
        Instant now = Instant.now();
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(30))));
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(root.certificate()));
            builder.addExtension(Extension.cRLNumber, false,
                    new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            X509CRLHolder holder = builder.build(signer(root.privateKey()));
            return new JcaX509CRLConverter().setProvider(Pki.provider()).getCRL(holder);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign the CRL", e);
        }
    }

    private static X500Name name(String cn, String title, String org) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.O, org);
        if (title != null) {
            b.addRDN(BCStyle.T, title);
        }
        b.addRDN(BCStyle.CN, cn);
        return b.build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            // No explicit provider: JCA picks the one that holds the key (SunEC in software, SunPKCS11 on a token).
            return new JcaContentSignerBuilder(SIG_ALG).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(SIG_ALG + " unavailable", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().setProvider(Pki.provider()).getCertificate(builder.build(signer(key)));
    }

    public String institutionName() {
        return institutionName;
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public IssuedCredential sealCredential() {
        return seal;
    }

    public IssuedCredential escrowCredential() {
        return escrow;
    }

    public X509Certificate escrowCertificate() {
        return escrow.certificate();
    }

    public IssuedCredential tlsCredential() {
        return tls;
    }

    public IssuedCredential tsaCredential() {
        return tsa;
    }

    /** The escrow public key, for encrypting biometric data. */
    public PublicKey escrowPublicKey() {
        return escrow.certificate().getPublicKey();
    }

    /** Writes only the escrow key (with its chain) to a separate PKCS#12, for the clerk who replays strokes. */
    public void exportEscrowKey(Path p12, char[] passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, passphrase);
            ks.setKeyEntry(ESCROW, escrow.privateKey(), passphrase, escrow.chainArray());
            ks.store(out, passphrase);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the escrow PKCS#12", e);
        }
        writeAtomically(p12, out.toByteArray());
    }

    /** Reads the escrow credential from a PKCS#12 holding an {@code escrow} entry (or any single key entry). */
    public static IssuedCredential openEscrowKey(Path p12, char[] passphrase) throws IOException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, passphrase);
            String alias = ks.isKeyEntry(ESCROW) ? ESCROW : null;
            if (alias == null) {
                for (String a : java.util.Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        alias = a;
                        break;
                    }
                }
            }
            if (alias == null) {
                throw new KeyStoreUnreadableException(PkiMessages.of("keystore.escrow.noKey", p12), null);
            }
            return read(ks, alias, passphrase, p12);
        } catch (NoSuchFileException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.escrow.notFound", p12), e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new WrongPassphraseException(p12.toString(), e);
            }
            throw e;
        } catch (UnrecoverableKeyException e) {
            throw new WrongPassphraseException(p12.toString(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.escrow.unreadable", p12), e);
        }
    }

    @Override
    public String toString() {
        return "InstitutionKeyStore[" + institutionName + ", keys hidden]";
    }
}
