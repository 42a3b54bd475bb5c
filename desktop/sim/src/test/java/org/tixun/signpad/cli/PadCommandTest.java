// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.signpad.ink.InkFormat;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.serial.PadTestSupport;
import org.tixun.signpad.sim.Signatures;
import picocli.CommandLine;

class PadCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void socat() {
        PadTestSupport.requireSocat();
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // The pad command as `tixun` has it with this module on the class path: `simulate` plugged in.
        CommandLine cl = new CommandLine(new PadCommand());
        cl.addSubcommand(new CommandLine(org.tixun.signpad.sim.SimulateCommand.class, CommandLine.defaultFactory()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void captureOfTheSimulatorWritesAnInkmlWhoseSamplesEqualTheInput() throws Exception {
        Path input = Signatures.copy("tian-li.inkml", dir);
        List<InkPoint> expected = InkFormat.read(input);
        Path link = dir.resolve("pad");
        Path out = dir.resolve("captured.inkml");
        CompletableFuture<Run> sim = CompletableFuture.supplyAsync(() -> run("simulate", "--protocol", "isdv4",
                "--link", link.toString(), "--input", input.toString(), "--rate", "1000", "--hold", "1"));
        assertThat(PadTestSupport.eventually(java.time.Duration.ofSeconds(10), () -> Files.exists(link))).isTrue();
        Run capture = run("capture", "--port", link.toString(), "--protocol", "isdv4", "--out", out.toString(),
                "--samples", String.valueOf(expected.size()), "--seconds", "20");
        assertThat(capture.code()).as(capture.err()).isZero();
        assertThat(capture.out()).contains("samples captured").contains("Wrote");
        Run simRun = sim.get();
        assertThat(simRun.code()).as(simRun.err()).isZero();
        List<InkPoint> got = InkFormat.read(out);
        assertThat(got).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            InkPoint a = expected.get(i);
            InkPoint b = got.get(i);
            assertThat(List.of(b.x(), b.y(), b.pressure(), b.contact()))
                    .as("sample %d", i).isEqualTo(List.of(a.x(), a.y(), a.pressure(), a.contact()));
        }
        assertThat(got).extracting(InkPoint::tMs).isSorted();
    }

    @Test
    void captureWritesCsvWithEverySampleIncludingHover() throws Exception {
        Path input = Signatures.copy("yu-shan.csv", dir);
        List<InkPoint> expected = InkFormat.read(input);
        Path link = dir.resolve("pad2");
        Path out = dir.resolve("captured.csv");
        CompletableFuture<Run> sim = CompletableFuture.supplyAsync(() -> run("simulate", "--link", link.toString(),
                "--input", input.toString(), "--rate", "1000", "--hold", "1"));
        assertThat(PadTestSupport.eventually(java.time.Duration.ofSeconds(10), () -> Files.exists(link))).isTrue();
        Run capture = run("capture", "--port", link.toString(), "--protocol", "isdv4", "--out", out.toString(),
                "--samples", String.valueOf(expected.size()), "--seconds", "20");
        assertThat(capture.code()).as(capture.err()).isZero();
        assertThat(sim.get().code()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("x,y,pressure,t_ms,contact");
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines.stream().filter(l -> l.endsWith(",0")).count())
                .isEqualTo(expected.stream().filter(p -> !p.contact()).count());
    }

    @Test
    void captureFromAMissingPortFailsNamingThePortAndWhatToCheck() {
        Run r = run("capture", "--port", "/dev/ttyNOPE9", "--protocol", "isdv4", "--seconds", "1");
        assertThat(r.code()).isEqualTo(ExitCodes.PAD_ERROR);
        assertThat(r.err()).contains("/dev/ttyNOPE9").contains("does not exist");
    }

    @Test
    void unknownProtocolIsAUsageError() {
        Run r = run("capture", "--port", "/dev/ttyS0", "--protocol", "wintab");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("isdv4, protocol4, topaz, stu or evdev");
    }

    @Test
    void simulateWithAMissingInputFailsWithAFileError() {
        Run r = run("simulate", "--link", dir.resolve("x").toString(), "--input", dir.resolve("none.csv").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FILE_ERROR);
        assertThat(r.err()).contains("none.csv");
    }

    @Test
    void listRunsAndPadAloneShowsUsage() {
        assertThat(run("list").code()).isZero();
        Run usage = run();
        assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("capture").contains("simulate").contains("list");
    }
}
