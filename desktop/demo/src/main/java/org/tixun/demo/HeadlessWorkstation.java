// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.core.i18n.Message;
import org.tixun.sim.SimulatedDevices;
import org.tixun.core.session.SessionTls;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.LivePublisher;
import org.tixun.core.session.flow.Percentiles;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.RecorderRecording;
import org.tixun.core.session.flow.SessionMedia;
import org.tixun.core.session.flow.SessionRecording;
import org.tixun.core.session.flow.SlotPlanner;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.flow.WorkstationSetup;
import org.tixun.core.session.flow.WorkstationState;
import org.tixun.demo.PadSignatureSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.config.DataDir;
import org.tixun.demo.DemoData;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkRefusedException;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.SessionCa;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.WorkstationEnrollment;
import org.tixun.core.session.WorkstationLink;
import org.tixun.core.users.PasswordHasher;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.Lang;
import org.tixun.templates.QaEntry;

/**
 * {@code tixun workstation --headless}: runs a scripted session against a terminal — enrolls it if given the code,
 * types the Q&A (live record), freezes and sends for signing, injects a link drop if the script asks, signs the
 * workstation-side slots on the simulated pad, seals, verifies, files the record as SEALED and queues it for sync,
 * then prints the figures. Uses the demo institution of the data dir (created on first use).
 */
public final class HeadlessWorkstation {
    private HeadlessWorkstation() {
    }

    /** Options. */
    /** @param filing the filing of sealed records in the data dir's store (the archive's {@code fileSealed}) */
    public record Options(Path dataDir, Path script, String connect, String enrollCode, String name,
            LinkConfig link, Duration timeout,
            java.util.function.Function<CoreServices, org.tixun.core.session.flow.SealedFiling> filing) {
    }

    public static int run(Options o, PrintWriter out) throws Exception {
        long started = System.nanoTime();
        SessionScript script = SessionScript.read(o.script());
        DataDir dir = DataDir.at(o.dataDir());
        try (CoreServices core = CoreServices.open(dir)) {
            DemoData.ensure(core, PasswordHasher.DEFAULT);
            LivePublisher.prewarm(DefaultTemplateService.forDataDir(o.dataDir()), script.kind, Lang.ZH);
            InstitutionKeyStore keys = DemoData.keys(core);
            SessionCa ca = SessionCa.open(dir.keystore(), DemoData.KEYSTORE_PASSPHRASE.toCharArray(), keys,
                    o.dataDir().resolve("terminal-revoked.txt"));
            if (o.enrollCode() != null) {
                var cert = WorkstationEnrollment.enroll(ca, keys.tlsCredential(), o.connect(), o.enrollCode(),
                        "远程提讯终端 (headless)", Duration.ofSeconds(30));
                out.printf("[workstation] enrolled terminal %s%n", cert.getSubjectX500Principal().getName());
                // The terminal closes its enrollment listener and opens the session listener on the same port.
            }
            try (SessionStore store = SessionStore.open(o.dataDir().resolve("session.db"))) {
                return session(o, out, script, core, keys, ca, store, started);
            }
        }
    }

