// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.config.DataDir;
import org.tixun.core.pki.InstitutionKeyStore;

/** Verification trusts the institution root and every external time-stamp authority the installation sealed with. */
class TrustAnchorsTest {
    @TempDir
    Path dir;

    @Test
    void externalTimeStampAnchorsAreKeptOnceEachBesideTheRoot() throws Exception {
        DataDir data = DataDir.at(dir.resolve("data"));
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("k.p12"), "pass".toCharArray(), "测试院");
        InstitutionKeyStore tsaA = InstitutionKeyStore.create(dir.resolve("a.p12"), "pass".toCharArray(), "甲时间戳");
        InstitutionKeyStore tsaB = InstitutionKeyStore.create(dir.resolve("b.p12"), "pass".toCharArray(), "乙时间戳");
        assertThat(TrustAnchors.load(data)).isEmpty();
        TrustAnchors.publish(data, keys);
        assertThat(TrustAnchors.load(data)).containsExactly(keys.rootCertificate());
        TrustAnchors.addTimeStampAnchor(data, tsaA.rootCertificate());
        TrustAnchors.addTimeStampAnchor(data, tsaA.rootCertificate());
        TrustAnchors.addTimeStampAnchor(data, tsaB.rootCertificate());
        assertThat(TrustAnchors.load(data)).as("a change of authority keeps the earlier one")
                .containsExactly(keys.rootCertificate(), tsaA.rootCertificate(), tsaB.rootCertificate());
    }
}
