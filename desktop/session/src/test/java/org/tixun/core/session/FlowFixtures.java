// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.session.flow.Capture;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationSetup;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.Lang;

/**
 * The two flows of a remote session in one JVM: a terminal (link, store, journal, flow) listening on loopback, a
 * workstation setup for the interrogation record, generated handwriting for both pads, and a walk through every
 * terminal step.
 */
final class FlowFixtures {
    private FlowFixtures() {
    }

    /** The test pad's description. */
    static final DeviceInfo PAD = new DeviceInfo("Test", "TestPad", "T-0001", "1.0", 2000, 800, 1023, 200);

    /** Test pen samples (the pad path is covered by the two-process test): a wave across the pad. */
    static final SignatureSource SAMPLES = (slot, seed) -> {
        Instant t = Instant.now();
        long mono = System.nanoTime();
        boolean finger = slot.kind() == SlotKind.FINGERPRINT;
        List<StrokeSample> samples = finger ? List.of() : strokes(seed, 300);
        return new Capture(samples, null, finger ? image(40, 50, BufferedImage.TYPE_BYTE_GRAY, "png") : null, t,
                t.plusMillis(1500), mono, mono + 1_500_000_000L, 0, 1_500_000, PAD);
    };

    /** {@code count} samples of one stroke, 5 ms apart, shaped by {@code seed}. */
    static List<StrokeSample> strokes(int seed, int count) {
        List<StrokeSample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int x = 100 + i * 1800 / count;
            int y = 400 + (int) (200 * Math.sin((i + seed * 7) / 20.0));
            out.add(StrokeSample.of(x, y, 600, i * 5L, true));
        }
        return out;
    }

    /** A plain test picture (JPEG or PNG). */
    static byte[] image(int width, int height, int type, String format) {
        BufferedImage img = new BufferedImage(width, height, type);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Test photos of the signer. */
    static final PhotoSource PHOTOS = () -> image(64, 48, BufferedImage.TYPE_INT_RGB, "jpg");

    /** The terminal side: its store, journal, link listening on a loopback port, and flow. */
    record Terminal(SessionStore store, SignatureEventJournal journal, TerminalLink link, TerminalFlow flow,
            int port) implements AutoCloseable {
        static Terminal open(LinkFixtures fx, Path dir) throws IOException {
            SessionStore store = SessionStore.open(dir.resolve("session.db"));
            SignatureEventJournal journal = new SignatureEventJournal(dir.resolve("journal"));
            TerminalLink link = new TerminalLink("终端", fx.terminalTls(fx.terminalCredential("127.0.0.1")), store,
                    journal, LinkFixtures.FAST);
            TerminalFlow flow = new TerminalFlow(link, store, journal, dir);
            int port = link.listen(new InetSocketAddress("127.0.0.1", 0)).getPort();
            return new Terminal(store, journal, link, flow, port);
        }

        String address() {
            return "127.0.0.1:" + port;
        }

        @Override
        public void close() throws IOException {
            link.close();
            store.close();
        }
    }

    /** The interrogation-record workstation setup: generated pad and photos, filing noted in {@code filed}. */
    static WorkstationSetup setup(String sessionId, String recordId, Path wdir, SessionStore ws,
            SignatureEventJournal wj, LinkFixtures fx, DefaultTemplateService templates, List<String> filed) {
        return new WorkstationSetup(
                new WorkstationSetup.Session(sessionId, recordId, wdir.resolve("sessions/" + sessionId), null),
                new WorkstationSetup.Document("INTERROGATION_RECORD", Lang.ZH, templates, Map.of()),
                new WorkstationSetup.Stores(ws, wj), new WorkstationSetup.Signers(SAMPLES, PHOTOS),
                new WorkstationSetup.Seal(fx.keys, (id, pdf, sha) -> filed.add(id)));
    }

    /** {@code s} with another seal part (time-stamps, GM track). */
    static WorkstationSetup withSeal(WorkstationSetup s, WorkstationSetup.Seal seal) {
        return new WorkstationSetup(s.session(), s.document(), s.stores(), s.signers(), seal);
    }

    /**
     * A step the terminal presented and how it was completed.
     *
     * @param step the step as {@link TerminalFlow#current()} gave it
     * @param event the signature event that completed a SLOT step (null for READING)
     */
    record Walked(TerminalFlow.Step step, SignatureEvent event) {
    }

    /**
     * Walks the terminal from its current step to DONE as the people at the terminal would: the suspect chooses to
     * read, then every slot is signed with {@link #SAMPLES}, in the order the flow presents them.
     */
    static List<Walked> walk(TerminalFlow terminal) throws IOException, InterruptedException {
        List<Walked> walked = new ArrayList<>();
        TerminalFlow.Step s = terminal.current();
        while (s.kind() != TerminalFlow.StepKind.DONE) {
            if (s.kind() == TerminalFlow.StepKind.READING) {
                terminal.chooseReading(ReadingConfirmation.Path.READ);
                walked.add(new Walked(s, null));
            } else if (s.kind() == TerminalFlow.StepKind.SLOT) {
                SignatureEvent e = terminal.complete(s.slot(), SAMPLES.capture(s.slot(), s.index()), null,
                        PHOTOS.snapshot());
                walked.add(new Walked(s, e));
                Thread.sleep(100);
            }
            s = terminal.awaitStepChange(s, Duration.ofSeconds(1));
        }
        return walked;
    }
}
