// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;
import org.tixun.core.TixunException;
import org.tixun.core.media.MediaDevices;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.WorkstationLink;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SealedFiling;
import org.tixun.core.session.flow.SessionMedia;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.i18n.SessionMessages;
import org.tixun.signpad.PenSampleListener;
import org.tixun.templates.DocumentData;

/**
 * What the demo adds to the application, found with {@link ServiceLoader}
 * ({@code META-INF/services/org.tixun.core.session.demo.DemoKit}, implemented by the {@code tixun-demo} module).
 * Production modules know only this interface: a package built without the demo has no implementation, and a real
 * session never reaches demo data, simulated devices or synthetic handwriting.
 */
public interface DemoKit {

    /** The demo when this package has it. */
    static Optional<DemoKit> installed() {
        return ServiceLoader.load(DemoKit.class).findFirst();
    }

    /** The demo, or a usage error saying the package has none. */
    static DemoKit require() {
        return installed().orElseThrow(() -> new TixunException(TixunException.Exit.USAGE,
                SessionMessages.of("demo.notInstalled")));
    }

    /** The demo users' password (shown on the demo's login screen). */
    String userPassword();

    /** The demo key stores' passphrase. */
    char[] keystorePassphrase();

    /** Demo users, case and settings in a demo data dir (idempotent). */
    void ensureData(CoreServices core);

    /** The demo institution's key store (made on first use). */
    InstitutionKeyStore keys(CoreServices core);

    /** The simulated camera and microphone. */
    MediaDevices devices();

    /** A pad simulator replaying demo handwriting over a pty at {@code rateHz}, files in {@code workDir}. */
    SignatureSource pad(Path workDir, double rateHz);

    /** The simulated pad's self-test: replays the {@code run}-th demo signature to {@code listener}. */
    PadReplay replayPad(Path workDir, int run, PenSampleListener listener) throws Exception;

    /** A simulated pad replaying a signature through the production driver. */
    interface PadReplay extends AutoCloseable {
        /** The host side: the production driver on the pty. */
        org.tixun.signpad.SignaturePad pad();

        /** Waits until the simulator has sent the whole signature. */
        boolean awaitFinished(Duration timeout) throws InterruptedException;

        @Override
        void close();
    }

    /**
     * A workstation and a terminal linked in this process over loopback (mutual TLS), with simulated media; the
     * stations carry the demo's names.
     */
    Pair startPair(CoreServices core, boolean media, SealedFiling filing) throws IOException;

    /** The demo session's header and Q&amp;A base. */
    DocumentData baseData();

    /**
     * Plays the demo script: types the questions and answers into {@code typist}, applies the corrections, freezes,
     * then signs at the terminal with {@code pad} and {@code camera}, pausing {@code stepPauseMs} between steps.
     */
    void autoplay(Typist typist, WorkstationFlow workstation, TerminalFlow terminal, SignatureSource pad,
            PhotoSource camera, long stepPauseMs) throws Exception;

    /** {@code tixun demo --headless}: a sealed sample record in {@code out}, filed with {@code filing}; exit code. */
    int headlessDemo(CoreServices core, Path out, SealedFiling filing, PrintWriter console) throws Exception;

    /**
     * {@code tixun workstation --headless}: a scripted session against a terminal ({@code name} null: the demo's
     * workstation name); exit code.
     */
    int headlessWorkstation(Path dataDir, Path script, String connect, String enrollCode, String name,
            LinkConfig link, Duration timeout, java.util.function.Function<CoreServices, SealedFiling> filing,
            PrintWriter out) throws Exception;

    /** {@code tixun terminal --headless}: a terminal that signs with the simulated pad; exit code. */
    int headlessTerminal(Path dataDir, String listen, String name, char[] passphrase,
            ReadingConfirmation.Path reading, double padRateHz, int exitAfterEvents, Duration timeout,
            LinkConfig link, String camera, int mediaWidth, int mediaHeight, PrintWriter out) throws Exception;

    /** The demo's two ends in one process. */
    interface Pair extends AutoCloseable {
        WorkstationFlow workstation();

        TerminalFlow terminal();

        WorkstationLink workstationLink();

        TerminalLink terminalLink();

        SessionMedia workstationMedia();

        SessionMedia terminalMedia();

        @Override
        void close() throws IOException;
    }

    /** The workstation's editor as the autoplay types into it (each call returns once the editor shows it). */
    interface Typist {
        /** Appends text at the end. */
        void append(String text) throws InterruptedException;

        /** Replaces the first occurrence of {@code from} with {@code to}. */
        void replace(String from, String to) throws InterruptedException;

        /** Freezes and sends the record (as the prosecutor's button does). */
        void freeze() throws InterruptedException;
    }
}
