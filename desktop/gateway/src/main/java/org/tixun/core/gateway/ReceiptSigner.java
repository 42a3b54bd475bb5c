// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;

/** Signs receipts with a detached CMS (SHA-256 with ECDSA), certificate included. */
public final class ReceiptSigner {
    static final String KEY_FILE = "receipt-signing.p12";
    static final String PASS_FILE = "receipt-signing.pass";
    static final String CERT_FILE = "receipt-signing.pem";

    private final IssuedCredential credential;

    public ReceiptSigner(IssuedCredential credential) {
        this.credential = credential;
    }

    /**
     * The gateway's own key in {@code storeDir}: a self-signed EC P-256 certificate generated on first
     * start (PKCS#12 with a random passphrase beside it, owner-only), its certificate exported as PEM.
     */
    public static ReceiptSigner loadOrCreate(Path storeDir) throws IOException {
        Path p12 = storeDir.resolve(KEY_FILE);
        Path pass = storeDir.resolve(PASS_FILE);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(p12) && Files.exists(pass)) {
                char[] pw = Files.readString(pass, StandardCharsets.US_ASCII).trim().toCharArray();
                try (InputStream in = Files.newInputStream(p12)) {
                    ks.load(in, pw);
                }
                PrivateKey key = (PrivateKey) ks.getKey("receipt", pw);
                X509Certificate cert = (X509Certificate) ks.getCertificate("receipt");
                return new ReceiptSigner(new IssuedCredential(key, List.of(cert)));
            }
            Files.createDirectories(storeDir);
            KeyPair keys = Pki.newEcKeyPair();
            X500Name name = new X500Name("CN=Tixun reference gateway receipts");
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    keys.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Pki.provider())
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            char[] pw = HexFormat.of().formatHex(random).toCharArray();
            ks.load(null, null);
            ks.setKeyEntry("receipt", keys.getPrivate(), pw, new X509Certificate[] {cert});
            Files.writeString(pass, new String(pw), StandardCharsets.US_ASCII);
            ownerOnly(pass);
            try (OutputStream out = Files.newOutputStream(p12)) {
                ks.store(out, pw);
            }
            ownerOnly(p12);
            Certificates.writePem(storeDir.resolve(CERT_FILE), cert);
            return new ReceiptSigner(new IssuedCredential(keys.getPrivate(), List.of(cert)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot load or create the receipt signing key in " + storeDir + ": " + e.getMessage(),
                    e);
        }
    }

    /** The private key file is readable by its owner only; failing to set that is an error, not a warning. */
    private static void ownerOnly(Path p) throws IOException {
        if (!p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: the data directory's ACL applies
        }
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    public X509Certificate certificate() {
        return credential.certificate();
    }

    /** Base64 of a detached CMS SignedData over {@code content}. */
    public String sign(byte[] content) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Pki.provider()).build())
                    .build(new JcaContentSignerBuilder(algorithm()).setProvider(Pki.provider())
                            .build(credential.privateKey()), credential.certificate()));
            gen.addCertificates(new JcaCertStore(credential.chain()));
            return Base64.getEncoder().encodeToString(
                    gen.generate(new CMSProcessableByteArray(content), false).getEncoded());
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign the receipt: " + e.getMessage(), e);
        }
    }

    private String algorithm() {
        return "EC".equals(credential.privateKey().getAlgorithm()) || "ECDSA".equals(credential.privateKey().getAlgorithm())
                ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