    private static int session(Options o, PrintWriter out, SessionScript script, CoreServices core,
            InstitutionKeyStore keys, SessionCa ca, SessionStore store, long started) throws Exception {
        SignatureEventJournal journal = new SignatureEventJournal(o.dataDir().resolve("journal"));
        org.tixun.core.session.SessionTls tls = ca.workstationTls(keys.tlsCredential());
        WorkstationLink link = new WorkstationLink(o.name(), tls, o.connect(), script.sessionId, store, journal,
                o.link());
        String recordId = store.flow(script.sessionId).map(SessionStore.FlowState::recordId)
                .orElseGet(() -> newRecord(core, script));
        Path workDir = o.dataDir().resolve("sessions").resolve(script.sessionId);
        SessionRecording recording = script.recording.enabled
                ? RecorderRecording.start(workDir.resolve("recording"), script.sessionId, recordId, "workstation",
                        script.recording.config())
                : SessionRecording.none();
        // The camera opens once the link is up (a refused workstation never takes it).
        AtomicReference<SessionMedia> mediaRef = new AtomicReference<>();
        PhotoSource synthetic = DemoPhotos.source();
        PhotoSource photos = () -> mediaRef.get() != null ? mediaRef.get().photos().snapshot() : synthetic.snapshot();
        WorkstationSetup setup = new WorkstationSetup(
                new WorkstationSetup.Session(script.sessionId, recordId, workDir, recording),
                new WorkstationSetup.Document(script.kind, Lang.ZH,
                        DefaultTemplateService.forDataDir(o.dataDir()).withDemoMark(), SlotPlanner.sides(script.signers)),
                new WorkstationSetup.Stores(store, journal),
                new WorkstationSetup.Signers(new PadSignatureSource(workDir.resolve("pad"), script.padRateHz), photos),
                new WorkstationSetup.Seal(keys, (id, pdf, sha) -> {
                    o.filing().apply(core).file("workstation", id, pdf, sha, recording.directory());
                }));
        AtomicReference<LinkRefusedException> refused = new AtomicReference<>();
        AtomicInteger connects = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger drops = new AtomicInteger();
        try (WorkstationFlow flow = new WorkstationFlow(setup, link)) {
            link.addListener(new LinkListener() {
                @Override
                public void onStateChanged(LinkStateEvent event) {
                    if (event.state() == LinkState.CONNECTED) {
                        connects.incrementAndGet();
                    }
                    say(out, "link " + event.state() + ": " + event.detail());
                }

                @Override
                public void onRefused(LinkRefusedException r) {
                    refused.set(r);
                    say(out, "refused: " + r.getMessage());
                }
            });
            flow.addListener(new FlowListener() {
                @Override
                public void signed(PlannedSlot slot, SignatureEvent event) {
                    say(out, "signature event " + event.eventId() + " " + slot.slotId() + " ("
                            + slot.signer().role().label() + ")");
                    if (event.eventId().startsWith("t-") && received.incrementAndGet()
                            == script.linkDrop.afterSignatureEvents) {
                        drops.incrementAndGet();
                        say(out, "fault injection: dropping the connection");
                        Thread t = new Thread(link::dropConnection, "tixun-fault-injection");
                        t.setDaemon(true);
                        t.start();
                    }
                }

                @Override
                public void problem(Message message) {
                    say(out, message.bilingual());
                }
            });
            flow.resume();
            link.start();
            long connectBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean connected = false;
            while (!connected && refused.get() == null && link.state() != LinkState.CLOSED
                    && System.nanoTime() < connectBy) {
                connected = link.awaitState(LinkState.CONNECTED, Duration.ofMillis(200));
            }
            if (!connected) {
                Thread.sleep(100); // the refusal event may trail the CLOSED state
                LinkRefusedException r = refused.get();
                throw new TixunException(r != null ? TixunException.Exit.AUTH : TixunException.Exit.FAILED,
                        r != null ? r.getMessage() : "无法连接终端 (cannot reach the terminal at " + o.connect() + ")");
            }
            if (script.media.enabled) {
                SessionMedia opened = SessionMedia.open(new SimulatedDevices(script.media.camera), script.media.width, script.media.height,
                        script.media.fps);
                opened.sink().add(recording);
                mediaRef.set(opened);
                opened.dial(tls, o.connect(), script.sessionId);
                say(out, "media call up (" + script.media.width + "x" + script.media.height + ", camera "
                        + script.media.camera + ")");
            }
            if (flow.phase() == WorkstationFlow.Phase.LIVE) {
                DocumentData finalData = type(flow, script, out);
                String sha = flow.freezeAndSend(finalData);
                say(out, "frozen " + sha.substring(0, 16) + "…, sent for signing ("
                        + flow.state().terminalSlots().size() + " terminal-side slots, "
                        + flow.state().localSlots().size() + " workstation-side)");
            } else {
                say(out, "resuming session " + script.sessionId + " in phase " + flow.phase());
            }
            if (!flow.awaitEnd(o.timeout())) {
                throw new TixunException(TixunException.Exit.FAILED, "会话超时 (the session did not end within "
                        + o.timeout() + ")");
            }
            boolean acked = link.awaitAcknowledged(Duration.ofSeconds(10));
            WorkstationState st = flow.state();
            report(out, flow, st, journal, connects.get(), drops.get(), acked, started, core, recordId);
            if (mediaRef.get() != null) {
                say(out, mediaRef.get().figures());
            }
            if (recording.directory() != null) {
                say(out, recording.figures() + " in " + recording.directory());
            }
            return st.phase() == WorkstationFlow.Phase.SEALED && st.rejected().isEmpty() ? 0 : 1;
        } finally {
            if (mediaRef.get() != null) {
                mediaRef.get().close();
            }
            link.close();
            recording.close();
        }
    }

