// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.evidence.tsa.TimestampUnavailableException;

class TsaUnavailableTest {
    @Test
    void unreachableTsaLeavesRecordFrozenAndRetrySeals() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Rfc3161Client client = new Rfc3161Client("http://127.0.0.1:" + port + "/tsa", Duration.ofSeconds(2));
        byte[] frozenBefore = f.frozen.clone();
        assertThatThrownBy(() -> new Sealer(f.keys, client).seal(f.request))
                .isInstanceOf(TimestampUnavailableException.class).hasMessageContaining("时间戳服务不可用")
                .hasMessageContaining("retry");
        assertThat(f.frozen).isEqualTo(frozenBefore);
        try (EmbeddedTsa tsa = new EmbeddedTsa(f.keys.tsaCredential())) {
            tsa.start(port);
            SealResult result = new Sealer(f.keys, client).seal(f.request);
            assertThat(new Verifier(List.of(f.keys.rootCertificate())).verify("retry.pdf", result.sealedPdf())
                    .failures()).isEmpty();
        }
    }
}
