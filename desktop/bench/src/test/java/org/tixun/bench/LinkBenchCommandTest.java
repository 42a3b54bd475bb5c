// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(60)
class LinkBenchCommandTest {
    @Test
    void printsLatencyThroughputAndReconnectBesideThePlainTcpBaseline() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new LinkBenchCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--updates", "20", "--warmup", "5", "--bulk-mb", "4", "--drops", "1",
                "--min-backoff-ms", "50");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("plain TCP, same frames (baseline)").contains("mutual TLS 1.3")
                .contains("session link, reliable").contains("reconnect after a drop");
    }
}