    private static String newRecord(CoreServices core, SessionScript script) {
        var hits = core.cases().search(script.caseNumber, 1);
        if (hits.isEmpty()) {
            throw new TixunException(TixunException.Exit.NOT_FOUND, "no case matches " + script.caseNumber);
        }
        CaseFile c = core.cases().find(hits.get(0).id()).orElseThrow();
        RecordSummary r = core.records().createDraft("workstation", c, script.kind, "讯问笔录（远程提讯）");
        return r.id();
    }

    /** Types the script's Q&A keystroke by keystroke, then applies the corrections; returns the final text. */
    public static DocumentData type(WorkstationFlow flow, SessionScript script, PrintWriter out) throws Exception {
        DocumentData base = script.baseData();
        long w = System.nanoTime();
        // A real session begins with identity checks and the rights notice; the renderer warms up meanwhile.
        flow.live().awaitWarmedUp(script.typing.warmUpMaxMs);
        say(out, String.format("live record renderer warmed up (%s), waited %.0f ms", flow.live().warmUpSummary(),
                (System.nanoTime() - w) / 1e6));
        List<QaEntry> done = new ArrayList<>();
        long interval = script.typing.keystrokeMs * 1_000_000L;
        int step = Math.max(1, script.typing.charsPerKeystroke);
        long next = System.nanoTime();
        int keystrokes = 0;
        for (SessionScript.Qa e : script.qa) {
            for (int field = 0; field < 2; field++) {
                String text = field == 0 ? e.q : e.a;
                for (int i = Math.min(step, text.length()); ; i = Math.min(i + step, text.length())) {
                    String partial = text.substring(0, i);
                    List<QaEntry> qa = new ArrayList<>(done);
                    qa.add(field == 0 ? new QaEntry(partial, "") : new QaEntry(e.q, partial));
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    flow.edit(base.withQa(qa), partial.substring(Math.max(0, partial.length() - 12)),
                            System.nanoTime());
                    keystrokes++;
                    if (i >= text.length()) {
                        break;
                    }
                }
            }
            done.add(new QaEntry(e.q, e.a));
        }
        List<QaEntry> corrected = script.correctedQa();
        for (SessionScript.Correction c : script.corrections) {
            next = System.nanoTime() + interval * 10; // the recorder reviews, then corrects
            Thread.sleep(interval * 10 / 1_000_000);
            flow.edit(base.withQa(corrected), c.to, System.nanoTime());
            keystrokes++;
        }
        DocumentData finalData = base.withQa(corrected);
        flow.live().awaitRendered(10_000);
        Thread.sleep(200); // the terminal's echo of the last revision
        if (flow.live().failure() != null) {
            throw new IllegalStateException("live record rendering failed: " + flow.live().failure().getMessage(),
                    flow.live().failure());
        }
        say(out, "typed " + keystrokes + " keystrokes, " + flow.live().renderTimes().count() + " renders");
        return finalData;
    }

