// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstitutionKeyStoreTest {
    @TempDir
    static Path dir;
    static Path file;
    static InstitutionKeyStore store;
    static final char[] PASS = "s3cret-pass".toCharArray();

    @BeforeAll
    static void create() throws Exception {
        file = dir.resolve("institution.p12");
        store = InstitutionKeyStore.create(file, PASS, "某某市人民检察院");
    }

    @Test
    void createsEveryKeyUnderTheRootWithItsUsages() throws Exception {
        X509Certificate root = store.rootCertificate();
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        for (IssuedCredential c : new IssuedCredential[] {store.sealCredential(), store.escrowCredential(),
                store.tlsCredential(), store.tsaCredential()}) {
            c.certificate().verify(root.getPublicKey());
            assertThat(c.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
            assertThat(c.certificate().getBasicConstraints()).isEqualTo(-1);
        }
        assertThat(store.tsaCredential().certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(store.tsaCredential().certificate().getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(store.tlsCredential().certificate().getExtendedKeyUsage())
                .contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(store.escrowCredential().certificate().getKeyUsage()[4]).as("keyAgreement").isTrue();
        store.crl().verify(root.getPublicKey());
        assertThat(store.institutionName()).isEqualTo("某某市人民检察院");
    }

    @Test
    void reopensWithTheRightPassphrase() throws Exception {
        InstitutionKeyStore again = InstitutionKeyStore.open(file, PASS);
        assertThat(again.rootCertificate()).isEqualTo(store.rootCertificate());
        assertThat(again.sealCredential().privateKey()).isEqualTo(store.sealCredential().privateKey());
        assertThat(again.institutionName()).isEqualTo("某某市人民检察院");
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void wrongPassphraseIsReportedAsSuch() {
        assertThatThrownBy(() -> InstitutionKeyStore.open(file, "wrong".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("口令错误")
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void corruptOrMissingFileIsReportedClearly() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x7F;
        bytes[10] ^= 0x7F;
        Path corrupt = Files.write(dir.resolve("corrupt.p12"), bytes);
        assertThatThrownBy(() -> InstitutionKeyStore.open(corrupt, PASS)).isInstanceOf(KeyStoreUnreadableException.class)
                .hasMessageContaining("corrupt");
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        assertThatThrownBy(() -> InstitutionKeyStore.open(garbage, PASS)).isInstanceOf(KeyStoreUnreadableException.class);
        assertThatThrownBy(() -> InstitutionKeyStore.open(dir.resolve("absent.p12"), PASS))
                .isInstanceOf(KeyStoreUnreadableException.class).hasMessageContaining("not found");
    }

    @Test
    void eventCertificateNamesSignerAndRoleAndCarriesTheManifestHash() throws Exception {
        byte[] hash = Pki.sha256("manifest".getBytes());
        IssuedCredential event = store.issueEventCertificate("张三", "犯罪嫌疑人 suspect", hash);
        X509Certificate cert = event.certificate();
        cert.verify(store.rootCertificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).contains("张三");
        assertThat(EvidenceExtensions.manifestSha256(cert)).contains(hash);
        assertThat(event.toString()).doesNotContain(event.privateKey().toString()).contains("key hidden");
        assertThat(store.toString()).contains("keys hidden");
    }

    @Test
    void terminalTlsCertificateIsForClientAndServer() throws Exception {
        IssuedCredential tls = store.issueTlsCertificate("看守所终端 1", "10.0.0.7");
        tls.certificate().verify(store.rootCertificate().getPublicKey());
        assertThat(tls.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(tls.certificate().getSubjectAlternativeNames()).isNotEmpty();
    }

    @Test
    void escrowKeyExportsAndReopensAlone() throws Exception {
        Path escrow = dir.resolve("escrow.p12");
        store.exportEscrowKey(escrow, "e".toCharArray());
        IssuedCredential back = InstitutionKeyStore.openEscrowKey(escrow, "e".toCharArray());
        assertThat(back.certificate()).isEqualTo(store.escrowCertificate());
        assertThatThrownBy(() -> InstitutionKeyStore.openEscrowKey(escrow, "x".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }
}
