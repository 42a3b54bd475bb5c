// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.core.i18n.Message;
import org.tixun.sim.SimulatedDevices;
import org.tixun.core.session.LinkRefusedException;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.flow.Capture;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SessionMedia;
import org.tixun.core.session.flow.SlotPlanner;
import org.tixun.core.session.flow.TerminalBackup;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.TerminalStation;
import org.tixun.demo.PadSignatureSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.tixun.core.TixunException;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.session.EnrolledTerminal;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.TerminalLink;

/**
 * {@code tixun terminal --headless}: enrolls on first start (prints the code and writes it to
 * {@code enrollment-code.txt}), listens, shows (decodes) the live record and echoes it, and signs every
 * terminal-side slot with the simulated pad, resuming after a restart.
 */
public final class HeadlessTerminal {
    /** Name of the enrolled key store in the terminal's data dir. */
    public static final String KEYSTORE = TerminalStation.KEYSTORE;
    /** Where the enrollment code is written for a non-interactive workstation. */
    public static final String CODE_FILE = TerminalStation.CODE_FILE;

    private HeadlessTerminal() {
    }

    /**
     * Options.
     *
     * @param exitAfterEvents fault injection: halt the JVM (exit 75, no clean-up) right after this many signature
     *        events were sent in this run, as a power cut would (0 = never)
     */
    public record Options(Path dataDir, String listen, String name, char[] passphrase,
            ReadingConfirmation.Path reading, double padRateHz, int exitAfterEvents, Duration timeout,
            LinkConfig link, String camera, int mediaWidth, int mediaHeight) {
    }

    public static int run(Options o, PrintWriter out) throws Exception {
        Files.createDirectories(o.dataDir());
        InetSocketAddress address = parse(o.listen());
        EnrolledTerminal enrolled;
        if (!TerminalStation.enrolled(o.dataDir())) {
            try (TerminalStation.Enrolment e = TerminalStation.Enrolment.open(o.dataDir(), o.name(), address)) {
                out.printf("注册码 (enrollment code): %s  — waiting for the workstation on %s%n", e.code(), e.bound());
                out.flush();
                enrolled = e.awaitAndSave(o.timeout(), o.passphrase());
                out.printf("已注册 (enrolled); institution root code %s%n", enrolled.rootCode());
            }
        } else {
            enrolled = TerminalStation.load(o.dataDir(), o.passphrase());
        }
        try (TerminalStation station = TerminalStation.open(o.dataDir(), o.name(), enrolled, o.link())) {
            SessionMedia media = o.camera() == null ? null
                    : SessionMedia.open(new SimulatedDevices(o.camera()), o.mediaWidth(), o.mediaHeight(), 25);
            // The terminal's own backup of the session recording (stopped before the media it records).
            TerminalBackup backup = media == null ? null
                    : TerminalBackup.attach(o.dataDir(), station.link(), media, RecordingConfig.sd());
            try {
                if (media != null) {
                    media.acceptOn(station.link());
                }
                return session(o, out, station, address, media);
            } finally {
                try {
                    if (backup != null) {
                        Path where = backup.currentDirectory();
                        backup.close();
                        if (where != null) {
                            out.printf("[terminal] backup recording: %s%n", where);
                        }
                    }
                } finally {
                    if (media != null) {
                        media.close();
                    }
                }
            }
        }
    }

    private static int session(Options o, PrintWriter out, TerminalStation station, InetSocketAddress address,
            SessionMedia media) throws Exception {
        TerminalLink link = station.link();
        SignatureEventJournal journal = station.journal();
        TerminalFlow flow = station.flow();
        int[] connects = {0};
        link.addListener(new LinkListener() {
            @Override
            public void onStateChanged(LinkStateEvent event) {
                synchronized (out) {
                    if (event.state() == org.tixun.core.session.LinkState.CONNECTED) {
                        connects[0]++;
                    }
                    out.printf("[terminal] link %s: %s%n", event.state(), event.detail());
                    out.flush();
                }
            }

            @Override
            public void onRefused(org.tixun.core.session.LinkRefusedException refusal) {
                synchronized (out) {
                    out.printf("[terminal] refused: %s%n", refusal.getMessage());
                    out.flush();
                }
            }
        });
        flow.addListener(new FlowListener() {
            @Override
            public void liveRecord(LiveRecordUpdate update) {
                try {
                    for (byte[] png : update.pagesPng()) {
                        if (ImageIO.read(new ByteArrayInputStream(png)) == null) {
                            throw new IOException("not an image");
                        }
                    }
                    flow.shown(update);
                } catch (IOException e) {
                    synchronized (out) {
                        out.printf("[terminal] live page %d not shown: %s%n", update.revision(), e.getMessage());
                    }
                }
            }

            @Override
            public void problem(Message message) {
                synchronized (out) {
                    out.printf("[terminal] %s%n", message.bilingual());
                    out.flush();
                }
            }
        });
        InetSocketAddress bound = station.listen(address);
        synchronized (out) {
            out.printf("[terminal] listening on %s:%d%n", bound.getHostString(), bound.getPort());
            out.flush();
        }
        PadSignatureSource pad = new PadSignatureSource(o.dataDir().resolve("pad"), o.padRateHz());
        PhotoSource camera = media != null ? media.photos() : DemoPhotos.source();
        Set<String> photographed = new HashSet<>();
        int sentThisRun = 0;
        long deadline = System.nanoTime() + o.timeout().toNanos();
        TerminalFlow.Step step = flow.current();
        while (step.kind() != TerminalFlow.StepKind.ENDED) {
            if (System.nanoTime() > deadline) {
                throw new TixunException(TixunException.Exit.FAILED, "会话超时 (the session did not end within "
                        + o.timeout() + ")");
            }
            switch (step.kind()) {
                case READING -> {
                    flow.chooseReading(o.reading());
                    synchronized (out) {
                        out.printf("[terminal] reading path: %s%n", o.reading().label());
                    }
                }
                case SLOT -> {
                    var slot = step.slot();
                    byte[] penDown = photographed.add(SlotPlanner.signerKey(slot)) ? camera.snapshot() : null;
                    Capture c = pad.capture(slot, step.index());
                    flow.complete(slot, c, penDown, camera.snapshot());
                    sentThisRun++;
                    synchronized (out) {
                        out.printf("[terminal] signed %d/%d %s (%s, page %d, %d samples)%n", step.index() + 1,
                                step.total(), slot.slotId(), slot.signer().role().label(), slot.pageIndex() + 1,
                                c.samples().size());
                        out.flush();
                    }
                    if (o.exitAfterEvents() > 0 && sentThisRun == o.exitAfterEvents()) {
                        out.println("[terminal] fault injection: halting now (as a power cut)");
                        out.flush();
                        Runtime.getRuntime().halt(75);
                    }
                }
                default -> {
                }
            }
            step = flow.awaitStepChange(step, Duration.ofMillis(500));
        }
        boolean acked = link.awaitAcknowledged(Duration.ofSeconds(10));
        var st = flow.state();
        synchronized (out) {
            out.printf("[terminal] session ended: %s%n", st.endMessage);
            out.printf("[terminal] live record pages shown: %d; signature events sent (journal): %d; all acknowledged:"
                    + " %s; connections: %d%n", flow.liveShown(), journal.load(st.recordId).size(), acked,
                    connects[0]);
            out.flush();
        }
        if (media != null) {
            synchronized (out) {
                out.printf("[terminal] %s%n", media.figures());
            }
        }
        return acked ? 0 : 1;
    }

    static InetSocketAddress parse(String hostPort) {
        return TerminalStation.parse(hostPort);
    }
}
