// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;

/** An institution with its terminal authority, an enrolled terminal credential and signature-sized events. */
final class LinkFixtures {
    static final char[] PASS = "test-pass".toCharArray();
    static final LinkConfig FAST = LinkConfig.defaults().withLossTimeout(Duration.ofMillis(1200))
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));

    final InstitutionKeyStore keys;
    final SessionCa ca;
    final Path dir;

    LinkFixtures(Path dir, String institution) throws IOException {
        this.dir = dir;
        Path p12 = dir.resolve(institution.hashCode() + ".p12");
        keys = InstitutionKeyStore.create(p12, PASS, institution);
        ca = SessionCa.open(p12, PASS, keys, dir.resolve(institution.hashCode() + "-revoked.txt"));
    }

    /** A terminal credential issued from a CSR, as enrollment does. */
    IssuedCredential terminalCredential(String address) throws IOException {
        return LoopbackTls.terminalCredential(ca, "看守所终端 1", address);
    }

    SessionTls workstationTls() throws IOException {
        return ca.workstationTls(keys.tlsCredential());
    }

    SessionTls terminalTls(IssuedCredential credential) throws IOException {
        return SessionTls.create(SessionRole.TERMINAL, credential, keys.rootCertificate(), ca.crl());
    }

    /** A signature event of realistic size: about 1,500 samples, ink image and two photos (~150 kB of JSON). */
    static SignatureEvent event(int i) {
        Random r = new Random(i);
        List<StrokeSample> samples = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            samples.add(new StrokeSample(r.nextInt(10000), r.nextInt(6000), r.nextInt(1024), k * 5L, k % 50 != 0,
                    k * 5000L, k * 5_000_000L));
        }
        byte[] ink = new byte[15_000];
        byte[] photo1 = new byte[25_000];
        byte[] photo2 = new byte[25_000];
        r.nextBytes(ink);
        r.nextBytes(photo1);
        r.nextBytes(photo2);
        Instant t = Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i);
        return new SignatureEvent(String.format("ev-%04d", i), new SignerIdentity("张三", SignerRole.SUSPECT, "1101"),
                "p" + (i + 1) + "-suspect-sig", samples, ink, photo1, photo2, null,
                new EventTimes(t, t.plusSeconds(3), 1L, 3_000_000_000L, 0, 0, null),
                new DeviceInfo("Sim", "SimPad", "SN1", "1.0", 10000, 6000, 1024, 200), "ab".repeat(32), null);
    }
}
