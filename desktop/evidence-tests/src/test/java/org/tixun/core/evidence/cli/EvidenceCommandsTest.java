// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.cli;

import org.tixun.core.archive.cli.VerifyCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.demo.SampleFiles;
import picocli.CommandLine;

class EvidenceCommandsTest {
    @TempDir
    static Path dir;
    static Path pass;

    @BeforeAll
    static void inputs() throws Exception {
        SampleFiles.writeInputs(dir, "demo-pass".toCharArray());
        pass = Files.writeString(dir.resolve("pass.txt"), "demo-pass\n");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path sealed() {
        Path out = dir.resolve("sealed-cli.pdf");
        if (!Files.exists(out)) {
            Run r = run(new SealCommand(), "--record", dir.resolve(SampleFiles.FROZEN).toString(), "--events",
                    dir.resolve(SampleFiles.EVENTS).toString(), "--out", out.toString(), "--keystore",
                    dir.resolve(SampleFiles.KEYSTORE).toString(), "--passphrase-file", pass.toString(),
                    "--embedded-tsa");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("已封存 sealed");
        }
        return out;
    }

    @Test
    void sealThenVerifyExitsZeroWithPlainWords() {
        Run r = run(new VerifyCommand(), sealed().toString(), "-t", dir.resolve(SampleFiles.ROOT).toString(),
                "--escrow-key", dir.resolve(SampleFiles.ESCROW).toString(), "--escrow-passphrase-file",
                pass.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("结论：全部检查通过").contains("犯罪嫌疑人张三的签名完整");
    }

    @Test
    void verifyOfATamperedFileExitsOneAndJsonSaysWhy() throws Exception {
        byte[] pdf = Files.readAllBytes(sealed());
        pdf[pdf.length / 3] ^= 0x20;
        Path bad = Files.write(dir.resolve("bad.pdf"), pdf);
        Run r = run(new VerifyCommand(), bad.toString(), "--json", "-t", dir.resolve(SampleFiles.ROOT).toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("revisions").size()).isEqualTo(8);
    }

    @Test
    void verifyInsideAnInstallationUsesItsTrustAnchorAndSaysSo() throws Exception {
        Path installation = Files.createDirectories(dir.resolve("installation"));
        Files.copy(dir.resolve(SampleFiles.ROOT), installation.resolve("institution-root.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run r = run(new VerifyCommand(), sealed().toString(), "--data-dir", installation.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("未指定 -t：使用本安装的信任锚 (no -t given: using this installation's trust anchor) "
                + installation.resolve("institution-root.pem")).contains("结论：全部检查通过");
        // with --json the note goes to stderr and the JSON stays clean
        Run json = run(new VerifyCommand(), sealed().toString(), "--json", "--data-dir", installation.toString());
        assertThat(new ObjectMapper().readTree(json.out()).get("ok").asBoolean()).isTrue();
        assertThat(json.err()).contains("使用本安装的信任锚");
        // -t still wins, and an installation without a published root is told what to give
        Run empty = run(new VerifyCommand(), sealed().toString(), "--data-dir",
                Files.createDirectories(dir.resolve("bare")).toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("-t/--trust-anchor", dir.resolve("bare").resolve("institution-root.pem")
                .toString());
    }

    @Test
    void verifyOfAMissingFileExitsTwo() {
        Run r = run(new VerifyCommand(), dir.resolve("absent.pdf").toString(), "-t",
                dir.resolve(SampleFiles.ROOT).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("无法验证");
    }

    @Test
    void verifyOfANonPdfOrTruncatedFileExitsTwoWithOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pdf"), "these are notes, not a PDF\n");
        byte[] sealed = Files.readAllBytes(sealed());
        Path cut = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(sealed, 400));
        for (Path p : List.of(text, cut)) {
            Run r = run(new VerifyCommand(), p.toString(), "-t", dir.resolve(SampleFiles.ROOT).toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).startsWith("无法验证 (cannot verify): ").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void replayWritesSvgAndGif() throws Exception {
        Path svg = dir.resolve("sig.svg");
        Run r = run(new ReplayCommand(), sealed().toString(), "--signer", "1", "--out", svg.toString(),
                "--escrow-key", dir.resolve(SampleFiles.ESCROW).toString(), "--escrow-passphrase-file",
                pass.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(svg, StandardCharsets.UTF_8)).startsWith("<?xml").contains("<line ");
        Path gif = dir.resolve("sig.gif");
        r = run(new ReplayCommand(), sealed().toString(), "--signer", "5", "--out", gif.toString(), "--speed", "4",
                "--escrow-key", dir.resolve(SampleFiles.ESCROW).toString(), "--escrow-passphrase-file",
                pass.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("记录人");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(gif), 6);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
    }

    @Test
    void sealWithUnreachableTsaExitsThreeAndWritesNothing() throws Exception {
        Path out = dir.resolve("never.pdf");
        Run r = run(new SealCommand(), "--record", dir.resolve(SampleFiles.FROZEN).toString(), "--events",
                dir.resolve(SampleFiles.EVENTS).toString(), "--out", out.toString(), "--keystore",
                dir.resolve(SampleFiles.KEYSTORE).toString(), "--passphrase-file", pass.toString(), "--tsa-url",
                "http://127.0.0.1:9/tsa");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("时间戳服务不可用");
        assertThat(out).doesNotExist();
    }

    @Test
    void sealRefusesBrokenRulesNamingPageAndRole() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode events = mapper.readTree(dir.resolve(SampleFiles.EVENTS).toFile());
        var array = (com.fasterxml.jackson.databind.node.ArrayNode) events.get("events");
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).get("slotId").asText().equals("p4-suspect-fp")) {
                array.remove(i);
                break;
            }
        }
        Path broken = dir.resolve("broken-events.json");
        mapper.writeValue(broken.toFile(), events);
        Run r = run(new SealCommand(), "--record", dir.resolve(SampleFiles.FROZEN).toString(), "--events",
                broken.toString(), "--out", dir.resolve("x.pdf").toString(), "--keystore",
                dir.resolve(SampleFiles.KEYSTORE).toString(), "--passphrase-file", pass.toString(), "--embedded-tsa");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("第 4 页缺少犯罪嫌疑人指印");
    }

    @Test
    void eventsFileAcceptsStrokeCsvAndPhotoFiles() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var events = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                dir.resolve(SampleFiles.EVENTS).toFile());
        var first = (com.fasterxml.jackson.databind.node.ObjectNode) events.get("events").get(0);
        StringBuilder csv = new StringBuilder("x,y,pressure,tMillis,contact\n");
        for (JsonNode s : first.get("samples")) {
            csv.append(s.get("x").asInt()).append(',').append(s.get("y").asInt()).append(',')
                    .append(s.get("pressure").asInt()).append(',').append(s.get("tMillis").asLong()).append(',')
                    .append(s.get("contact").asBoolean() ? 1 : 0).append('\n');
        }
        Files.writeString(dir.resolve("e0.csv"), csv);
        Files.write(dir.resolve("e0.jpg"), java.util.Base64.getDecoder().decode(first.get("photoAtPenDownJpeg")
                .asText()));
        JsonNode originalSamples = first.get("samples");
        first.remove("samples");
        first.remove("photoAtPenDownJpeg");
        first.put("strokesCsv", "e0.csv");
        first.put("photoAtPenDownFile", "e0.jpg");
        Path withFiles = dir.resolve("events-files.json");
        mapper.writeValue(withFiles.toFile(), events);
        var request = org.tixun.core.evidence.EventsFile.read(withFiles, new byte[] {1});
        var e0 = request.events().get(0);
        assertThat(e0.samples()).hasSize(originalSamples.size());
        assertThat(e0.samples().get(5).x()).isEqualTo(originalSamples.get(5).get("x").asInt());
        assertThat(e0.photoAtPenDownJpeg()).isEqualTo(Files.readAllBytes(dir.resolve("e0.jpg")));
    }
}
