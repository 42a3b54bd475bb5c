// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.SelfTestResult;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.evidence.tsa.TimestampUnavailableException;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.store.Database;
import org.tixun.core.store.Settings;

/** The configured time-stamp authority: an external RFC 3161 server on loopback (not the embedded one) or our own. */
class ConfiguredTsaTest {
    @TempDir
    Path dir;
    private TestTsa external;
    private Database db;
    private Settings settings;

    @BeforeEach
    void start() throws Exception {
        external = new TestTsa();
        db = Database.open(dir.resolve("tixun.db"));
        settings = new Settings(db);
    }

    @AfterEach
    void stop() {
        external.close();
        db.close();
    }

    @Test
    void stampsThroughTheExternalAuthorityChosenInSettingsAndChecksItsTokenAgainstTheTrustAnchor() throws Exception {
        settings.put(DeviceSettings.TSA_MODE, DeviceSettings.TSA_EXTERNAL);
        settings.put(DeviceSettings.TSA_URL, external.url());
        settings.put(DeviceSettings.TSA_TRUST_ANCHOR, external.rootPem());
        try (ConfiguredTsa tsa = new ConfiguredDevices(settings).openTsa(null)) {
            assertThat(tsa.kind()).isEqualTo(ConfiguredTsa.Kind.EXTERNAL);
            assertThat(tsa.client().url()).isEqualTo(external.url());
            assertThat(tsa.describe()).contains("外部时间戳服务").contains(external.url());
            byte[] digest = Pki.sha256("record".getBytes());
            Rfc3161Client.Token token = tsa.client().stamp(digest);
            TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token.encoded()));
            assertThat(parsed.getTimeStampInfo().getPolicy()).isEqualTo(TestTsa.POLICY);
            assertThat(parsed.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> signer = parsed.getCertificates().getMatches(parsed.getSID());
            assertThat(signer.iterator().next().getIssuer().toString()).contains("Test TSA Root CA");
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer.iterator().next()));
            SelfTestResult r = new DeviceSelfTests(new ConfiguredDevices(settings)).tsa(tsa);
            assertThat(r.passed()).as(r.sentence()).isTrue();
            assertThat(r.sentence()).startsWith("时间戳服务正常：外部时间戳服务");
        }
        assertThat(external.answered()).isEqualTo(2);
    }

    @Test
    void refusesTokensThatDoNotChainToTheTrustAnchor() throws Exception {
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("keys.p12"), "pass".toCharArray(), "测试院");
        String wrongAnchor = pem(keys.rootCertificate());
        SelfTestResult r = new DeviceSelfTests(new ConfiguredDevices(settings)).externalTsa(external.url(),
                wrongAnchor);
        assertThat(r.passed()).isFalse();
        assertThat(r.sentence()).contains("返回的时间戳不受信任").contains("not trusted").contains(external.url());
        try (ConfiguredTsa tsa = ConfiguredTsa.external(external.url(), wrongAnchor)) {
            assertThatThrownBy(() -> tsa.client().stamp(Pki.sha256(new byte[] {1})))
                    .isInstanceOf(TimestampUnavailableException.class).hasMessageContaining("信任锚");
        }
    }

    @Test
    void namesWhatIsMissingOrWrongInTheExternalSettings() {
        assertThatThrownBy(() -> ConfiguredTsa.external("", "x")).isInstanceOfSatisfying(
                DeviceUnavailableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeviceKind.TIME_STAMP);
                    assertThat(e.getMessage()).contains("未填写外部时间戳服务的地址").contains("设置 → 时间戳");
                });
        assertThatThrownBy(() -> ConfiguredTsa.external("ftp://tsa.example/", "x"))
                .hasMessageContaining("地址无效").hasMessageContaining("http://");
        assertThatThrownBy(() -> ConfiguredTsa.external(external.url(), "")).hasMessageContaining("未导入");
        assertThatThrownBy(() -> ConfiguredTsa.external(external.url(), "-----BEGIN CERTIFICATE-----\nAAAA\n"))
                .hasMessageContaining("不是有效的 X.509 证书");
        settings.put(DeviceSettings.TSA_MODE, "somewhere");
        assertThatThrownBy(() -> ConfiguredTsa.open(settings, null)).hasMessageContaining("无法识别");
    }

    @Test
    void anAuthorityThatDoesNotAnswerFailsTheSelfTestWithItsAddress() throws Exception {
        String url = external.url();
        String pem = external.rootPem();
        external.close();
        SelfTestResult r = new DeviceSelfTests(new ConfiguredDevices(settings)).externalTsa(url, pem);
        assertThat(r.passed()).isFalse();
        assertThat(r.sentence()).contains("时间戳服务不可用").contains(url);
    }

    @Test
    void theInstitutionsOwnAuthorityIsTheDefault() throws Exception {
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("keys.p12"), "pass".toCharArray(), "测试院");
        try (ConfiguredTsa tsa = ConfiguredTsa.open(settings, keys)) {
            assertThat(tsa.kind()).isEqualTo(ConfiguredTsa.Kind.INSTITUTION);
            assertThat(tsa.client().trustAnchor()).isEqualTo(keys.rootCertificate());
            assertThat(tsa.client().stamp(Pki.sha256(new byte[] {2})).time()).isNotNull();
        }
        assertThat(external.answered()).isZero();
    }

    private static String pem(java.security.cert.X509Certificate c) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(c);
        }
        return w.toString();
    }
}