    private static void report(PrintWriter out, WorkstationFlow flow, WorkstationState st,
            SignatureEventJournal journal, int connects, int drops, boolean acked, long started, CoreServices core,
            String recordId) throws Exception {
        Percentiles lat = flow.live().latency();
        Percentiles render = flow.live().renderTimes();
        List<SignatureEvent> events = journal.load(st.recordId()).stream()
                .filter(e -> e.frozenContentSha256().equals(st.frozenSha())).toList();
        Map<String, long[]> perSigner = new LinkedHashMap<>();
        for (SignatureEvent e : events) {
            String k = e.signer().role().label() + " " + e.signer().name();
            long[] span = perSigner.computeIfAbsent(k, x -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            span[0] = Math.min(span[0], e.times().hostStart().toEpochMilli());
            span[1] = Math.max(span[1], e.times().hostEnd().toEpochMilli());
            span[2]++;
        }
        long distinctSlots = events.stream().map(SignatureEvent::slotId).distinct().count();
        synchronized (out) {
            out.println();
            out.println("== session figures ==");
            if (lat.count() > 0) {
                out.printf("live record: %d keystrokes shown; keystroke -> terminal shown p50 %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms%n", lat.count(), lat.percentile(50), lat.percentile(95), lat.max());
                var live = flow.live();
                out.printf("             %d renders (layout + rasterise + encode the cursor page p50 %.1f ms, p95 %.1f ms;"
                        + " worker CPU p50 %.1f ms, p95 %.1f ms); before typing: %s%n",
                        render.count(), render.percentile(50), render.percentile(95),
                        live.cpuTimes().percentile(50), live.cpuTimes().percentile(95), live.warmUpSummary());
                out.printf("             stages p50/p95 ms: waiting for a render in progress %.1f/%.1f, layout to PDF %.1f/%.1f,"
                        + " load + rasterise %.1f/%.1f, PNG %.1f/%.1f%n",
                        live.waitTimes().percentile(50), live.waitTimes().percentile(95),
                        live.layoutTimes().percentile(50), live.layoutTimes().percentile(95),
                        live.rasterTimes().percentile(50), live.rasterTimes().percentile(95),
                        live.encodeTimes().percentile(50), live.encodeTimes().percentile(95));
            } else {
                out.println("live record: (resumed after freezing: no typing in this run)");
            }
            st.stepMillis().forEach((k, v) -> out.printf("step %-22s %8.1f ms%n", k, v));
            perSigner.forEach((k, v) -> out.printf("signer %-30s %2d events, %6d ms from first pen-down to last "
                    + "pen-up%n", k, v[2], v[1] - v[0]));
            out.printf("reading path (rule 4): %s at %s%n", st.readingPath(), st.readingAt());
            out.printf("signature events: %d journaled for %d slots (%d planned), duplicates %d, refused %d%n",
                    events.size(), distinctSlots, st.terminalSlots().size() + st.localSlots().size(),
                    events.size() - distinctSlots, st.rejected().size());
            out.printf("link: %d connections, %d drops injected, all acknowledged: %s%n", connects, drops, acked);
            out.printf("sealed: %s (%s), verification %s%n", st.sealedPath(), st.sealedSha(),
                    st.verified() ? "passed" : "FAILED");
            out.printf("filed: record %s %s%n", recordId, core.records().find(recordId)
                    .map(r -> r.status().name()).orElse("?") + ", sync " + core.records().outboxState(recordId).orElse("not queued"));
            out.printf("total: %d ms%n", (System.nanoTime() - started) / 1_000_000);
            out.flush();
        }
    }

    static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.printf("[workstation %s] %s%n", Instant.now().toString().substring(11, 23), line);
            out.flush();
        }
    }
}
