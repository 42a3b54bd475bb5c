// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.archive.cli.ArchiveCommand;
import org.tixun.core.gateway.cli.GatewayCommand;
import org.tixun.core.pki.Certificates;
import org.tixun.core.sync.SyncFixtures;
import org.tixun.core.sync.cli.SyncCommand;
import picocli.CommandLine;

/** The archive, sync and gateway commands end to end: import, gateway process, sync run, status, export, verify-all. */
class ArchiveCliTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    record Run(int exit, String out) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute(args);
        return new Run(exit, out.toString());
    }

    @Test
    void importSyncStatusExportAndVerifyAllFromTheCommandLine() throws Exception {
        Path data = tmp.resolve("data");
        TestCore.open(data).close();
        Path root = tmp.resolve("root.pem");
        Certificates.writePem(root, SyncFixtures.keys().rootCertificate());
        Path pdf = Files.write(tmp.resolve("received.pdf"), SyncFixtures.sealedPdf());
        Path bad = Files.write(tmp.resolve("bad.pdf"), SyncFixtures.tamperedPdf());
        String dd = "--data-dir=" + data;

        Run withoutRecording = run(new ArchiveCommand(), "import", dd, pdf.toString(), "-t", root.toString());
        assertThat(withoutRecording.exit()).as(withoutRecording.out()).isNotZero();
        Run imported = run(new ArchiveCommand(), "import", dd, pdf.toString(), "--recording",
                SyncFixtures.demo().recordingDir().toString(), "-t", root.toString());
        assertThat(imported.exit()).as(imported.out()).isZero();
        assertThat(imported.out()).contains("(" + SyncFixtures.demo().recording().segments().size()
                + " recording segments)");
        String id = imported.out().replaceAll("(?s).*record ([0-9a-f-]{36}).*", "$1");
        Run waiting = run(new SyncCommand(), "status", dd);
        assertThat(waiting.out()).contains(id, "目的地未设置");
        JsonNode reason = new ObjectMapper().readTree(run(new SyncCommand(), "status", dd, "--json").out()).get(0)
                .get("reason");
        assertThat(reason.get("code").asText()).isEqualTo("NO_DESTINATION");
        Run recordingVerify = run(new org.tixun.core.recording.cli.RecordingCommand(), "verify", dd, id);
        assertThat(recordingVerify.exit()).as(recordingVerify.out()).isZero();
        assertThat(recordingVerify.out()).contains(SyncFixtures.demo().recording().chainHead(), "segment-0001.mp4");
        assertThat(run(new ArchiveCommand(), "import", dd, bad.toString(), "-t", root.toString()).exit()).isNotZero();

        int port = freePort();
        List<String> gwArgs = new ArrayList<>(List.of("--listen", "127.0.0.1:" + port, "--store",
                tmp.resolve("gw").toString(), "--trust-anchor", root.toString()));
        Process gateway = childGateway(gwArgs);
        try {
            awaitPort(port);
            Run sync = run(new SyncCommand(), "run", dd, "--once", "--url", "http://127.0.0.1:" + port + "/");
            assertThat(sync.exit()).as(sync.out()).isZero();
            assertThat(sync.out()).contains("Delivered 1");
        } finally {
            gateway.destroyForcibly().waitFor();
        }
        Run status = run(new SyncCommand(), "status", dd, "--json");
        JsonNode items = new ObjectMapper().readTree(status.out());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("state").asText()).isEqualTo("DONE");
        assertThat(items.get(0).get("receipt").get("recordId").asText()).isEqualTo(id);
        assertThat(run(new SyncCommand(), "status", dd).out()).contains("1 delivered", id);

        Run export = run(new ArchiveCommand(), "export", dd, id, tmp.resolve("out").toString(), "-t", root.toString());
        assertThat(export.exit()).as(export.out()).isZero();
        assertThat(tmp.resolve("out").resolve(id).resolve("receipt.json")).isRegularFile();
        for (var seg : SyncFixtures.demo().recording().segments()) {
            assertThat(tmp.resolve("out").resolve(id).resolve("recordings").resolve(seg.name())).isRegularFile();
        }

        Run verifyAll = run(new ArchiveCommand(), "verify-all", dd, "-t", root.toString());
        assertThat(verifyAll.exit()).as(verifyAll.out()).isZero();
        assertThat(verifyAll.out()).contains("1 sealed records verified: 1 ok, 0 failed.");
        try (CoreServices core = TestCore.open(data)) {
            Files.write(Path.of(core.records().sealedDocument(id).orElseThrow().path()), SyncFixtures.tamperedPdf());
        }
        Run broken = run(new ArchiveCommand(), "verify-all", dd, "-t", root.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("FAIL " + id, "0 ok, 1 failed");
    }

    @Test
    void syncRunWithoutATargetIsAUsageError() throws Exception {
        Path data = tmp.resolve("data");
        TestCore.open(data).close();
        CommandLine cl = new CommandLine(new SyncCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.write(e.getMessage());
            return ((org.tixun.core.TixunException) e).exit().code();
        });
        assertThat(cl.execute("run", "--data-dir=" + data, "--once")).isEqualTo(2);
        assertThat(err.toString()).contains("--url or --folder");
    }

    private static Process childGateway(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp",
                org.tixun.core.ChildJvms.classPath(),
                GatewayCommand.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the gateway did not open port " + port);
    }
}
