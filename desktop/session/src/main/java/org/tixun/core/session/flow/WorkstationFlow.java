// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.evidence.DocumentKind;
import org.tixun.core.evidence.EvidenceJson;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.session.Abort;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LiveRecordShown;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.SessionEnd;
import org.tixun.core.session.SessionProgress;
import org.tixun.core.session.SessionMessage;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.SignatureEventMessage;
import org.tixun.core.session.SigningPlan;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningRequest;
import org.tixun.core.session.TerminalSigningDone;
import org.tixun.core.session.WorkstationLink;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.Lang;
import org.tixun.templates.PageImages;
import org.tixun.templates.RenderResult;

/**
 * The workstation's half of a remote session: live record while typing, freeze and send for signing, check each
 * signature event that comes back (frozen hash, planned slot and signer, recording span), have the workstation-side
 * signers sign on the local pad, seal, verify and file. Its state is saved in the session store after every step, so
 * a restarted workstation resumes where it stopped ({@link #resume()}).
 */
public final class WorkstationFlow implements LinkListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationFlow.class);
    private static final ObjectMapper JSON = EvidenceJson.mapper();

    /** Where the session stands. */
    public enum Phase { LIVE, SIGNING, LOCAL_SIGNING, SEALED, FAILED }

    /** The steps of sealing, in order, as {@link FlowListener#sealStep} reports them. */
    public static final List<String> SEAL_STEPS = List.of("RECORDING", "SIGNING", "VERIFYING", "FILING");

    /**
     * What freezing {@code data} would fix, for the officer to confirm first: the pages and the slots each side signs.
     *
     * @param reviewMethod the review method written in the record (template field {@code reviewMethod}), or null
     */
    public record FreezePreview(int pages, List<PlannedSlot> terminal, List<PlannedSlot> workstation,
            String reviewMethod) {
    }

    /** Files the sealed record (e.g. {@code RecordService.markSealed} and the sync outbox). */
    public interface RecordFiling {
        void sealed(String recordId, Path sealedPdf, String sha256) throws Exception;
    }

    /** Where the seal's time-stamps come from; the institution's own TSA unless {@link #useTimeStamps} says else. */
    private volatile java.util.function.Function<InstitutionKeyStore, org.tixun.core.devices.config.ConfiguredTsa>
            timeStamps = org.tixun.core.devices.config.ConfiguredTsa::institution;

    /** The GM (SM2/SM3) track's keys when it is switched on in Settings, else null. */
    private volatile org.tixun.core.pki.GmKeyStore gm;

    /** Seals with the GM (SM2/SM3) track too ({@code null}: off); the verification after sealing checks it. */
    public void useGmTrack(org.tixun.core.pki.GmKeyStore gm) {
        this.gm = gm;
    }

    /**
     * The time-stamp authority sealing uses (the configured one: {@code ConfiguredTsa.open(settings, keys)}): an
     * external RFC 3161 TSA's trust anchor is added to the verification that follows the seal.
     */
    public void useTimeStamps(
            java.util.function.Function<InstitutionKeyStore, org.tixun.core.devices.config.ConfiguredTsa> tsa) {
        this.timeStamps = java.util.Objects.requireNonNull(tsa, "tsa");
    }

    /**
     * Everything the flow needs.
     *
     * @param sessionId the link session
     * @param recordId the record (its id in the record store)
     * @param kind template kind, e.g. {@code INTERROGATION_RECORD}
     * @param workDir this session's folder (frozen.pdf, sealed.pdf, report)
     * @param sides which side each role signs on (missing roles: {@link SlotPlanner#defaultSide})
     */
    public record Setup(String sessionId, String recordId, String kind, Lang lang, Path workDir, SessionStore store,
            SignatureEventJournal journal, InstitutionKeyStore keys, DefaultTemplateService templates,
            SignatureSource localPad, PhotoSource camera, RecordFiling filing,
            Map<org.tixun.core.evidence.model.SignerRole, SlotPlanner.Side> sides, SessionRecording recording) {
        /** Without a recording. */
        public Setup(String sessionId, String recordId, String kind, Lang lang, Path workDir, SessionStore store,
                SignatureEventJournal journal, InstitutionKeyStore keys, DefaultTemplateService templates,
                SignatureSource localPad, PhotoSource camera, RecordFiling filing,
                Map<org.tixun.core.evidence.model.SignerRole, SlotPlanner.Side> sides) {
            this(sessionId, recordId, kind, lang, workDir, store, journal, keys, templates, localPad, camera, filing,
                    sides, SessionRecording.none());
        }
    }

    /** The saved state (JSON in {@code session_flow}). */
    public static final class State {
        public String recordId;
        public String kind;
        public Phase phase = Phase.LIVE;
        public int textRevision;
        public String frozenSha;
        public Instant frozenAt;
        public String recordingId;
        public Instant recordingStart;
        public List<PlannedSlot> terminalSlots = new ArrayList<>();
        public List<PlannedSlot> localSlots = new ArrayList<>();
        public List<SignatureSlot> slots = new ArrayList<>();
        public List<String> presentRoles = new ArrayList<>();
        public boolean requestSent;
        public String readingPath;
        public Instant readingAt;
        /** The review method written into the frozen text (template field {@code reviewMethod}), if any. */
        public String frozenReviewMethod;
        public Integer terminalDoneCount;
        public Instant terminalDoneAt;
        public List<String> rejected = new ArrayList<>();
        public Instant sealedAt;
        public String sealedSha;
        public String sealedPath;
        public boolean verified;
        public Map<String, Double> stepMillis = new LinkedHashMap<>();
    }

    private final Setup setup;
    private final WorkstationLink link;
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();
    /** Set by {@link #close()}: an interrupted local signing is then not a failure (see signLocallyAndSeal). */
    private volatile boolean closing;
    /** A workstation-side signer did not sign: the flow waits in LOCAL_SIGNING for {@link #retryLocalSigning}. */
    private volatile boolean localSigningWaiting;
    /** The latest progress told to the terminal, repeated after a reconnect. */
    private volatile SessionProgress lastProgress;
    /** Keeps the typed record on disk; its own thread, apart from {@link #worker}, which blocks while a signer signs. */
    private final DraftKeeper drafts;
    private final ExecutorService worker = daemonExecutor("tixun-flow-workstation");

    private static ExecutorService daemonExecutor(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
    private final LivePublisher live;
    private State state;

    public WorkstationFlow(Setup setup, WorkstationLink link) throws IOException {
        this.setup = Objects.requireNonNull(setup);
        this.link = Objects.requireNonNull(link);
        Files.createDirectories(setup.workDir());
        this.drafts = new DraftKeeper(setup.workDir().resolve(DRAFT_FILE), this::problem);
        var saved = setup.store().flow(setup.sessionId());
        if (saved.isPresent()) {
            state = JSON.readValue(saved.get().stateJson(), State.class);
        } else {
            state = new State();
            state.recordId = setup.recordId();
            state.kind = setup.kind();
            state.recordingId = "session-" + setup.sessionId();
            // The record's start time (rule 2): when the session's recording began.
            Instant recorded = setup.recording().startedAt();
            state.recordingStart = recorded != null ? recorded : Instant.now();
            save();
        }
        live = new LivePublisher(state.recordId, state.kind, setup.lang(), setup.templates(), u -> {
            try {
                link.send(u);
            } catch (IOException e) {
                LOG.warn("live record not sent: {}", e.toString());
            }
        }, 100f);
        link.addListener(this);
    }

    public void addListener(FlowListener l) {
        listeners.add(l);
    }

    /** A copy of the current state, for display. */
    public synchronized State state() {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(state), State.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized Phase phase() {
        return state.phase;
    }

    public String recordId() {
        return state.recordId;
    }

    public LivePublisher live() {
        return live;
    }

    /** The session recording (or {@link SessionRecording#none()}). */
    public SessionRecording recording() {
        return setup.recording();
    }

    /** Continues after a restart: re-sends an unsent signing request, resumes local signing or sealing. */
    public synchronized void resume() throws IOException {
        if (state.phase == Phase.SIGNING && !state.requestSent) {
            sendRequest();
        }
        if (state.phase == Phase.SIGNING) {
            maybeTerminalDone();
        } else if (state.phase == Phase.LOCAL_SIGNING) {
            worker.execute(this::signLocallyAndSeal);
        }
        firePhase();
    }

    /** Whether a workstation-side signer did not sign and the signing waits to be taken up again. */
    public boolean localSigningWaiting() {
        return localSigningWaiting;
    }

    /** Takes the workstation's signing up again after a signer did not sign (the next open slot). */
    public synchronized void retryLocalSigning() {
        if (state.phase != Phase.LOCAL_SIGNING || !localSigningWaiting) {
            throw new IllegalStateException("no workstation signing is waiting (phase " + state.phase + ")");
        }
        localSigningWaiting = false;
        worker.execute(this::signLocallyAndSeal);
        firePhase();
    }

    /** The recorder typed: push the record to the terminal (rendered, coalesced, latest wins); cursor as text. */
    public void edit(DocumentData data, String cursorText, long keystrokeNanos) {
        checkLive();
        live.edit(data, cursorText, keystrokeNanos);
        drafts.keep(data);
    }

    /** The recorder typed: push the record to the terminal, showing the page where entry {@code cursorEntry} ends. */
    public void edit(DocumentData data, int cursorEntry, boolean inAnswer, long keystrokeNanos) {
        checkLive();
        live.edit(data, cursorEntry, inAnswer, keystrokeNanos);
        drafts.keep(data);
    }

    /** Saves the newest typed record now (e.g. before the window closes); false if that failed. */
    public boolean flushDraft() {
        return drafts.flush();
    }

    /**
     * The record as last typed: the frozen data once frozen, else the saved live draft (after a restart the
     * session screen shows it again), else empty.
     */
    public java.util.Optional<DocumentData> typedRecord() throws IOException {
        for (String name : new String[] {"record-data.json", DRAFT_FILE}) {
            Path f = setup.workDir().resolve(name);
            if (Files.exists(f)) {
                try (var in = Files.newInputStream(f)) {
                    return java.util.Optional.of(DocumentData.fromJson(in));
                }
            }
        }
        return java.util.Optional.empty();
    }

    static final String DRAFT_FILE = "live-draft.json";

    /** The last preview's render, reused by {@link #freezeAndSend} when the text did not change since. */
    private volatile Object[] previewed;

    /**
     * Renders and plans {@code data} as freezing would, without freezing (slow: a full render; off the UI thread).
     * A freeze of the same data right after reuses this render.
     */
    public FreezePreview previewFreeze(DocumentData data) throws Exception {
        // As the freeze will write it: the recording's start and (to the minute) now as the end (rule 2).
        data = RecordHeader.withTimes(data, state.recordingStart, Instant.now());
        RenderResult r = setup.templates().render(state.kind, data, setup.lang());
        SlotPlanner.Plan plan = SlotPlanner.plan(r, data, setup.sides());
        previewed = new Object[] {data.toJson(), r};
        Object review = data.value("reviewMethod");
        return new FreezePreview(r.pageCount(), plan.terminal(), plan.workstation(),
                review == null || review.toString().isBlank() ? null : review.toString());
    }

    private synchronized void checkLive() {
        if (state.phase != Phase.LIVE) {
            throw new IllegalStateException("笔录已冻结，修改须作废已收集的签名 (the record is frozen: use amend())");
        }
    }

    /**
     * Freezes the record and sends it for signing: renders the final PDF (its SHA-256 is the frozen content hash),
     * plans the slots, saves everything, then sends the plan and the signing request (both reliable).
     */
    public synchronized String freezeAndSend(DocumentData data) throws Exception {
        if (state.phase != Phase.LIVE) {
            throw new IllegalStateException("already frozen (phase " + state.phase + ")");
        }
        long t0 = System.nanoTime();
        Percentiles latency = live.latency();
        if (latency.count() > 0) {
            LOG.info("live record before freezing: {} keystrokes shown, keystroke -> terminal shown p50 {} ms, p95 {} ms,"
                    + " max {} ms; {} renders, worker CPU p50 {} ms; {}", latency.count(),
                    Math.round(latency.percentile(50)), Math.round(latency.percentile(95)), Math.round(latency.max()),
                    live.renderTimes().count(), Math.round(live.cpuTimes().percentile(50)), live.warmUpSummary());
        }
        // Rule 2: the start is the recording's start, the end is now; both written into the record and checked.
        Instant frozenAt = Instant.now();
        data = RecordHeader.withTimes(data, state.recordingStart, frozenAt);
        List<String> timeProblems = RecordHeader.checkTimes(data, state.recordingStart, frozenAt);
        if (!timeProblems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", timeProblems));
        }
        Object[] preview = previewed;
        previewed = null;
        RenderResult r = preview != null && preview[0].equals(data.toJson()) ? (RenderResult) preview[1]
                : setup.templates().render(state.kind, data, setup.lang());
        Path frozen = setup.workDir().resolve("frozen.pdf");
        InstitutionKeyStore.writeAtomically(frozen, r.pdf());
        Files.writeString(setup.workDir().resolve("record-data.json"), data.toJson(), StandardCharsets.UTF_8);
        SlotPlanner.Plan plan = SlotPlanner.plan(r, data, setup.sides());
        state.frozenSha = Pki.sha256Hex(r.pdf());
        state.frozenAt = frozenAt;
        Object review = data.value("reviewMethod");
        state.frozenReviewMethod = review == null || review.toString().isBlank() ? null : review.toString();
        state.slots = plan.slots();
        state.terminalSlots = plan.terminal();
        state.localSlots = plan.workstation();
        state.presentRoles = plan.present().stream().map(Enum::name).toList();
        state.phase = Phase.SIGNING;
        state.requestSent = false;
        save();
        sendRequest();
        state.stepMillis.put("freeze-and-send", (System.nanoTime() - t0) / 1e6);
        save();
        firePhase();
        return state.frozenSha;
    }

    private void sendRequest() throws IOException {
        byte[] pdf = Files.readAllBytes(setup.workDir().resolve("frozen.pdf"));
        List<byte[]> pages = new ArrayList<>();
        for (var img : PageImages.renderAll(pdf, 100f)) {
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            pages.add(out.toByteArray());
        }
        link.send(new SigningPlan(state.recordId, state.frozenSha, state.terminalSlots, state.recordingId,
                state.recordingStart));
        link.send(new SigningRequest(state.recordId, state.frozenSha, pages,
                state.terminalSlots.stream().map(PlannedSlot::slotId).toList()));
        state.requestSent = true;
        save();
    }

    /**
     * A text change after freezing (rule 7): the signatures collected so far are void. The terminal is told (Abort)
     * and the session goes back to live editing; freezing again makes a new revision with a new hash.
     */
    public synchronized void amend(String reason) throws IOException {
        if (state.phase != Phase.SIGNING && !(state.phase == Phase.FAILED && state.sealedSha == null)) {
            throw new IllegalStateException("nothing to amend in phase " + state.phase);
        }
        link.send(new Abort(state.recordId, "笔录在冻结后被修改，已收集的签名作废 (the record was changed after freezing; "
                + "signatures collected so far are void): " + reason));
        state.phase = Phase.LIVE;
        lastProgress = null;
        state.textRevision++;
        state.frozenSha = null;
        state.readingPath = null;
        state.terminalDoneCount = null;
        state.rejected.clear();
        save();
        firePhase();
    }

    @Override
    public void onStateChanged(org.tixun.core.session.LinkStateEvent event) {
        if (phase() == Phase.SEALED) {
            return; // the recording is finished; the link's end is not part of it
        }
        SessionProgress latest = lastProgress;
        if (event.state() == org.tixun.core.session.LinkState.CONNECTED && latest != null) {
            try {
                link.send(latest); // a reconnected terminal learns where the workstation stands
            } catch (IOException e) {
                LOG.debug("progress not repeated: {}", e.toString());
            }
        }
        try {
            if (event.state() == org.tixun.core.session.LinkState.LOST) {
                setup.recording().linkLost(event.detail());
            } else if (event.state() == org.tixun.core.session.LinkState.CONNECTED) {
                setup.recording().linkRestored();
            }
        } catch (IOException e) {
            problem("录像日志无法记录连接状态 (the recording log cannot note the link state): " + e.getMessage());
        }
    }

    @Override
    public void onMessage(SessionMessage message) throws Exception {
        if (message instanceof LiveRecordShown s) {
            if (s.recordId().equals(state.recordId)) {
                live.shown(s.revision());
            }
        } else if (message instanceof ReadingConfirmation c) {
            synchronized (this) {
                if (!c.frozenContentSha256().equals(state.frozenSha)) {
                    problem("阅读确认针对的不是当前冻结的笔录 (reading confirmation for another frozen revision)");
                    return;
                }
                state.readingPath = c.path().name();
                state.readingAt = c.confirmedAt();
                if (state.frozenReviewMethod != null && !state.frozenReviewMethod.equals(c.path().name())) {
                    String why = "笔录写明的核对方式（" + state.frozenReviewMethod + "）与犯罪嫌疑人在终端的选择（"
                            + c.path().label() + "）不符，须修改笔录后重新签名 (the review method in the frozen record "
                            + "differs from the suspect's choice at the terminal; amend the record and sign again)";
                    state.rejected.add("reading: " + why);
                    save();
                    problem(why);
                    return;
                }
                save();
            }
        } else if (message instanceof SignatureEventMessage m) {
            received(m);
        } else if (message instanceof TerminalSigningDone d) {
            synchronized (this) {
                if (d.frozenContentSha256().equals(state.frozenSha)) {
                    state.terminalDoneCount = d.eventCount();
                    state.terminalDoneAt = Instant.now();
                    save();
                    maybeTerminalDone();
                }
            }
        }
    }

    private void received(SignatureEventMessage m) throws IOException {
        SignatureEvent e = m.event();
        PlannedSlot slot;
        synchronized (this) {
            slot = state.terminalSlots.stream().filter(s -> s.slotId().equals(e.slotId())).findFirst().orElse(null);
            String why = check(m, slot);
            if (why != null) {
                state.rejected.add(e.eventId() + ": " + why);
                save();
                problem("签名事件 " + e.eventId() + " 未被采用 (signature event not accepted): " + why);
                return;
            }
        }
        for (FlowListener l : listeners) {
            l.signed(slot, e);
        }
    }

    /** Why an event does not belong to this frozen record, or null ({@link EventAdmission}). */
    private String check(SignatureEventMessage m, PlannedSlot slot) {
        return EventAdmission.refusal(m, slot, state.recordId, state.frozenSha, state.recordingId,
                state.recordingStart, Instant.now());
    }

    /** Slots of the current frozen revision that have a signature event (none before freezing). */
    public synchronized java.util.Set<String> signedSlots() throws IOException {
        return state.frozenSha == null ? java.util.Set.of() : new java.util.HashSet<>(journaled().keySet());
    }

    /** Events of the current frozen revision in the journal, by slot. */
    private Map<String, List<SignatureEvent>> journaled() throws IOException {
        Map<String, List<SignatureEvent>> bySlot = new HashMap<>();
        for (SignatureEvent e : setup.journal().load(state.recordId)) {
            if (e.frozenContentSha256().equals(state.frozenSha)) {
                bySlot.computeIfAbsent(e.slotId(), k -> new ArrayList<>()).add(e);
            }
        }
        return bySlot;
    }

    private void maybeTerminalDone() throws IOException {
        if (state.phase != Phase.SIGNING || state.terminalDoneCount == null) {
            return;
        }
        Map<String, List<SignatureEvent>> got = journaled();
        for (PlannedSlot s : state.terminalSlots) {
            if (!got.containsKey(s.slotId())) {
                problem("终端报告签署完成，但缺少签名位置 " + s.slotId() + " 的事件 (terminal says done but slot "
                        + s.slotId() + " has no event)");
                return;
            }
        }
        if (state.readingPath == null) {
            problem("没有阅读或宣读确认，不能继续 (no reading confirmation: rule 4)");
            return;
        }
        if (state.rejected.stream().anyMatch(r -> r.startsWith("reading: "))) {
            problem("核对方式不符，不能签章 (review method mismatch: not sealing; amend the record)");
            state.phase = Phase.FAILED;
            save();
            firePhase();
            return;
        }
        state.stepMillis.put("terminal-signing", Duration.between(state.frozenAt, state.terminalDoneAt).toNanos()
                / 1e6);
        state.phase = Phase.LOCAL_SIGNING;
        save();
        firePhase();
        worker.execute(this::signLocallyAndSeal);
    }

    private void signLocallyAndSeal() {
        try {
            long t0 = System.nanoTime();
            Map<String, List<SignatureEvent>> got = journaled();
            int total = state.localSlots.size();
            int done = (int) state.localSlots.stream().filter(s -> got.containsKey(s.slotId())).count();
            progress(SessionProgress.Stage.WORKSTATION_SIGNING, -1, -1, done, total);
            int seed = 100;
            java.util.Set<String> photographed = new java.util.HashSet<>();
            for (PlannedSlot s : state.localSlots) {
                seed++;
                if (got.containsKey(s.slotId())) {
                    continue;
                }
                Capture c = setup.localPad().capture(s, seed);
                boolean first = photographed.add(SlotPlanner.signerKey(s));
                SignatureEvent e = new SignatureEvent("ws-" + state.frozenSha.substring(0, 8) + "-"
                        + state.localSlots.indexOf(s), s.signer(), s.slotId(), c.samples(), c.inkPng(),
                        first ? setup.camera().snapshot() : null, setup.camera().snapshot(), c.fingerprintPng(),
                        new EventTimes(c.hostStart(), c.hostEnd(), c.monotonicStartNanos(), c.monotonicEndNanos(),
                                c.padStartMicros(), c.padEndMicros(), null), c.device(), state.frozenSha,
                        setup.recording().span(c.hostStart(), c.hostEnd(),
                                new RecordingSpan(state.recordingId, null, c.hostStart(), c.hostEnd())));
                setup.journal().append(state.recordId, e);
                for (FlowListener l : listeners) {
                    l.signed(s, e);
                }
                progress(SessionProgress.Stage.WORKSTATION_SIGNING, -1, -1, ++done, total);
            }
            synchronized (this) {
                state.stepMillis.put("workstation-signing", (System.nanoTime() - t0) / 1e6);
                save();
            }
            seal();
        } catch (SigningCancelledException e) {
            // Not a failure: the slots signed so far stay in the journal; the officer takes the signing up again.
            LOG.info("workstation signing paused: {}", e.getMessage());
            localSigningWaiting = true;
            problem(e.getMessage() + "；点「继续工作站签名」再签 (press Continue workstation signing to sign)");
            firePhase();
        } catch (Exception e) {
            if (closing && (e instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
                // The session is closing while a signer was still signing: not a failure. The phase stays
                // LOCAL_SIGNING and the slots signed so far stay in the journal, so resume() continues from there.
                LOG.info("local signing interrupted by the session closing; resumable");
                Thread.currentThread().interrupt();
                return;
            }
            LOG.error("local signing or sealing failed", e);
            progress(SessionProgress.Stage.FAILED, -1, -1, 0, 0);
            synchronized (this) {
                state.phase = Phase.FAILED;
                try {
                    save();
                } catch (IOException io) {
                    e.addSuppressed(io);
                }
            }
            problem("签署或签章失败 (signing or sealing failed): " + e.getMessage());
            firePhase();
        }
    }

    private void seal() throws Exception {
        progress(SessionProgress.Stage.SEALING, -1, -1, 0, 0);
        byte[] frozen = Files.readAllBytes(setup.workDir().resolve("frozen.pdf"));
        List<PlannedSlot> all = new ArrayList<>(state.terminalSlots);
        all.addAll(state.localSlots);
        List<SignatureEvent> events = SealAndVerify.onePerSlot(all, journaled());
        var present = java.util.EnumSet.noneOf(org.tixun.core.evidence.model.SignerRole.class);
        state.presentRoles.forEach(r -> present.add(org.tixun.core.evidence.model.SignerRole.valueOf(r)));
        sealStep("RECORDING");
        byte[] manifest = setup.recording().finish("workstation");
        checkTimesAtSealing(manifest);
        if (manifest != null) {
            events = SealAndVerify.inSegments(events, setup.recording());
        }
        SealRequest request = withRecording(new SealRequest(state.recordId, DocumentKind.valueOf(state.kind), frozen,
                state.slots, events, present, List.of()), manifest);
        if (setup.templates().demoMark()) {
            // A demo data dir's record: the seal manifest says so and every verification reports it.
            request = request.asDemo();
        }
        sealStep("SIGNING");
        SealAndVerify.Result sealed = new SealAndVerify(setup.keys(), timeStamps, gm).seal(state.recordId, request,
                setup.workDir(), setup.recording().directory(), () -> {
                    progress(SessionProgress.Stage.VERIFYING, -1, -1, 0, 0);
                    sealStep("VERIFYING");
                });
        writeReport(sealed.sha256(), sealed.report().ok());
        if (!sealed.report().ok()) {
            throw new IOException("签章后的笔录未通过验证 (the sealed record fails verification):\n"
                    + sealed.report().toText());
        }
        sealStep("FILING");
        setup.filing().sealed(state.recordId, sealed.path(), sealed.sha256());
        synchronized (this) {
            state.stepMillis.put("seal", sealed.sealMillis());
            state.stepMillis.put("verify", sealed.verifyMillis());
            state.sealedAt = Instant.now();
            state.sealedSha = sealed.sha256();
            state.sealedPath = sealed.path().toString();
            state.verified = true;
            state.phase = Phase.SEALED;
            save();
        }
        link.send(new SessionEnd(state.recordId, sealed.sha256(), "笔录已签章归档 (the record is sealed and filed)"));
        firePhase();
    }

    /**
     * Rule 2 again at sealing, against the recording as it was sealed: the record's start is the recording's start and
     * its end lies within the recording.
     */
    private void checkTimesAtSealing(byte[] manifest) throws IOException {
        DocumentData data = DocumentData.fromJson(Files.newInputStream(setup.workDir().resolve("record-data.json")));
        Instant start = state.recordingStart;
        Instant end = Instant.now();
        if (manifest != null) {
            org.tixun.core.recording.RecordingManifest m = org.tixun.core.recording.RecordingManifest.parse(manifest);
            start = m.start() != null ? m.start() : start;
            end = m.end() != null ? m.end() : end;
        }
        List<String> problems = RecordHeader.checkTimes(data, start, end);
        if (!problems.isEmpty()) {
            throw new IOException("笔录时间与录像不符，不能签章 (the record's times do not agree with the recording; it is not"
                    + " sealed):\n" + String.join("\n", problems));
        }
    }

    /**
     * A prosecutor reads the frozen record aloud (rule 4): tells the terminal the page (0-based) and where on it the
     * reader is (fraction of the page height from the top, or -1), so the suspect can follow.
     */
    public void readingAloudAt(int page, double position) {
        synchronized (this) {
            if (state.phase != Phase.SIGNING) {
                throw new IllegalStateException("nothing is being read aloud in phase " + state.phase);
            }
        }
        progress(SessionProgress.Stage.READING_ALOUD, page, position, 0, 0);
    }

    /** Tells the terminal what the workstation is doing (display only; repeated after a reconnect). */
    private void progress(SessionProgress.Stage stage, int page, double position, int done, int total) {
        SessionProgress p;
        synchronized (this) {
            if (state.frozenSha == null) {
                return;
            }
            p = new SessionProgress(state.recordId, state.frozenSha, stage, page, position, done, total);
        }
        lastProgress = p;
        try {
            link.send(p);
        } catch (IOException e) {
            LOG.debug("progress not sent: {}", e.toString());
        }
    }

    /** The recording manifest goes into the institution seal revision. */
    private static SealRequest withRecording(SealRequest request, byte[] manifest) {
        return manifest == null ? request : request.withRecordingManifest(manifest);
    }

    /** Beside the sealed PDF: the reading path (rule 4) and the session's facts, for the clerk. */
    private void writeReport(String sealedSha, boolean ok) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("recordId", state.recordId);
        r.put("sessionId", setup.sessionId());
        r.put("frozenContentSha256", state.frozenSha);
        r.put("sealedSha256", sealedSha);
        r.put("verified", ok);
        r.put("readingPath", state.readingPath);
        r.put("readingConfirmedAt", String.valueOf(state.readingAt));
        r.put("recordingId", state.recordingId);
        r.put("recordingStart", String.valueOf(state.recordingStart));
        r.put("terminalEvents", state.terminalSlots.size());
        r.put("workstationEvents", state.localSlots.size());
        r.put("stepMillis", state.stepMillis);
        Files.write(setup.workDir().resolve("session-report.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
    }

    /** Waits until sealed or failed. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (state.phase != Phase.SEALED && state.phase != Phase.FAILED) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    private synchronized void save() throws IOException {
        setup.store().saveFlow(new SessionStore.FlowState(setup.sessionId(), "WORKSTATION", state.recordId,
                state.phase.name(), JSON.writeValueAsString(state)));
        notifyAll();
    }

    private void firePhase() {
        String p = phase().name();
        for (FlowListener l : listeners) {
            l.phase(p);
        }
    }

    private void sealStep(String step) {
        LOG.info("sealing record {}: {}", state.recordId, step);
        for (FlowListener l : listeners) {
            l.sealStep(step);
        }
    }

    private void problem(String message) {
        LOG.warn(message);
        for (FlowListener l : listeners) {
            l.problem(message);
        }
    }

    @Override
    public void close() {
        closing = true;
        flushDraft();
        drafts.close();
        live.close();
        worker.shutdownNow();
    }
}
