// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.app.TestApp;
import org.tixun.core.ChildJvms;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.ChineseIdNumber;
import org.tixun.core.cases.Participant;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.cases.Sex;
import org.tixun.core.config.DataDir;
import org.tixun.core.devices.audio.PulseDaemon;
import org.tixun.core.devices.camera.GstRtspServer;
import org.tixun.core.devices.camera.TestClip;
import org.tixun.core.devices.config.DeviceSettings;
import org.tixun.core.devices.fingerprint.FakeLivescan;
import org.tixun.core.devices.fingerprint.FingerImageRecord;
import org.tixun.core.devices.fingerprint.Impressions;
import org.tixun.core.evidence.EvidenceManifest;
import org.tixun.core.evidence.Replay;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.recording.RecordingVerifier;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.flow.RecordHeader;
import org.tixun.core.session.flow.TerminalFirstRun;
import org.tixun.core.session.flow.TerminalStation;
import org.tixun.core.setup.FirstRunSetup;
import org.tixun.core.setup.KeySource;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.store.Settings;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.Role;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.FieldSpec;
import org.tixun.templates.Lang;
import org.tixun.templates.TemplateRegistry;
import org.tixun.templates.ValueFormatter;

/**
 * A remote interrogation in production mode, end to end: the workstation and the terminal are two child JVMs running
 * the app's production screens and services ({@link ProductionWorkstationMain}, {@link ProductionTerminalMain}) on
 * a production class path (no demo, no simulators: the children cannot even load them), their data dirs set up as an
 * administrator does (first run, users, the case, and every device chosen in Settings), with the production device
 * adapters on real parts: an IP camera over RTSP (GStreamer's RTSP server on loopback streaming an H.264 clip), the
 * microphone through javax.sound → ALSA → PulseAudio (a private daemon; the children get {@code PULSE_SERVER}), a
 * signature pad on each side through the production serial driver on a socat pty fed by the ISDV4 simulator, and the
 * GA/T 626.1 LIVESCAN fingerprint reader (a library built here with gcc, serving the test's impression).
 *
 * <p>The sealed record then holds only the case, the session and the devices: its text has the case's identity
 * data (chosen here, in no template example) and the session's start (recording start) and end (freeze) times and
 * none of the example's values; every signer photo is a frame of the RTSP clip; every fingerprint is the reader's
 * image; no bundled sample file of desktop/demo or desktop/sim (by SHA-256, and the demo's generated images by their
 * pixels) is anywhere in its bytes or attachments; it verifies (the project's verifier and poppler's pdfsig) and
 * carries no demo mark. The header page and the signature page are rendered to PNG (target/e2e-production).
 */
class ProductionSessionEndToEndTest {
    /** The workstation's administrator (first run). */
    static final String ADMIN = "qc-admin";
    /** The recorder who runs the session. */
    static final String RECORDER = "liuyan";
    /** The terminal's guiding officer. */
    static final String OFFICER = "qc-officer";

    private static final String INSTITUTION = "青川县人民检察院";
    private static final String PASSPHRASE = "Qingchuan-institution-keys-2026";
    private static final String PLACE = "青川县看守所第三远程提讯室";
    private static final String CASE_NUMBER = "青检刑诉〔2026〕0734号";
    private static final String SUSPECT = "欧阳铁柱";
    private static final String ALIAS = "柱子哥";
    private static final LocalDate BIRTH = LocalDate.of(1979, 11, 23);
    private static final String ETHNICITY = "土家族";
    private static final String EDUCATION = "中等专业学校";
    private static final String OCCUPATION = "青川县槐荫物流公司叉车司机";
    private static final String HOUSEHOLD = "四川省广元市青川县乔庄镇清江村四组";
    private static final String RESIDENCE = "青川县乔庄镇槐荫巷17号附2号";
    private static final String PRIOR = "2011年因故意伤害被判处拘役五个月";
    private static final String INTERROGATOR_1 = "司马青云";
    private static final String INTERROGATOR_2 = "诸葛明月";
    private static final String RECORDER_NAME = "柳燕";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aProductionSessionSealsOnlyTheCaseTheSessionAndTheDevices() throws Exception {
        long began = System.nanoTime();
        GstRtspServer.assumeInstalled();
        PulseDaemon.assumeInstalled();
        for (String tool : List.of("socat", "pdftotext", "pdftoppm", "pdfsig", "certutil")) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed: run .ci/install-deps.sh");
        }
        Path library = FakeLivescan.library();
        byte[] finger = Impressions.centred();
        Path fingerRaw = FakeLivescan.raw(dir, "finger.raw", finger);
        Path clip = Files.createDirectories(dir.resolve("rtsp")).resolve("clip.mp4");
        long clipAt = System.nanoTime();
        // Longer than the session on a loaded machine: the camera must not reach the clip's end (a reconnect).
        TestClip.write(clip, 320, 240, 25, 300);
        System.out.printf("RTSP clip: 300 s at 320x240 made in %.1f s%n", (System.nanoTime() - clipAt) / 1e9);
        String suspectId = idNumber();
        Path shots = Files.createDirectories(Path.of("target", "e2e-production").toAbsolutePath());

