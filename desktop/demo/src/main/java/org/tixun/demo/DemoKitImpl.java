// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.media.MediaDevices;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.demo.DemoKit;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SealedFiling;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.users.PasswordHasher;
import org.tixun.signpad.PenSampleListener;
import org.tixun.sim.SimulatedDevices;
import org.tixun.sim.SimulatedPadRig;
import org.tixun.templates.DocumentData;

/** The demo module's {@link DemoKit}: demo data, the simulators and the scripted session. */
public final class DemoKitImpl implements DemoKit {
    /** The demo pair's stations (the windowed demo). */
    static final String PAIR_TERMINAL_NAME = "演示看守所 讯问室 1";
    static final String PAIR_WORKSTATION_NAME = "演示工作站";
    /** The headless stations' names when {@code --name} is not given. */
    static final String HEADLESS_TERMINAL_NAME = "第一看守所 讯问室 2";
    static final String HEADLESS_WORKSTATION_NAME = "工作站 1";


    @Override
    public String userPassword() {
        return DemoData.PASSWORD;
    }

    @Override
    public char[] keystorePassphrase() {
        return DemoData.KEYSTORE_PASSPHRASE.toCharArray();
    }

    @Override
    public void ensureData(CoreServices core) {
        DemoData.ensure(core, PasswordHasher.DEFAULT);
    }

    @Override
    public InstitutionKeyStore keys(CoreServices core) {
        return DemoData.keys(core);
    }

    @Override
    public MediaDevices devices() {
        return new SimulatedDevices("synthetic:0");
    }

    @Override
    public SignatureSource pad(Path workDir, double rateHz) {
        return new PadSignatureSource(workDir, rateHz);
    }

    @Override
    public PadReplay replayPad(Path workDir, int run, PenSampleListener listener) throws Exception {
        String signature = SimulatedPadRig.SIGNATURES.get(Math.floorMod(run, SimulatedPadRig.SIGNATURES.size()));
        SimulatedPadRig rig = SimulatedPadRig.start(workDir, signature, listener);
        return new PadReplay() {
            @Override
            public org.tixun.signpad.SignaturePad pad() {
                return rig.pad();
            }

            @Override
            public boolean awaitFinished(Duration timeout) throws InterruptedException {
                return rig.awaitFinished(timeout);
            }

            @Override
            public void close() {
                rig.close();
            }
        };
    }

    @Override
    public Pair startPair(CoreServices core, boolean media, SealedFiling filing) throws IOException {
        return DemoSessionPair.start(core, PAIR_TERMINAL_NAME, PAIR_WORKSTATION_NAME, media, filing);
    }

    @Override
    public DocumentData baseData() {
        try {
            return SessionScript.demo().baseData();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the demo script cannot be read", e);
        }
    }

    @Override
    public void autoplay(Typist typist, WorkstationFlow workstation, TerminalFlow terminal, SignatureSource pad,
            PhotoSource camera, long stepPauseMs) throws Exception {
        SessionScript script = SessionScript.demo();
        workstation.live().awaitWarmedUp(script.typing.warmUpMaxMs);
        int step = Math.max(1, script.typing.charsPerKeystroke);
        boolean first = true;
        for (SessionScript.Qa e : script.qa) {
            typist.append((first ? "" : "\n") + "问：");
            first = false;
            type(typist, e.q, script.typing.keystrokeMs, step);
            typist.append("\n答：");
            type(typist, e.a, script.typing.keystrokeMs, step);
        }
        Thread.sleep(800);
        for (SessionScript.Correction c : script.corrections) {
            typist.replace(c.from, c.to);
            Thread.sleep(800);
        }
        workstation.live().awaitRendered(5000);
        typist.freeze();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        TerminalFlow.Step s = terminal.current();
        while (s.kind() != TerminalFlow.StepKind.DONE && s.kind() != TerminalFlow.StepKind.ENDED
                && System.nanoTime() < deadline) {
            switch (s.kind()) {
                case READING -> {
                    Thread.sleep(stepPauseMs);
                    terminal.chooseReading(ReadingConfirmation.Path.READ);
                }
                case SLOT -> {
                    Thread.sleep(stepPauseMs);
                    boolean firstOfSigner = s.index() == 0 || !terminal.state().slots.get(s.index() - 1).signer()
                            .equals(s.slot().signer());
                    terminal.complete(s.slot(), pad.capture(s.slot(), s.index()),
                            firstOfSigner ? camera.snapshot() : null, camera.snapshot());
                }
                default -> {
                }
            }
            s = terminal.awaitStepChange(s, Duration.ofMillis(500));
        }
    }

