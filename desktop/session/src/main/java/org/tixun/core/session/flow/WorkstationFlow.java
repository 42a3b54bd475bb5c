// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.Abort;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.LiveRecordShown;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.SessionEnd;
import org.tixun.core.session.SessionMessage;
import org.tixun.core.session.SessionProgress;
import org.tixun.core.session.SignatureEventMessage;
import org.tixun.core.session.SigningPlan;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningRequest;
import org.tixun.core.session.TerminalSigningDone;
import org.tixun.core.session.WorkstationLink;
import org.tixun.core.session.flow.WorkstationEvent.Amended;
import org.tixun.core.session.flow.WorkstationEvent.Failed;
import org.tixun.core.session.flow.WorkstationEvent.Frozen;
import org.tixun.core.session.flow.WorkstationEvent.LocalSigningBegan;
import org.tixun.core.session.flow.WorkstationEvent.ReadingConfirmed;
import org.tixun.core.session.flow.WorkstationEvent.Refused;
import org.tixun.core.session.flow.WorkstationEvent.RequestSent;
import org.tixun.core.session.flow.WorkstationEvent.StepTimed;
import org.tixun.core.session.flow.WorkstationEvent.TerminalDone;
import org.tixun.templates.DocumentData;

/**
 * The workstation's half of a remote session: live record while typing, freeze and send for signing, check each
 * signature event that comes back, have the workstation-side signers sign on the local pad, seal, verify and file.
 *
 * <p>A small state machine: its state is an immutable {@link WorkstationState}; every change is an
 * {@link WorkstationEvent} that {@link WorkstationTransitions#apply} turns into the next state (an event the phase
 * does not take throws {@link IllegalTransitionException}), which is saved before the flow acts on it, so a restarted
 * workstation resumes where it stopped ({@link #resume()}). The work is done by injected steps
 * ({@link WorkstationSteps}: freeze, event check, the journal, local signing, seal/verify/file, drafts, the state
 * store); {@link #WorkstationFlow(WorkstationSetup, WorkstationLink)} wires the real ones.
 */