        try (GstRtspServer rtsp = new GstRtspServer(clip, freePort());
                PulseDaemon pulse = new PulseDaemon(dir.resolve("pa"));
                ReplayingPad workstationPad = ReplayingPad.start(dir.resolve("ws-pad"), "wang-feng", 400);
                ReplayingPad terminalPad = ReplayingPad.start(dir.resolve("t-pad"), "tian-li", 400)) {
            rtsp.start();
            pulse.start();
            // The interview rooms are not silent: a tone sequence plays into the sound server the microphones hear.
            Path room = roomSound(dir.resolve("room.wav"));
            Thread roomSound = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        pulse.play(room);
                    }
                } catch (IOException | RuntimeException e) {
                    System.out.println("room sound stopped: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "room-sound");
            roomSound.setDaemon(true);
            roomSound.start();
            int terminalPort = freePort();
            String terminalAddress = "127.0.0.1:" + terminalPort;
            Path wsDir = dir.resolve("workstation");
            Path tDir = dir.resolve("terminal");
            String recordId = setUpWorkstation(wsDir, terminalAddress, rtsp.url(), workstationPad.port(), library,
                    suspectId);
            setUpTerminal(tDir, terminalPort, rtsp.url(), terminalPad.port(), library);
            Path passphraseFile = Files.writeString(dir.resolve("passphrase.txt"), PASSPHRASE);

            Map<String, String> env = new LinkedHashMap<>(pulse.clientEnv());
            env.put("FAKE_LIVESCAN_IMAGE", fingerRaw.toString());
            Path terminalLog = dir.resolve("terminal.log");
            Process terminal = child(ProductionTerminalMain.class, env, terminalLog, tDir.toString(), shots.toString());
            Path workstationLog = dir.resolve("workstation.log");
            Process workstation = null;
            try {
                String code = await(terminal, terminalLog, "CODE ", Duration.ofSeconds(90)).substring(5).strip();
                workstation = child(ProductionWorkstationMain.class, env, workstationLog, wsDir.toString(),
                        terminalAddress, code, recordId, passphraseFile.toString(), PLACE, shots.toString());
                boolean ended = workstation.waitFor(240, TimeUnit.SECONDS);
                String wsText = read(workstationLog);
                System.out.println("== workstation ==\n" + wsText);
                assertThat(ended).as("the workstation ends within 4 minutes\n" + wsText + read(terminalLog)).isTrue();
                assertThat(workstation.exitValue()).as(wsText + "\n== terminal ==\n" + read(terminalLog)).isZero();
                assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).as("the terminal ends after the seal").isTrue();
                String tText = read(terminalLog);
                System.out.println("== terminal ==\n" + tText);
                assertThat(terminal.exitValue()).as(tText).isZero();
                assertThat(wsText + tText).as("a production class path: no demo kit to be found")
                        .contains("DEMOKIT false").doesNotContain("DEMOKIT true");
                assertThat(tText).contains("ENDED sealed ");
                assertThat(line(tText, "SELFTEST ")).as("the kiosk's self-test on the configured devices")
                        .contains("摄像头：正常").contains("麦克风：正常").contains("签名板：正常")
                        .contains("指纹采集仪：正常").doesNotContain("(camera").doesNotContain("(microphone");
                assertThat(workstationPad.failure()).isNull();
                assertThat(terminalPad.failure()).isNull();
                assertThat(terminalPad.replays()).as("the terminal's signatures came from its pad").isPositive();
                assertThat(workstationPad.replays()).as("the workstation's signatures from its own pad").isPositive();

                Path sealed = Path.of(line(wsText, "SEALED ").split(" ")[1]);
                Instant start = Instant.parse(line(wsText, "TIMES ").split(" ")[2]);
                Instant frozen = Instant.parse(line(wsText, "TIMES ").split(" ")[4]);
                // kept beside the snapshots before any check, so a failing run leaves the record to look at
                Files.copy(sealed, shots.resolve("production-sealed.pdf"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                checkRecord(sealed, wsDir, start, frozen, suspectId, finger, shots);
            } finally {
                stop(workstation);
                stop(terminal);
                roomSound.interrupt();
            }
        }
        System.out.printf("production-mode end-to-end test: %.1f s (load %s)%n", (System.nanoTime() - began) / 1e9,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    // ---- the record ------------------------------------------------------------------------------------------

    private void checkRecord(Path sealed, Path wsDir, Instant start, Instant frozen, String suspectId, byte[] finger,
            Path shots) throws Exception {
        byte[] pdf = Files.readAllBytes(sealed);
        InstitutionKeyStore keys = InstitutionKeyStore.open(DataDir.at(wsDir).keystore(), PASSPHRASE.toCharArray());

        // It verifies, with its recording, and is not the demo's.
        Verifier.Options options = new Verifier.Options(null, sealed.getParent().resolve("recording"))
                .withRecordingCheck(new RecordingVerifier());
        VerificationReport report = new Verifier(List.of(keys.rootCertificate())).verify("sealed.pdf", pdf, options);
        assertThat(report.ok()).as(report.toText()).isTrue();
        assertThat(report.document()).as("no demo flag").noneMatch(f -> f.check().equals("demo"));
        assertThat(report.document()).anyMatch(f -> f.check().equals("recording-manifest") && f.ok());
        // The report names the devices each signer's events were captured on: the pads and the reader, no simulator.
        List<String> devices = report.revisions().stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.check().equals("devices")).map(f -> f.zh()).toList();
        assertThat(devices).as(report.toText()).isNotEmpty().allSatisfy(d -> assertThat(d).contains("签名采集设备")
                .doesNotContain("SimPad"));
        assertThat(String.join("\n", devices)).contains("ISDV4").contains("GA/T 626.1");
        String pdfsig = pdfsig(sealed, keys);
        assertThat(pdfsig).contains("Signature Validation: Signature is Valid.")
                .doesNotContain("Signature is Invalid").doesNotContain("Digest Mismatch");
        int signatures = pdfsig.split("Signature #", -1).length - 1;
        assertThat(pdfsig.split("Signature Validation: Signature is Valid.", -1).length - 1)
                .as("every CMS signature valid (poppler cannot check the last, the document time-stamp)\n" + pdfsig)
                .isGreaterThanOrEqualTo(signatures - 1);

        // Its text: the case's values and the session's times; none of the template example's values.
        String text = squeeze(run(List.of("pdftotext", "-enc", "UTF-8", sealed.toString(), "-")));
        Map<String, FieldSpec> fields = new DefaultTemplateService(TemplateRegistry.builtIn())
                .fields("INTERROGATION_RECORD").stream().collect(Collectors.toMap(FieldSpec::name, f -> f));
        List<String> expected = new ArrayList<>(List.of(INSTITUTION, CASE_NUMBER, PLACE, SUSPECT, ALIAS, suspectId,
                ETHNICITY, EDUCATION, OCCUPATION, HOUSEHOLD, RESIDENCE, PRIOR, INTERROGATOR_1, INTERROGATOR_2,
                RECORDER_NAME));
        expected.add(ValueFormatter.format(fields.get("suspectBirthDate"), BIRTH.toString(), Lang.ZH));
        String startShown = ValueFormatter.format(fields.get(RecordHeader.START), RecordHeader.minute(start), Lang.ZH);
        String endShown = ValueFormatter.format(fields.get(RecordHeader.END), RecordHeader.minute(frozen), Lang.ZH);
        expected.add(startShown);
        expected.add(endShown);
        for (String line : ProductionWorkstationMain.TYPED) {
            expected.add(line.substring(2));
        }
        for (String v : expected) {
            assertThat(text).as("the record shows %s", v).contains(squeeze(v));
        }
        JsonNode example;
        try (InputStream in = TemplateRegistry.class.getResourceAsStream(
                "/org/tixun/templates/examples/INTERROGATION_RECORD.json")) {
            example = new ObjectMapper().readTree(in);
        }
        List<String> exampleValues = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : example.properties()) {
            FieldSpec f = fields.get(e.getKey());
            if (f == null || !e.getValue().isTextual() || e.getValue().asText().length() < 3) {
                continue; // short choices (M, 无) and the Q&A below
            }
            exampleValues.add(e.getValue().asText());
            exampleValues.add(ValueFormatter.format(f, e.getValue().asText(), Lang.ZH));
        }
        for (JsonNode qa : example.get("qa")) {
            exampleValues.add(qa.get("q").asText());
        }
        assertThat(exampleValues).as("the example's values").contains("北京市海淀区人民检察院", "110108198807141234");
        for (String v : exampleValues) {
            assertThat(text).as("no example value %s in the record", v).doesNotContain(squeeze(v));
        }
        assertThat(text).doesNotContain("演示").doesNotContain("DEMO");

        // Photos: frames of the RTSP clip; fingerprints: the reader's image.
        Map<String, byte[]> files;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            files = Verifier.embeddedFiles(doc);
        }
        List<EvidenceManifest> manifests = new ArrayList<>();
        for (var e : files.entrySet()) {
            if (e.getKey().matches("s\\d+-manifest\\.json")) {
                manifests.add(EvidenceManifest.parse(e.getValue()));
            }
        }
        assertThat(manifests).as("one manifest per signer").hasSizeGreaterThanOrEqualTo(4);
        int photos = 0;
        int fingerprints = 0;
        Replay replay = new Replay(keys.escrowCredential());
        for (EvidenceManifest m : manifests) {
            for (EvidenceManifest.FileEntry f : m.files()) {
                if (f.purpose().startsWith("photo")) {
                    BufferedImage photo = ImageIO.read(new ByteArrayInputStream(files.get(f.name())));
                    assertThat(photo).as(f.name()).isNotNull();
                    if (!clipFrame(photo)) {
                        Files.write(shots.resolve("not-a-clip-frame-" + f.name()), files.get(f.name()));
                    }
                    assertThat(clipFrame(photo)).as("%s of %s is a frame of the RTSP camera's clip (kept in %s)",
                            f.name(), m.signerName(), shots).isTrue();
                    photos++;
                }
            }
            if (m.files().stream().anyMatch(f -> f.purpose().equals("fingerprints"))) {
                for (var fp : replay.fingerprints(pdf, m.revision()).entrySet()) {
                    FingerImageRecord.Parsed iso = FingerImageRecord.read(fp.getValue());
                    assertThat(iso.image().width() * iso.image().height()).isEqualTo(finger.length);
                    assertThat(iso.image().pixels()).as("fingerprint %s is the reader's image", fp.getKey())
                            .isEqualTo(finger);
                    fingerprints++;
                }
            }
            assertThat(m.events()).allSatisfy(e -> assertThat(e.device().vendor() + " " + e.device().model())
                    .as("the device of %s", e.slotId()).containsAnyOf("ISDV4", "GA/T 626.1")
                    .doesNotContain("SimPad").doesNotContain("canvas"));
        }
        assertThat(photos).as("signer photos").isGreaterThanOrEqualTo(manifests.size());
        assertThat(fingerprints).as("fingerprints").isGreaterThanOrEqualTo(2);

        // No bundled sample file anywhere: not in the bytes, not as any stream, not as any attachment.
        List<byte[]> streams = streams(pdf);
        Set<String> contentHashes = Stream.concat(streams.stream(), files.values().stream())
                .map(ProductionSessionEndToEndTest::sha256).collect(Collectors.toSet());
        contentHashes.add(sha256(pdf));
        List<Path> samples = sampleFiles();
        assertThat(samples).as("desktop/demo and desktop/sim resources").hasSizeGreaterThanOrEqualTo(5);
        for (Path sample : samples) {
            byte[] bytes = Files.readAllBytes(sample);
            assertThat(contentHashes).as("%s (SHA-256) in the record", sample).doesNotContain(sha256(bytes));
            if (bytes.length >= 64) {
                byte[] probe = Arrays.copyOf(bytes, Math.min(bytes.length, 4096));
                assertThat(indexOf(pdf, probe)).as("%s inside the record's bytes", sample).isNegative();
                for (byte[] s : streams) {
                    assertThat(indexOf(s, probe)).as("%s inside a stream of the record", sample).isNegative();
                }
                for (var f : files.entrySet()) {
                    assertThat(indexOf(f.getValue(), probe)).as("%s inside %s", sample, f.getKey()).isNegative();
                }
            }
        }
        // The demo's generated sample images (its photos, drawn fingerprint, synthetic camera), decoded.
        List<BufferedImage> recordImages = new ArrayList<>();
        for (byte[] s : Stream.concat(streams.stream(), files.values().stream()).toList()) {
            BufferedImage img = decode(s);
            if (img != null) {
                recordImages.add(img);
            }
        }
        assertThat(recordImages).as("images in the record").hasSizeGreaterThanOrEqualTo(photos);
        for (var sample : demoImages().entrySet()) {
            assertThat(contentHashes).as("the demo's %s in the record", sample.getKey())
                    .doesNotContain(sha256(sample.getValue()));
            BufferedImage s = decode(sample.getValue());
            for (BufferedImage r : recordImages) {
                assertThat(sameImage(s, r)).as("the demo's %s is not an image of the record", sample.getKey())
                        .isFalse();
            }
        }

        // The record as a reader sees it: the header page and the signature page.
        int pages = pageCount(sealed);
        run(List.of("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", sealed.toString(),
                shots.resolve("production-record-page1").toString()));
        run(List.of("pdftoppm", "-png", "-r", "100", "-f", Integer.toString(pages), "-l", Integer.toString(pages),
                "-singlefile", sealed.toString(), shots.resolve("production-record-last-page").toString()));
        System.out.printf("sealed record: %d pages, %d signer revisions, %d photos, %d fingerprints, %d streams%n",
                pages, manifests.size(), photos, fingerprints, streams.size());
    }

    /**
     * A frame of {@link TestClip}'s clip: mostly its blue-grey field (90, 110, 130) with the orange bar across it or
     * wrapping at the edge, and the white frame number; JPEG and H.264 move colours a little.
     */
    private static boolean clipFrame(BufferedImage img) {
        long field = 0;
        long orange = 0;
        long white = 0;
        long total = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 90) < 25 && Math.abs(g - 110) < 25 && Math.abs(b - 130) < 25) {
                    field++;
                } else if (r > 200 && g > 150 && g < 225 && b < 90) {
                    orange++;
                } else if (r > 210 && g > 210 && b > 210) {
                    white++;
                }
                total++;
            }
        }
        // The grey field, and the moving orange bar or the white frame number (drawn over the bar, always there):
        // the bar wraps at the right edge, where a frame may hold only a pixel or two of it.
        return field > total * 0.5 && (orange > total * 0.03 || white > total * 0.004);
    }

    /** The same picture (same size, pixels within a few grey levels on average). */
    private static boolean sameImage(BufferedImage a, BufferedImage b) {
        if (a == null || b == null || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        long diff = 0;
        long n = 0;
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    diff += Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff));
                }
                n += 3;
            }
        }
        return diff < n * 6;
    }

    private static BufferedImage decode(byte[] bytes) {
        if (bytes.length < 8 || !(bytes[0] == (byte) 0x89 && bytes[1] == 'P' || bytes[0] == (byte) 0xff
                && bytes[1] == (byte) 0xd8)) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return null;
        }
    }

    /** The demo's generated sample images, encoded as the demo hands them out. */
    private static Map<String, byte[]> demoImages() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("drawn fingerprint (SampleRecord.fingerprintImage)", org.tixun.demo.SampleRecord.fingerprintImage());
        for (int seed = 0; seed < 6; seed++) {
            out.put("sample photo " + seed, org.tixun.demo.SampleRecord.photo(seed));
        }
        out.put("generated face (DemoPhotos)", org.tixun.demo.DemoPhotos.source().snapshot());
        for (boolean remote : new boolean[] {false, true}) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(org.tixun.sim.TestPattern.picture(640, 480, 0, remote), "png", png);
            out.put("synthetic camera frame" + (remote ? " (remote)" : ""), png.toByteArray());
        }
        return out;
    }

    /** Every resource file of desktop/demo and desktop/sim (the bundled samples). */
    private static List<Path> sampleFiles() throws IOException {
        Path desktop = Path.of("").toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String module : List.of("demo", "sim")) {
            Path res = desktop.resolve(module).resolve("src/main/resources");
            try (Stream<Path> s = Files.walk(res)) {
                s.filter(Files::isRegularFile).forEach(out::add);
            }
        }
        return out;
    }

    /** Every stream of every revision, as stored and (when Flate-compressed) inflated. */
    private static List<byte[]> streams(byte[] pdf) {
        List<byte[]> out = new ArrayList<>();
        byte[] open = "stream".getBytes(StandardCharsets.US_ASCII);
        byte[] close = "endstream".getBytes(StandardCharsets.US_ASCII);
        int from = 0;
        while (true) {
            int s = indexOf(pdf, open, from);
            if (s < 0) {
                break;
            }
            if (s >= 3 && pdf[s - 1] == 'd' && pdf[s - 2] == 'n' && pdf[s - 3] == 'e') {
                from = s + open.length;
                continue;
            }
            int body = s + open.length;
            if (body < pdf.length && pdf[body] == '\r') {
                body++;
            }
            if (body < pdf.length && pdf[body] == '\n') {
                body++;
            }
            int e = indexOf(pdf, close, body);
            if (e < 0) {
                break;
            }
            int end = e;
            while (end > body && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r')) {
                end--;
            }
            byte[] stored = Arrays.copyOfRange(pdf, body, end);
            out.add(stored);
            byte[] inflated = inflate(stored);
            if (inflated != null) {
                out.add(inflated);
            }
            from = e + close.length;
        }
        return out;
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.size() == 0 ? null : out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private int pageCount(Path pdf) throws Exception {
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(run(List.of("pdfinfo", pdf.toString())));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String pdfsig(Path pdf, InstitutionKeyStore keys) throws Exception {
        Path db = Files.createDirectories(dir.resolve("nssdb"));
        Path der = Files.write(dir.resolve("root.der"), keys.rootCertificate().getEncoded());
        run(List.of("certutil", "-N", "-d", "sql:" + db, "--empty-password"));
        run(List.of("certutil", "-A", "-d", "sql:" + db, "-n", "qingchuan-root", "-t", "CT,C,C", "-i",
                der.toString()));
        return run(List.of("pdfsig", "-nssdir", "sql:" + db, pdf.toString()));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0 && !command.get(0).equals("pdfsig")) {
            throw new IOException(command + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    // ---- the installations, as their administrators set them up ---------------------------------------------

    /** First run, users, devices in Settings, the case and its record; returns the record id. */
    private static String setUpWorkstation(Path wsDir, String terminalAddress, String camera, String pad,
            Path livescan, String suspectId) {
        try (CoreServices core = CoreServices.open(DataDir.at(wsDir), Clock.systemUTC(), TestApp.FAST)) {
            new FirstRunSetup(core, TestApp.FAST).run(new FirstRunSetup.Request(INSTITUTION, ADMIN, "系统管理员",
                    "qc-admin-password".toCharArray(), "135790".toCharArray(), KeySource.GENERATE,
                    PASSPHRASE.toCharArray(), null, null, new MachineConfig(AppMode.WORKSTATION, terminalAddress,
                            "")));
            core.users().add(ADMIN, RECORDER, RECORDER_NAME, Role.RECORDER, "liuyan-password".toCharArray());
            Settings s = core.settings();
            s.put(DeviceSettings.CAMERA, camera);
            s.put(DeviceSettings.MICROPHONE, "default [default]");
            s.put(Settings.WORKSTATION_PAD, "ISDV4:" + pad);
            s.put(DeviceSettings.FINGERPRINT, "livescan:" + livescan);
            Participant suspect = new Participant(null, ParticipantRole.SUSPECT, SUSPECT, Sex.MALE, null, ALIAS, BIRTH,
                    suspectId, ETHNICITY, EDUCATION, OCCUPATION, HOUSEHOLD, RESIDENCE, PRIOR, null, false, null);
            CaseFile c = core.cases().save(RECORDER, new CaseFile(null, CASE_NUMBER, "盗窃", List.of(suspect,
                    Participant.person(ParticipantRole.INTERROGATOR, INTERROGATOR_1, Sex.MALE, INSTITUTION),
                    Participant.person(ParticipantRole.INTERROGATOR, INTERROGATOR_2, Sex.FEMALE, INSTITUTION),
                    Participant.person(ParticipantRole.RECORDER, RECORDER_NAME, Sex.FEMALE, INSTITUTION)), null,
                    null));
            return core.records().createDraft(RECORDER, c, "INTERROGATION_RECORD", "讯问笔录（第1次）").id();
        }
    }

    /** The terminal's first run, its guiding officer, its listening address and its devices in Settings. */
    private static void setUpTerminal(Path tDir, int port, String camera, String pad, Path livescan) {
        try (CoreServices core = CoreServices.open(DataDir.at(tDir), Clock.systemUTC(), TestApp.FAST)) {
            new TerminalFirstRun(core, TestApp.FAST).run(new TerminalFirstRun.Request("青川县看守所远程提讯终端",
                    "qc-terminal-admin", "终端管理员", "terminal-admin-pw".toCharArray(), "246813".toCharArray(),
                    port));
            core.users().add("qc-terminal-admin", OFFICER, "看守所民警", Role.TERMINAL_OFFICER,
                    "officer-password".toCharArray());
            Settings s = core.settings();
            s.put(TerminalStation.LISTEN_SETTING, "127.0.0.1:" + port);
            s.put(DeviceSettings.CAMERA, camera);
            s.put(DeviceSettings.MICROPHONE, "default [default]");
            s.put(DeviceSettings.PAD, "ISDV4:" + pad);
            s.put(DeviceSettings.FINGERPRINT, "livescan:" + livescan);
        }
    }

    /** Two seconds of a tone sequence (48 kHz mono 16-bit WAV), for the rooms' microphones. */
    private static Path roomSound(Path wav) throws IOException {
        int rate = 48_000;
        short[] pcm = new short[rate * 2];
        int[] tones = {440, 660, 550, 880};
        for (int i = 0; i < pcm.length; i++) {
            double f = tones[i / (pcm.length / tones.length)];
            pcm[i] = (short) (Math.sin(2 * Math.PI * f * i / rate) * 8000);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + pcm.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length * 2);
        for (short v : pcm) {
            b.putShort(v);
        }
        return Files.write(wav, b.array());
    }

    /** A valid ID number (check digit) for the birth date, in no template example. */
    private static String idNumber() {
        String first17 = "510822" + BIRTH.toString().replace("-", "") + "735";
        String id = first17 + ChineseIdNumber.checkDigit(first17);
        assertThat(ChineseIdNumber.isValid(id)).isTrue();
        return id;
    }

    // ---- child JVMs -------------------------------------------------------------------------------------------

    /**
     * A child JVM on the production class path: this test's class path without the demo and simulator modules
     * (tixun-demo, tixun-sim), Monocle for the screens (as the UI tests run), the given environment.
     */
    private static Process child(Class<?> main, Map<String, String> env, Path log, String... args)
            throws IOException {
        String cp = Arrays.stream(ChildJvms.classPath().split(java.io.File.pathSeparator))
                .filter(e -> !demoOrSim(e)).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(ChildJvms.java(), "-Dfile.encoding=UTF-8",
                "-Dtestfx.headless=true", "-Dprism.order=sw", "-Dprism.text=t2k", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dheadless.geometry=1920x1200-32", "-Djava.awt.headless=true",
                "-da:com.itextpdf...", "-cp", cp, main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static boolean demoOrSim(String entry) {
        String e = entry.replace('\\', '/');
        String name = e.substring(e.lastIndexOf('/', e.endsWith("/") ? e.length() - 2 : e.length()) + 1);
        return name.startsWith("tixun-demo") || name.startsWith("tixun-sim") || e.contains("/desktop/demo/")
                || e.contains("/desktop/sim/");
    }

    /** Waits for a line starting with {@code prefix} in the child's output; fails if the child ends first. */
    private static String await(Process p, Path log, String prefix, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = read(log);
            for (String l : text.split("\n")) {
                if (l.startsWith(prefix)) {
                    return l;
                }
            }
            if (!p.isAlive()) {
                throw new AssertionError("the child ended (" + p.exitValue() + ") before " + prefix + "\n" + text);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + prefix + " within " + timeout.toSeconds() + " s\n" + text);
            }
            Thread.sleep(100);
        }
    }

    private static String line(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " line in\n" + text));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
