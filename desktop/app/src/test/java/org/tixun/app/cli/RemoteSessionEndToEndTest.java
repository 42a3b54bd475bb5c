// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.Finding;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.pki.Certificates;
import org.tixun.core.recording.RecordingEventKind;
import org.tixun.core.recording.RecordingVerifier;
import org.tixun.demo.HeadlessTerminal;
import picocli.CommandLine;

/**
 * Two processes on loopback: the terminal is a child JVM ({@code tixun terminal --headless}), the workstation runs
 * in this JVM ({@code tixun workstation --headless}). During signing the workstation drops the TCP connection and
 * the terminal process dies (halts) and is started again; the session still ends in one sealed record that the
 * verifier passes, with every slot's event exactly once in both journals. A workstation of another institution is
 * refused by the terminal.
 */
class RemoteSessionEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void sessionSurvivesLinkDropAndTerminalCrashAndEndsSealed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        Path terminalDir = dir.resolve("terminal");
        Path workstationDir = dir.resolve("workstation");
        Path script = dir.resolve("session.json");
        try (InputStream in = getClass().getResourceAsStream("e2e-session.json")) {
            Files.write(script, in.readAllBytes());
        }

        Process first = terminal(terminalDir, address, "first.log", "--exit-after-events", "3");
        Path codeFile = terminalDir.resolve(HeadlessTerminal.CODE_FILE);
        waitFor(() -> Files.exists(codeFile), first, "enrollment code");
        String code = Files.readString(codeFile).trim();

        ByteArrayOutputStream wsOut = new ByteArrayOutputStream();
        CompletableFuture<Integer> workstation = CompletableFuture.supplyAsync(() -> execute(wsOut, "workstation",
                "--headless", "--script", script.toString(), "--connect", address, "--data-dir",
                workstationDir.toString(), "--enroll-code", code, "--loss-timeout-ms", "1200", "--timeout-s", "120"));

        assertThat(first.waitFor(90, TimeUnit.SECONDS)).as("first terminal halts after 3 events").isTrue();
        assertThat(first.exitValue()).as(log(terminalDir, "first.log")).isEqualTo(75);

        Process second = terminal(terminalDir, address, "second.log");
        waitFor(() -> log(terminalDir, "second.log").contains("listening on"), second, "second terminal listening");

        // A workstation of another institution (its own demo keystore) is refused by the terminal.
        ByteArrayOutputStream foreignOut = new ByteArrayOutputStream();
        ByteArrayOutputStream foreignErr = new ByteArrayOutputStream();
        int foreign = execute(foreignOut, foreignErr, "workstation", "--headless", "--script", script.toString(),
                "--connect", address, "--data-dir", dir.resolve("foreign").toString(), "--timeout-s", "30");
        String foreignText = foreignOut.toString(StandardCharsets.UTF_8) + foreignErr.toString(StandardCharsets.UTF_8);
        assertThat(foreign).as(foreignText).isEqualTo(6);
        assertThat(foreignText).contains("拒绝连接");

        int rc = workstation.get(120, TimeUnit.SECONDS);
        String wsText = wsOut.toString(StandardCharsets.UTF_8);
        System.out.println(wsText);
        assertThat(rc).as(wsText + log(terminalDir, "second.log")).isZero();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(log(terminalDir, "second.log")).isZero();

        Path sealed = workstationDir.resolve("sessions/e2e-1/sealed.pdf");
        byte[] pdf = Files.readAllBytes(sealed);
        var root = Certificates.read(workstationDir.resolve("institution-root.pem")).get(0);
        VerificationReport report = new Verifier(List.of(root)).verify("sealed.pdf", pdf);
        assertThat(report.ok()).as(report.toText()).isTrue();
        // The session recording: sealed manifest, every segment matches its hash, the chain holds, each decodes,
        // and every signature event references a real segment (rule 12).
        Path recordingDir = workstationDir.resolve("sessions/e2e-1/recording");
        VerificationReport withRecording = new Verifier(List.of(root)).verify("sealed.pdf", pdf,
                new Verifier.Options(null, recordingDir).withRecordingCheck(new RecordingVerifier()));
        assertThat(withRecording.ok()).as(withRecording.toText()).isTrue();
        assertThat(withRecording.document()).anyMatch(f -> f.check().equals("recording-manifest") && f.ok());
        assertThat(withRecording.document().stream().filter(f -> f.check().equals("recording-segment")))
                .isNotEmpty().allMatch(Finding::ok);

        // The terminal's own backup recording: continued after its crash (the interrupted segment finalised, the
        // gap logged), finished at the end, every segment matching the chain.
        RecordingVerifier.Report backup = new RecordingVerifier().verify(
                org.tixun.core.session.flow.TerminalBackup.directory(terminalDir, "e2e-1"), (done, total, check) -> { });
        assertThat(backup.segments()).isNotEmpty();
        assertThat(backup.chainOk()).as(backup.toString()).isTrue();
        assertThat(backup.manifest().events()).anyMatch(e -> e.kind() == RecordingEventKind.RECOVERED)
                .anyMatch(e -> e.kind() == RecordingEventKind.GAP).anyMatch(e -> e.kind() == RecordingEventKind.CLOSED);

        // Exactly once: every terminal event is in both journals, once; every slot has one event.
        List<SignatureEvent> ws = onlyRecord(new SignatureEventJournal(workstationDir.resolve("journal")),
                workstationDir.resolve("journal"));
        List<SignatureEvent> term = onlyRecord(new SignatureEventJournal(terminalDir.resolve("journal")),
                terminalDir.resolve("journal"));
        Set<String> termIds = term.stream().map(SignatureEvent::eventId).collect(Collectors.toSet());
        Set<String> wsTerminalIds = ws.stream().map(SignatureEvent::eventId).filter(id -> id.startsWith("t-"))
                .collect(Collectors.toSet());
        assertThat(term).hasSize(termIds.size());
        assertThat(wsTerminalIds).isEqualTo(termIds);
        assertThat(ws.stream().map(SignatureEvent::slotId).distinct().count()).isEqualTo(ws.size());
        assertThat(ws.stream().filter(e -> e.eventId().startsWith("ws-")).count()).isEqualTo(3);
        assertThat(wsText).contains("duplicates 0, refused 0").contains("reading path (rule 4): READ");
    }

    private static List<SignatureEvent> onlyRecord(SignatureEventJournal journal, Path root) throws IOException {
        List<Path> records;
        try (var s = Files.list(root)) {
            records = s.filter(Files::isDirectory).toList();
        }
        assertThat(records).hasSize(1);
        return journal.load(records.get(0).getFileName().toString());
    }

    private Process terminal(Path dataDir, String address, String logName, String... extra) throws IOException {
        Files.createDirectories(dataDir);
        List<String> cmd = new ArrayList<>(org.tixun.core.ChildJvms.command(List.of(), "org.tixun.app.Main", List.of(
                "terminal", "--headless", "--listen", address, "--data-dir", dataDir.toString(), "--loss-timeout-ms",
                "1200", "--pad-rate-hz", "2000", "--timeout-s", "120", "--media-size", "320x240")));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dataDir.resolve(logName).toFile())
                .start();
    }

    private static String log(Path dataDir, String name) {
        try {
            Path p = dataDir.resolve(name);
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    /** Waits for a condition the child process produces; fails if the child dies first. */
    private static void waitFor(Check check, Process p, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.ok()) {
            if (!p.isAlive()) {
                throw new AssertionError("terminal exited (" + p.exitValue() + ") before " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static int execute(ByteArrayOutputStream out, String... args) {
        return execute(out, new ByteArrayOutputStream(), args);
    }

    private static int execute(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        CommandLine cl = TixunCommand.commandLine();
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cl.execute(args);
    }
}