public final class WorkstationFlow implements LinkListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationFlow.class);

    /** Where the session stands (see {@link WorkstationTransitions} for what moves between them). */
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

    /** Where the flow's messages to the terminal go (the link, which delivers them reliably). */
    @FunctionalInterface
    public interface ToTerminal {
        void send(SessionMessage message) throws IOException;
    }

    private final String sessionId;
    private final SessionRecording recording;
    private final ToTerminal terminal;
    private final WorkstationSteps steps;
    /** The live record to the terminal; null in a flow built without one (a test of the state machine). */
    private final LivePublisher live;
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();
    /** Set by {@link #close()}: an interrupted local signing is then not a failure (see signLocallyAndSeal). */
    private volatile boolean closing;
    /** A workstation-side signer did not sign: the flow waits in LOCAL_SIGNING for {@link #retryLocalSigning}. */
    private volatile boolean localSigningWaiting;
    /** The latest progress told to the terminal, repeated after a reconnect. */
    private volatile SessionProgress lastProgress;
    /** Runs local signing and sealing; blocks while a signer signs (the drafts have their own thread). */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tixun-flow-workstation");
        t.setDaemon(true);
        return t;
    });
    /** The current state; replaced (never changed) by {@link #apply}, only after it was saved. */
    private volatile WorkstationState state;

    /** The production flow: the real steps over {@code setup}, talking to the terminal through {@code link}. */
    public WorkstationFlow(WorkstationSetup setup, WorkstationLink link) throws IOException {
        this(setup.session().sessionId(), fresh(setup.session(), setup.document().kind()),
                setup.session().recording(), link::send, flow -> setup.steps(flow::problem),
                st -> new LivePublisher(st.recordId(), st.kind(), setup.document().lang(),
                        setup.document().templates(), u -> {
                            try {
                                link.send(u);
                            } catch (IOException e) {
                                LOG.warn("live record not sent: {}", e.toString());
                            }
                        }, 100f));
        link.addListener(this);
    }

    /**
     * A flow over the given steps, without a live record (e.g. a test of the state machine with fakes of the steps);
     * the caller hands it the terminal's messages ({@link #onMessage}).
     *
     * @param fresh the state of a new session, used when {@code steps.states()} has none saved
     */
    public WorkstationFlow(String sessionId, WorkstationState fresh, SessionRecording recording,
            WorkstationSteps steps, ToTerminal terminal) throws IOException {
        this(sessionId, fresh, recording, terminal, flow -> steps, st -> null);
    }

    private WorkstationFlow(String sessionId, WorkstationState fresh, SessionRecording recording, ToTerminal terminal,
            Function<WorkstationFlow, WorkstationSteps> steps, Function<WorkstationState, LivePublisher> live)
            throws IOException {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.recording = recording == null ? SessionRecording.none() : recording;
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        try {
            this.steps = Objects.requireNonNull(steps.apply(this), "steps");
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // the session folder cannot be made
        }
        Optional<WorkstationState> saved = this.steps.states().load();
        if (saved.isPresent()) {
            state = saved.get();
        } else {
            state = Objects.requireNonNull(fresh, "fresh");
            this.steps.states().save(state);
        }
        this.live = live.apply(state);
    }

    /** A new session's state: live, its recording begun when the session's recording began (rule 2) or now. */
    private static WorkstationState fresh(WorkstationSetup.Session session, String kind) {
        Instant recorded = session.recording().startedAt();
        return WorkstationState.start(session.recordId(), kind, "session-" + session.sessionId(),
                recorded != null ? recorded : Instant.now());
    }

    public void addListener(FlowListener l) {
        listeners.add(l);
    }

    /** The current state (immutable). */
    public WorkstationState state() {
        return state;
    }

    public Phase phase() {
        return state.phase();
    }

    public String recordId() {
        return state.recordId();
    }

    /** The live record to the terminal. */
    public LivePublisher live() {
        if (live == null) {
            throw new IllegalStateException("this workstation flow was built without a live record");
        }
        return live;
    }

    /** The session recording (or {@link SessionRecording#none()}). */
    public SessionRecording recording() {
        return recording;
    }

    /** Continues after a restart: re-sends an unsent signing request, resumes local signing or sealing. */
    public synchronized void resume() throws IOException {
        if (state.phase() == Phase.SIGNING && !state.requestSent()) {
            sendRequest();
        }
        if (state.phase() == Phase.SIGNING) {
            maybeTerminalDone();
        } else if (state.phase() == Phase.LOCAL_SIGNING) {
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
        if (state.phase() != Phase.LOCAL_SIGNING || !localSigningWaiting) {
            throw new FlowStateException(FlowMessages.of("flow.localSigning.notWaiting", state.phase().name()));
        }
        localSigningWaiting = false;
        worker.execute(this::signLocallyAndSeal);
        firePhase();
    }

    /** The recorder typed: push the record to the terminal (rendered, coalesced, latest wins); cursor as text. */
    public void edit(DocumentData data, String cursorText, long keystrokeNanos) {
        checkLive();
        live().edit(data, cursorText, keystrokeNanos);
        steps.drafts().keep(data);
    }

    /** The recorder typed: push the record to the terminal, showing the page where entry {@code cursorEntry} ends. */
    public void edit(DocumentData data, int cursorEntry, boolean inAnswer, long keystrokeNanos) {
        checkLive();
        live().edit(data, cursorEntry, inAnswer, keystrokeNanos);
        steps.drafts().keep(data);
    }

    /** Saves the newest typed record now (e.g. before the window closes); false if that failed. */
    public boolean flushDraft() {
        return steps.drafts().flush();
    }

    /**
     * The record as last typed: the frozen data once frozen, else the saved live draft (after a restart the
     * session screen shows it again), else empty.
     */
    public Optional<DocumentData> typedRecord() throws IOException {
        return steps.drafts().typed();
    }

    /**
     * Renders and plans {@code data} as freezing would, without freezing (slow: a full render; off the UI thread).
     * A freeze of the same data right after reuses this render.
     */
    public FreezePreview previewFreeze(DocumentData data) throws Exception {
        return steps.freezing().preview(data, state);
    }

    private void checkLive() {
        if (state.phase() != Phase.LIVE) {
            throw new FlowStateException(FlowMessages.of("flow.frozen"));
        }
    }

    /**
     * Freezes the record and sends it for signing: renders the final PDF (its SHA-256 is the frozen content hash),
     * plans the slots, saves everything, then sends the plan and the signing request (both reliable).
     */
    public synchronized String freezeAndSend(DocumentData data) throws Exception {
        WorkstationTransitions.require(state, Frozen.class);
        long t0 = System.nanoTime();
        if (live != null && live.latency().count() > 0) {
            Percentiles latency = live.latency();
            LOG.info("live record before freezing: {} keystrokes shown, keystroke -> terminal shown p50 {} ms, p95 {} ms,"
                    + " max {} ms; {} renders, worker CPU p50 {} ms; {}", latency.count(),
                    Math.round(latency.percentile(50)), Math.round(latency.percentile(95)), Math.round(latency.max()),
                    live.renderTimes().count(), Math.round(live.cpuTimes().percentile(50)), live.warmUpSummary());
        }
        // Rule 2: the start is the recording's start, the end is now; both written into the record and checked.
        apply(steps.freezing().freeze(data, state, Instant.now()));
        sendRequest();
        apply(new StepTimed("freeze-and-send", (System.nanoTime() - t0) / 1e6));
        firePhase();
        return state.frozenSha();
    }

    private void sendRequest() throws IOException {
        WorkstationTransitions.require(state, RequestSent.class);
        WorkstationState st = state;
        List<byte[]> pages = steps.freezing().pages(st);
        terminal.send(new SigningPlan(st.recordId(), st.frozenSha(), st.terminalSlots(), st.recordingId(),
                st.recordingStart()));
        terminal.send(new SigningRequest(st.recordId(), st.frozenSha(), pages,
                st.terminalSlots().stream().map(PlannedSlot::slotId).toList()));
        apply(new RequestSent());
    }

    /**
     * A text change after freezing (rule 7): the signatures collected so far are void. The terminal is told (Abort)
     * and the session goes back to live editing; freezing again makes a new revision with a new hash.
     */
    public synchronized void amend(String reason) throws IOException {
        WorkstationTransitions.require(state, Amended.class);
        terminal.send(new Abort(state.recordId(), FlowMessages.of("flow.amend.abort", reason).bilingual()));
        lastProgress = null;
        apply(new Amended(reason));
        firePhase();
    }

    @Override
    public void onStateChanged(LinkStateEvent event) {
        if (phase() == Phase.SEALED) {
            return; // the recording is finished; the link's end is not part of it
        }
        SessionProgress latest = lastProgress;
        if (event.state() == LinkState.CONNECTED && latest != null) {
            try {
                terminal.send(latest); // a reconnected terminal learns where the workstation stands
            } catch (IOException e) {
                LOG.debug("progress not repeated: {}", e.toString());
            }
        }
        try {
            if (event.state() == LinkState.LOST) {
                recording.linkLost(event.detail());
            } else if (event.state() == LinkState.CONNECTED) {
                recording.linkRestored();
            }
        } catch (IOException e) {
            problem(FlowMessages.of("flow.recording.linkNotLogged", e));
        }
    }

    @Override
    public void onMessage(SessionMessage message) throws Exception {
        if (message instanceof LiveRecordShown s) {
            if (live != null && s.recordId().equals(state.recordId())) {
                live.shown(s.revision());
            }
        } else if (message instanceof ReadingConfirmation c) {
            confirmed(c);
        } else if (message instanceof SignatureEventMessage m) {
            received(m);
        } else if (message instanceof TerminalSigningDone d) {
            synchronized (this) {
                if (!d.frozenContentSha256().equals(state.frozenSha())) {
                    return;
                }
                if (!WorkstationTransitions.accepts(state, TerminalDone.class)) {
                    LOG.warn("the terminal's signing done ignored in phase {}", state.phase());
                    return;
                }
                apply(new TerminalDone(d.eventCount(), Instant.now()));
                maybeTerminalDone();
            }
        }
    }

    private synchronized void confirmed(ReadingConfirmation c) throws IOException {
        if (!c.frozenContentSha256().equals(state.frozenSha())) {
            problem(FlowMessages.of("flow.reading.otherRevision"));
            return;
        }
        if (!WorkstationTransitions.accepts(state, ReadingConfirmed.class)) {
            LOG.warn("reading confirmation ignored in phase {}", state.phase());
            return;
        }
        String method = state.frozenReviewMethod();
        Message mismatch = method != null && !method.equals(c.path().name())
                ? FlowMessages.of("flow.reading.mismatch", method,
                        Message.untranslated(c.path().label())) : null;
        apply(new ReadingConfirmed(c.path().name(), c.confirmedAt(), mismatch == null ? null : mismatch.bilingual()));
        if (mismatch != null) {
            problem(mismatch);
        }
    }

    private void received(SignatureEventMessage m) throws IOException {
        SignatureEvent e = m.event();
        PlannedSlot slot;
        synchronized (this) {
            slot = state.terminalSlot(e.slotId());
            Message why = steps.admission().refusal(m, slot, state, Instant.now());
            if (why != null) {
                if (WorkstationTransitions.accepts(state, Refused.class)) {
                    apply(new Refused(e.eventId() + ": " + why.bilingual()));
                }
                problem(FlowMessages.of("flow.event.refused", e.eventId(), why));
                return;
            }
        }
        for (FlowListener l : listeners) {
            l.signed(slot, e);
        }
    }

    /** Slots of the current frozen revision that have a signature event (none before freezing). */
    public Set<String> signedSlots() throws IOException {
        WorkstationState st = state;
        return st.frozenSha() == null ? Set.of() : Set.copyOf(steps.events().ofRevision(st.recordId(),
                st.frozenSha()).keySet());
    }

    /** Once the terminal is done: every terminal slot has its event and the review was confirmed, then local signing. */
    private synchronized void maybeTerminalDone() throws IOException {
        if (state.phase() != Phase.SIGNING || state.terminalDoneCount() == null) {
            return;
        }
        Map<String, List<SignatureEvent>> got = steps.events().ofRevision(state.recordId(), state.frozenSha());
        for (PlannedSlot s : state.terminalSlots()) {
            if (!got.containsKey(s.slotId())) {
                problem(FlowMessages.of("flow.terminalDone.missingSlot", s.slotId()));
                return;
            }
        }
        if (state.readingPath() == null) {
            problem(FlowMessages.of("flow.terminalDone.noReading"));
            return;
        }
        if (state.rejected().stream().anyMatch(r -> r.startsWith("reading: "))) {
            Message why = FlowMessages.of("flow.terminalDone.reviewMismatch");
            problem(why);
            apply(new Failed(why.english()));
            firePhase();
            return;
        }
        apply(new LocalSigningBegan(Duration.between(state.frozenAt(), state.terminalDoneAt()).toNanos() / 1e6));
        firePhase();
        worker.execute(this::signLocallyAndSeal);
    }

    private void signLocallyAndSeal() {
        try {
            long t0 = System.nanoTime();
            WorkstationState st = state;
            Set<String> signed = steps.events().ofRevision(st.recordId(), st.frozenSha()).keySet();
            int total = st.localSlots().size();
            int[] done = {(int) st.localSlots().stream().filter(s -> signed.contains(s.slotId())).count()};
            progress(SessionProgress.Stage.WORKSTATION_SIGNING, -1, -1, done[0], total);
            steps.localSigning().signOpen(st, signed, (slot, event) -> {
                for (FlowListener l : listeners) {
                    l.signed(slot, event);
                }
                progress(SessionProgress.Stage.WORKSTATION_SIGNING, -1, -1, ++done[0], total);
            });
            apply(new StepTimed("workstation-signing", (System.nanoTime() - t0) / 1e6));
            seal();
        } catch (SigningCancelledException e) {
            // Not a failure: the slots signed so far stay in the journal; the officer takes the signing up again.
            LOG.info("workstation signing paused: {}", e.getMessage());
            localSigningWaiting = true;
            problem(FlowMessages.of("flow.localSigning.paused", e));
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
            if (state.phase() == Phase.SEALED) {
                // Sealed and filed; only telling the terminal failed.
                problem(FlowMessages.of("flow.sessionEnd.notSent", e));
                return;
            }
            progress(SessionProgress.Stage.FAILED, -1, -1, 0, 0);
            failed(e);
            problem(FlowMessages.of("flow.signingOrSealing.failed", e));
            firePhase();
        }
    }

    /** Fails the session; if even that cannot be saved the flow still stops here (and says so). */
    private synchronized void failed(Exception cause) {
        Failed event = new Failed(cause.toString());
        try {
            apply(event);
        } catch (IOException io) {
            cause.addSuppressed(io);
            LOG.error("the failed state could not be saved; the session resumes from the last saved step", io);
            state = WorkstationTransitions.apply(state, event);
            notifyAll();
        }
    }

    private void seal() throws Exception {
        progress(SessionProgress.Stage.SEALING, -1, -1, 0, 0);
        apply(steps.sealing().seal(state, step -> {
            if ("VERIFYING".equals(step)) {
                progress(SessionProgress.Stage.VERIFYING, -1, -1, 0, 0);
            }
            sealStep(step);
        }));
        terminal.send(new SessionEnd(state.recordId(), state.sealedSha(), FlowMessages.of("flow.sessionEnd")
                .bilingual()));
        firePhase();
    }

    /**
     * A prosecutor reads the frozen record aloud (rule 4): tells the terminal the page (0-based) and where on it the
     * reader is (fraction of the page height from the top, or -1), so the suspect can follow.
     */
    public void readingAloudAt(int page, double position) {
        Phase p = state.phase();
        if (p != Phase.SIGNING) {
            throw new FlowStateException(FlowMessages.of("flow.readingAloud.notSigning", p.name()));
        }
        progress(SessionProgress.Stage.READING_ALOUD, page, position, 0, 0);
    }

    /** Tells the terminal what the workstation is doing (display only; repeated after a reconnect). */
    private void progress(SessionProgress.Stage stage, int page, double position, int done, int total) {
        WorkstationState st = state;
        if (st.frozenSha() == null) {
            return;
        }
        SessionProgress p = new SessionProgress(st.recordId(), st.frozenSha(), stage, page, position, done, total);
        lastProgress = p;
        try {
            terminal.send(p);
        } catch (IOException e) {
            LOG.debug("progress not sent: {}", e.toString());
        }
    }

    /** Waits until sealed or failed. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!state.ended()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /**
     * The one place the state changes: the next state from {@link WorkstationTransitions#apply}, saved durably, then
     * made current (a state that could not be saved is not acted on).
     */
    private synchronized WorkstationState apply(WorkstationEvent event) throws IOException {
        WorkstationState next = WorkstationTransitions.apply(state, event);
        steps.states().save(next);
        state = next;
        notifyAll();
        return next;
    }

    private void firePhase() {
        String p = phase().name();
        for (FlowListener l : listeners) {
            l.phase(p);
        }
    }

    private void sealStep(String step) {
        LOG.info("sealing record {} (session {}): {}", state.recordId(), sessionId, step);
        for (FlowListener l : listeners) {
            l.sealStep(step);
        }
    }

    /** Tells the listeners (who resolve it in their reader's language) and logs it in English. */
    private void problem(Message message) {
        LOG.warn(message.english());
        for (FlowListener l : listeners) {
            l.problem(message);
        }
    }

    @Override
    public void close() {
        closing = true;
        flushDraft();
        steps.drafts().close();
        if (live != null) {
            live.close();
        }
        worker.shutdownNow();
    }
}
