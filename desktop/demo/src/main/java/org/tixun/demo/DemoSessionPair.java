// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.sim.SimulatedDevices;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.RecorderRecording;
import org.tixun.core.session.flow.SealedFiling;
import org.tixun.core.session.flow.SessionMedia;
import org.tixun.core.session.flow.SessionRecording;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.flow.WorkstationSetup;
import org.tixun.demo.PadSignatureSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import org.tixun.core.services.CoreServices;
import org.tixun.core.cases.CaseFile;
import org.tixun.demo.DemoData;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.SessionCa;
import org.tixun.core.session.SessionRole;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.SessionTls;
import org.tixun.core.session.TerminalEnrollment;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.WorkstationLink;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.Lang;

/**
 * The demo's remote session in one process: a terminal and a workstation, each with its own session store and
 * journal under the demo data dir, linked over loopback with mutual TLS. The terminal's certificate is issued
 * straight from the demo institution's CA (the demo's shortcut for enrollment; both ends share one data dir).
 */
public final class DemoSessionPair implements org.tixun.core.session.demo.DemoKit.Pair {
    private final TerminalLink terminalLink;
    private final WorkstationLink workstationLink;
    private final TerminalFlow terminal;
    private final WorkstationFlow workstation;
    private final SessionStore terminalStore;
    private final SessionStore workstationStore;
    private SessionMedia terminalMedia;
    private SessionMedia workstationMedia;

    private DemoSessionPair(TerminalLink tl, WorkstationLink wl, TerminalFlow tf, WorkstationFlow wf,
            SessionStore ts, SessionStore ws) {
        this.terminalLink = tl;
        this.workstationLink = wl;
        this.terminal = tf;
        this.workstation = wf;
        this.terminalStore = ts;
        this.workstationStore = ws;
    }

    /** Starts both ends; the record is a new draft of the demo theft case. */
    public static DemoSessionPair start(CoreServices core, String terminalName, String workstationName,
            SealedFiling filing) throws IOException {
        return start(core, terminalName, workstationName, false, filing);
    }

    /** With {@code media}: synthetic cameras and tones both ways, the workstation's side recorded. */
    /** @param filing files the sealed record with its recording (the archive's {@code fileSealed}) */
    public static DemoSessionPair start(CoreServices core, String terminalName, String workstationName,
            boolean media, SealedFiling filing) throws IOException {
        InstitutionKeyStore keys = DemoData.keys(core);
        Path root = core.dataDir().root().resolve("remote-session");
        Files.createDirectories(root);
        SessionCa ca = SessionCa.open(core.dataDir().keystore(), DemoData.KEYSTORE_PASSPHRASE.toCharArray(), keys,
                root.resolve("terminal-revoked.txt"));
        KeyPair kp = Pki.newEcKeyPair();
        var chain = ca.signTerminalRequest(TerminalEnrollment.certificationRequest(kp, "terminal"), terminalName,
                "127.0.0.1");
        SessionTls terminalTls = SessionTls.create(SessionRole.TERMINAL, new IssuedCredential(kp.getPrivate(), chain),
                keys.rootCertificate(), ca.crl());
        LinkConfig config = LinkConfig.defaults();
        SessionStore ts = SessionStore.open(root.resolve("terminal/session.db"));
        SignatureEventJournal tj = new SignatureEventJournal(root.resolve("terminal/journal"));
        TerminalLink tl = new TerminalLink(terminalName, terminalTls, ts, tj, config);
        TerminalFlow tf = new TerminalFlow(tl, ts, tj, root.resolve("terminal"));
        SessionMedia tm = media ? SessionMedia.open(new SimulatedDevices("synthetic:1"), 640, 480, 25) : null;
        if (tm != null) {
            tm.acceptOn(tl);
        }
        InetSocketAddress bound = tl.listen(new InetSocketAddress("127.0.0.1", 0));

        String sessionId = "demo-" + Instant.now().toEpochMilli();
        SessionStore ws = SessionStore.open(root.resolve("workstation/session.db"));
        SignatureEventJournal wj = new SignatureEventJournal(root.resolve("workstation/journal"));
        WorkstationLink wl = new WorkstationLink(workstationName, ca.workstationTls(keys.tlsCredential()),
                "127.0.0.1:" + bound.getPort(), sessionId, ws, wj, config);
        CaseFile theft = core.cases().find(core.cases().search("1017号", 1).get(0).id()).orElseThrow();
        String recordId = core.records().createDraft("demo", theft, "INTERROGATION_RECORD", "讯问笔录（远程提讯）").id();
        Path work = root.resolve("workstation/sessions").resolve(sessionId);
        SessionRecording recording = RecorderRecording.start(work.resolve("recording"), sessionId, recordId, "demo",
                SessionScript.demo().recording.config());
        WorkstationFlow wf = new WorkstationFlow(new WorkstationSetup(
                new WorkstationSetup.Session(sessionId, recordId, work, recording),
                new WorkstationSetup.Document("INTERROGATION_RECORD", Lang.ZH,
                        DefaultTemplateService.forDataDir(core.dataDir().root()).withDemoMark(), Map.of()),
                new WorkstationSetup.Stores(ws, wj),
                new WorkstationSetup.Signers(new PadSignatureSource(work.resolve("pad"), 1000), DemoPhotos.source()),
                new WorkstationSetup.Seal(keys, (id, pdf, sha) -> {
                    filing.file("demo", id, pdf, sha, recording.directory());
                })), wl);
        SessionMedia wm = media ? SessionMedia.open(new SimulatedDevices("synthetic:0"), 640, 480, 25) : null;
        if (wm != null) {
            wm.sink().add(recording);
        }
        wl.start();
        DemoSessionPair pair = new DemoSessionPair(tl, wl, tf, wf, ts, ws);
        pair.terminalMedia = tm;
        pair.workstationMedia = wm;
        if (wm != null) {
            SessionTls wtls = ca.workstationTls(keys.tlsCredential());
            String address = "127.0.0.1:" + bound.getPort();
            Thread dial = new Thread(() -> {
                try {
                    if (wl.awaitState(org.tixun.core.session.LinkState.CONNECTED, java.time.Duration.ofSeconds(30))) {
                        wm.dial(wtls, address, sessionId);
                    }
                } catch (IOException e) {
                    org.slf4j.LoggerFactory.getLogger(DemoSessionPair.class).warn("demo media call failed", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "tixun-demo-media-dial");
            dial.setDaemon(true);
            dial.start();
        }
        return pair;
    }

    /** The terminal's media (null without media). */
    public SessionMedia terminalMedia() {
        return terminalMedia;
    }

    /** The workstation's media (null without media). */
    public SessionMedia workstationMedia() {
        return workstationMedia;
    }

    public TerminalLink terminalLink() {
        return terminalLink;
    }

    public WorkstationLink workstationLink() {
        return workstationLink;
    }

    public TerminalFlow terminal() {
        return terminal;
    }

    public WorkstationFlow workstation() {
        return workstation;
    }

    @Override
    public void close() throws IOException {
        if (workstationMedia != null) {
            workstationMedia.close();
        }
        if (terminalMedia != null) {
            terminalMedia.close();
        }
        workstation.close();
        workstation.recording().close();
        workstationLink.close();
        terminalLink.close();
        workstationStore.close();
        terminalStore.close();
    }
}
