// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.i18n.PkiMessages;

/**
 * The GM (国密) track: an SM2 root and SM2 seal key in their own PKCS#12 (BouncyCastle's, since the JDK cannot parse
 * SM2 certificates), and detached SM2/SM3 CMS signatures over each signer's manifest.
 */
public final class GmKeyStore {
    static final String ROOT = "gm-root";
    static final String SEAL = "gm-seal";
    private static final String ALG = "SM3withSM2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCredential root;
    private final IssuedCredential seal;

    private GmKeyStore(IssuedCredential root, IssuedCredential seal) {
        this.root = root;
        this.seal = seal;
    }

    /** Generates the SM2 root and seal key and writes them atomically to {@code p12}. */
    public static GmKeyStore create(Path p12, char[] passphrase, String institutionName) throws IOException {
        try {
            Instant now = Instant.now();
            KeyPair rootKeys = sm2KeyPair();
            X500Name rootName = name(institutionName + " 国密根证书 SM2 Root", institutionName);
            JcaX509v3CertificateBuilder rb = new JcaX509v3CertificateBuilder(rootName, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365L * 30))),
                    rootName, rootKeys.getPublic());
            rb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            rb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate rootCert = sign(rb, rootKeys.getPrivate());
            KeyPair sealKeys = sm2KeyPair();
            JcaX509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(rootCert, serial(),
                    Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(365L * 10))),
                    name(institutionName + " 国密电子印章 SM2 Seal", institutionName), sealKeys.getPublic());
            sb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            sb.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate sealCert = sign(sb, rootKeys.getPrivate());
            GmKeyStore store = new GmKeyStore(new IssuedCredential(rootKeys.getPrivate(), List.of(rootCert)),
                    new IssuedCredential(sealKeys.getPrivate(), List.of(sealCert, rootCert)));
            KeyStore ks = KeyStore.getInstance("PKCS12", Pki.provider());
            ks.load(null, passphrase);
            ks.setKeyEntry(ROOT, rootKeys.getPrivate(), passphrase, new Certificate[] {rootCert});
            ks.setKeyEntry(SEAL, sealKeys.getPrivate(), passphrase, new Certificate[] {sealCert, rootCert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, passphrase);
            InstitutionKeyStore.writeAtomically(p12, out.toByteArray());
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the GM key store", e);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("SM3withSM2 unavailable", e);
        }
    }

    /**
     * Opens a GM key store.
     *
     * @throws WrongPassphraseException if the passphrase is wrong
     */
    public static GmKeyStore open(Path p12, char[] passphrase) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p12);
        } catch (NoSuchFileException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.gm.notFound", p12), e);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", Pki.provider());
            ks.load(new ByteArrayInputStream(bytes), passphrase);
            return new GmKeyStore(read(ks, ROOT, passphrase), read(ks, SEAL, passphrase));
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("wrong password")) {
                throw new WrongPassphraseException(p12.toString(), e);
            }
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.gm.corrupt", p12), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyStoreUnreadableException(PkiMessages.of("keystore.gm.corrupt", p12), e);
        }
    }

    private static IssuedCredential read(KeyStore ks, String alias, char[] pass) throws GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : ks.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return new IssuedCredential((PrivateKey) ks.getKey(alias, pass), chain);
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public IssuedCredential sealCredential() {
        return seal;
    }

    /** A detached CMS SignedData (SM3withSM2, GM seal certificate and root included) over {@code content}. */
    public byte[] signDetached(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(Pki.provider()).build()).build(new JcaContentSignerBuilder(ALG)
                    .setProvider(Pki.provider()).build(seal.privateKey()), seal.certificate()));
            generator.addCertificates(new JcaCertStore(seal.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /**
     * Checks a detached SM2/SM3 signature over {@code content} and that its signer chains to {@code gmRoot}.
     *
     * @return null when valid, else the reason
     */
    public static Message verifyDetached(byte[] p7s, byte[] content, X509Certificate gmRoot) {
        try {
            CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(content), p7s);
            SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = data.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return PkiMessages.of("gm.noSignerCertificate");
            }
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Pki.provider())
                    .getCertificate(matches.iterator().next());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.provider()).build(cert))) {
                return PkiMessages.of("gm.signatureInvalid");
            }
            if (!cert.getIssuerX500Principal().equals(gmRoot.getSubjectX500Principal())) {
                return PkiMessages.of("gm.otherIssuer");
            }
            cert.verify(gmRoot.getPublicKey(), Pki.provider());
            return null;
        } catch (Exception e) {
            return PkiMessages.of("gm.unverifiable", e);
        }
    }

    private static KeyPair sm2KeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Pki.provider());
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().setProvider(Pki.provider())
                .getCertificate(builder.build(new JcaContentSignerBuilder(ALG).setProvider(Pki.provider()).build(key)));
    }

    private static X500Name name(String cn, String org) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, org).addRDN(BCStyle.CN, cn).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return "GmKeyStore[keys hidden]";
    }
}
