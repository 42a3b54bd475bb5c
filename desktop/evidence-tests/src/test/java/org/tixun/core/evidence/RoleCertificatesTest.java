// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.pki.EvidenceExtensions;
import org.tixun.core.pki.InstitutionKeyStore;

/** Each role's certificate carries its own usage and policy; older key stores are upgraded, not broken. */
class RoleCertificatesTest {
    private final EvidenceFixtures f = EvidenceFixtures.get();

    @Test
    void newKeyStoreBindsEachCertificateToItsRole() throws Exception {
        X509Certificate seal = f.keys.sealCredential().certificate();
        X509Certificate tsa = f.keys.tsaCredential().certificate();
        X509Certificate event = f.keys.issueEventCertificate("张三", "犯罪嫌疑人 suspect", new byte[32]).certificate();
        assertThat(EvidenceExtensions.policies(seal)).containsExactly(EvidenceExtensions.POLICY_SEAL.getId());
        assertThat(EvidenceExtensions.policies(tsa)).containsExactly(EvidenceExtensions.POLICY_TSA.getId());
        assertThat(EvidenceExtensions.policies(event)).containsExactly(
                EvidenceExtensions.POLICY_SIGNATURE_EVENT.getId());
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(SignatureChecks.roleProblem(seal, SignatureChecks.Role.SEAL)).isNull();
        assertThat(SignatureChecks.roleProblem(event, SignatureChecks.Role.SIGNER)).isNull();
        // Each certificate is refused in another role.
        assertThat(SignatureChecks.roleProblem(seal,
                SignatureChecks.Role.SIGNER).english()).contains("not this role's");
        assertThat(SignatureChecks.roleProblem(event, SignatureChecks.Role.SEAL).english()).contains("not this role's");
        assertThat(SignatureChecks.roleProblem(tsa, SignatureChecks.Role.SEAL).english()).contains("time-stamping");
        assertThat(f.keys.roleCertificatesCurrent()).isTrue();
    }

    @Test
    void keyStoreFromBeforeRoleCertificatesIsUpgradedKeepingItsKeysAndABackup() throws Exception {
        Path dir = Files.createTempDirectory(f.dir, "legacy");
        Path p12 = dir.resolve("institution.p12");
        char[] pass = "legacy passphrase".toCharArray();
        InstitutionKeyStore.create(p12, pass, "旧版检察院");
        // Rewrite the seal and TSA certificates the way earlier versions issued them: no role policy.
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            ks.load(in, pass);
        }
        PrivateKey rootKey = (PrivateKey) ks.getKey("root-ca", pass);
        X509Certificate root = (X509Certificate) ks.getCertificate("root-ca");
        X509Certificate oldSeal = legacy(root, rootKey, (X509Certificate) ks.getCertificate("seal"), false);
        X509Certificate oldTsa = legacy(root, rootKey, (X509Certificate) ks.getCertificate("tsa"), true);
        ks.setKeyEntry("seal", ks.getKey("seal", pass), pass, new java.security.cert.Certificate[] {oldSeal, root});
        ks.setKeyEntry("tsa", ks.getKey("tsa", pass), pass, new java.security.cert.Certificate[] {oldTsa, root});
        try (var out = Files.newOutputStream(p12)) {
            ks.store(out, pass);
        }
        byte[] legacyBytes = Files.readAllBytes(p12);
        assertThat(SignatureChecks.roleProblem(oldSeal,
                SignatureChecks.Role.SEAL).english()).contains("no role policy");

        InstitutionKeyStore upgraded = InstitutionKeyStore.open(p12, pass);
        assertThat(upgraded.roleCertificatesCurrent()).isTrue();
        assertThat(upgraded.sealCredential().certificate().getPublicKey()).isEqualTo(oldSeal.getPublicKey());
        assertThat(upgraded.tsaCredential().certificate().getPublicKey()).isEqualTo(oldTsa.getPublicKey());
        assertThat(Files.readAllBytes(dir.resolve("institution.p12.pre-roles"))).isEqualTo(legacyBytes);
        // The upgrade was written: the next open finds current certificates and leaves the file alone.
        InstitutionKeyStore again = InstitutionKeyStore.open(p12, pass);
        assertThat(again.sealCredential().certificate()).isEqualTo(upgraded.sealCredential().certificate());
    }

    @Test
    void revocationListMustBeCurrentAtSigningTime() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(f.keyStoreFile)) {
            ks.load(in, EvidenceFixtures.PASSPHRASE);
        }
        PrivateKey rootKey = (PrivateKey) ks.getKey("root-ca", EvidenceFixtures.PASSPHRASE);
        X509Certificate root = f.keys.rootCertificate();
        X509Certificate seal = f.keys.sealCredential().certificate();
        Instant signing = Instant.now();
        X509CRL expired = crl(root, rootKey, signing.minus(Duration.ofDays(60)), signing.minus(Duration.ofDays(30)));
        X509CRL current = crl(root, rootKey, signing.minus(Duration.ofDays(1)), signing.plus(Duration.ofDays(29)));
        SignatureChecks checks = new SignatureChecks(List.of(root));
        Finding stale = checks.revocation(seal, new SignatureChecks.Dss(List.of(), List.of(expired)),
                Date.from(signing), EvidenceMessages.of("verify.label.seal", "印章"));
        assertThat(stale.ok()).isFalse();
        assertThat(stale.en()).contains("not current at signing time");
        assertThat(checks.revocation(seal, new SignatureChecks.Dss(List.of(), List.of(current)), Date.from(signing),
                EvidenceMessages.of("verify.label.seal", "印章")).ok()).isTrue();
    }

    private static X509Certificate legacy(X509Certificate root, PrivateKey rootKey, X509Certificate current,
            boolean tsa) throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(root, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                current.getSubjectX500Principal(), current.getPublicKey());
        b.addExtension(Extension.keyUsage, true, new KeyUsage(tsa ? KeyUsage.digitalSignature
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (tsa) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(rootKey)));
    }

    private static X509CRL crl(X509Certificate root, PrivateKey key, Instant thisUpdate, Instant nextUpdate)
            throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                Date.from(thisUpdate));
        b.setNextUpdate(Date.from(nextUpdate));
        return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }
}