    private static void type(Typist typist, String text, int keystrokeMs, int chars) throws InterruptedException {
        for (int i = 0; i < text.length(); i += chars) {
            typist.append(text.substring(i, Math.min(text.length(), i + chars)));
            if (keystrokeMs > 0) {
                Thread.sleep(keystrokeMs);
            }
        }
    }

    @Override
    public int headlessDemo(CoreServices core, Path out, SealedFiling filing, PrintWriter console) throws Exception {
        DemoData.ensure(core, PasswordHasher.DEFAULT);
        var keys = DemoData.keys(core);
        long started = System.nanoTime();
        HeadlessDemo.Outcome outcome = HeadlessDemo.run(out.toAbsolutePath(), keys);
        long ms = (System.nanoTime() - started) / 1_000_000;
        CaseFile demoCase = core.cases().find(core.cases().search("1017号", 1).get(0).id()).orElseThrow();
        RecordSummary record = core.records().createDraft("demo", demoCase, "INTERROGATION_RECORD",
                "讯问笔录（演示签章）");
        byte[] sealed = java.nio.file.Files.readAllBytes(outcome.sealed());
        // the recording is filed as the seal states it, its segments taken into the record's own folder
        filing.file("demo", record.id(), outcome.sealed(), Pki.sha256Hex(sealed), outcome.recordingDir());
        console.printf("Rendered %d pages, %d signers signed, sealed and verified in %d ms.%n", outcome.pages(),
                outcome.signers(), ms);
        console.printf("  frozen record   %s%n  sealed record   %s%n  trust anchor    %s%n  report          %s%n",
                outcome.frozen(), outcome.sealed(), outcome.rootCertificate(),
                outcome.sealed().resolveSibling("verification.txt"));
        console.printf("  filed as record %s (SEALED, queued for sync) in %s%n", record.id(), core.dataDir().root());
        console.println(outcome.report().ok() ? "Verification: all checks hold."
                : "Verification FAILED:\n" + outcome.report().toText());
        console.printf("Check it independently: pdfsig %s ; tixun verify %s --trust-anchor %s%n", outcome.sealed(),
                outcome.sealed(), outcome.rootCertificate());
        return outcome.report().ok() ? 0 : 1;
    }

    @Override
    public int headlessWorkstation(Path dataDir, Path script, String connect, String enrollCode, String name,
            LinkConfig link, Duration timeout, Function<CoreServices, SealedFiling> filing, PrintWriter out)
            throws Exception {
        return HeadlessWorkstation.run(new HeadlessWorkstation.Options(dataDir, script, connect, enrollCode,
                name == null ? HEADLESS_WORKSTATION_NAME : name, link,
                timeout, filing), out);
    }

    @Override
    public int headlessTerminal(Path dataDir, String listen, String name, char[] passphrase,
            ReadingConfirmation.Path reading, double padRateHz, int exitAfterEvents, Duration timeout,
            LinkConfig link, String camera, int mediaWidth, int mediaHeight, PrintWriter out) throws Exception {
        return HeadlessTerminal.run(new HeadlessTerminal.Options(dataDir, listen,
                name == null ? HEADLESS_TERMINAL_NAME : name,
                passphrase == null ? keystorePassphrase() : passphrase, reading, padRateHz, exitAfterEvents, timeout,
                link, camera, mediaWidth, mediaHeight), out);
    }
}
