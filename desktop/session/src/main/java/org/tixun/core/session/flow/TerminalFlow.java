// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.evidence.EvidenceJson;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.Abort;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LiveRecordShown;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.SessionEnd;
import org.tixun.core.session.SessionMessage;
import org.tixun.core.session.SessionProgress;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.SignatureEventMessage;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningPlan;
import org.tixun.core.session.SigningRequest;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.TerminalSigningDone;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * The terminal's half of a remote session: shows the live record, receives the plan and the frozen pages, walks the
 * signers through the reading choice and every slot ({@link #current()}), sends each completed signature event
 * (journaled first, exactly once), and tells the workstation when its part is over. The state is saved in the
 * session store; slots already in the journal are never signed twice, also after a restart.
 */
public final class TerminalFlow implements LinkListener {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalFlow.class);
    private static final ObjectMapper JSON = EvidenceJson.mapper();

    /** Where the terminal stands. */
    public enum Phase { IDLE, SIGNING, DONE, ENDED }

    /** What the terminal screen shows now. */
    public enum StepKind { WAITING, READING, SLOT, DONE, ENDED }

    /**
     * One step of the walk-through.
     *
     * @param kind the step
     * @param slot the slot to sign (SLOT only)
     * @param index 0-based position of the slot in the plan
     * @param total slots in the plan
     * @param pageCount pages of the frozen record
     */
    public record Step(StepKind kind, PlannedSlot slot, int index, int total, int pageCount) {
    }

    /** The saved state (JSON in {@code session_flow}). */
    public static final class State {
        public String sessionId;
        public String recordId;
        public Phase phase = Phase.IDLE;
        public String frozenSha;
        public List<PlannedSlot> slots = new ArrayList<>();
        public String recordingId;
        public Instant recordingStart;
        public int pageCount;
        public boolean planReceived;
        public boolean requestReceived;
        public String readingPath;
        public Instant readingAt;
        public List<String> sentEventIds = new ArrayList<>();
        public boolean doneSent;
        public String sealedSha;
        public String endMessage;
    }

    private final TerminalLink link;
    private final SessionStore store;
    private final SignatureEventJournal journal;
    private final Path dataDir;
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();
    private State state;
    private volatile LiveRecordUpdate latestLive;
    private volatile SessionProgress progress;
    private int liveShown;

    public TerminalFlow(TerminalLink link, SessionStore store, SignatureEventJournal journal, Path dataDir)
            throws IOException {
        this.link = Objects.requireNonNull(link);
        this.store = store;
        this.journal = journal;
        this.dataDir = dataDir;
        this.state = load(link.sessionId());
        link.addListener(this);
    }

    private State load(String sessionId) throws IOException {
        if (sessionId != null) {
            var saved = store.flow(sessionId);
            if (saved.isPresent()) {
                return JSON.readValue(saved.get().stateJson(), State.class);
            }
        }
        State s = new State();
        s.sessionId = sessionId;
        return s;
    }

    public void addListener(FlowListener l) {
        listeners.add(l);
    }

    /** The newest live record page set received, or null. */
    public LiveRecordUpdate latestLive() {
        return latestLive;
    }

    /** The workstation's latest progress for the frozen revision being signed, or null. */
    public SessionProgress progress() {
        SessionProgress p = progress;
        synchronized (this) {
            return p != null && p.frozenContentSha256().equals(state.frozenSha) && state.phase != Phase.ENDED ? p
                    : null;
        }
    }

    /** The signature events made here for the current frozen revision, in the order they were journaled. */
    public synchronized List<SignatureEvent> signedEvents() throws IOException {
        if (state.recordId == null || state.frozenSha == null) {
            return List.of();
        }
        return journal.load(state.recordId).stream().filter(e -> e.frozenContentSha256().equals(state.frozenSha))
                .toList();
    }

    /** How many live updates were put on screen. */
    public synchronized int liveShown() {
        return liveShown;
    }

    /** A copy of the saved state. */
    public synchronized State state() {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(state), State.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The screen put a live revision on display: tells the workstation (for its latency figure). Call after the
     * page is really shown (headless: decoded).
     */
    public void shown(LiveRecordUpdate update) {
        synchronized (this) {
            liveShown++;
        }
        try {
            link.send(new LiveRecordShown(update.recordId(), update.revision()));
        } catch (IOException e) {
            LOG.debug("shown echo not sent: {}", e.toString());
        }
    }

    /**
     * A new session connected (not the one this terminal was in, e.g. after a power cut the workstation started
     * afresh): show that session's state, not the old one's signing step. The same session reconnecting keeps its
     * state (resume).
     */
    @Override
    public void onStateChanged(org.tixun.core.session.LinkStateEvent event) {
        if (event.state() != org.tixun.core.session.LinkState.CONNECTED) {
            return;
        }
        boolean switched;
        synchronized (this) {
            String current = link.sessionId();
            switched = current != null && !current.equals(state.sessionId);
            if (switched) {
                try {
                    LOG.info("session {} connected; leaving the screen of session {}", current, state.sessionId);
                    state = load(current);
                } catch (IOException e) {
                    problem(SessionMessages.of("terminalFlow.stateUnreadable", e));
                    return;
                }
            }
        }
        if (switched) {
            firePhase();
            fireStep();
        }
    }

    @Override
    public void onMessage(SessionMessage message) throws Exception {
        if (message instanceof SessionProgress p) {
            boolean current;
            synchronized (this) {
                current = p.recordId().equals(state.recordId) && p.frozenContentSha256().equals(state.frozenSha)
                        && state.phase != Phase.ENDED;
            }
            if (current) {
                progress = p;
                for (FlowListener l : listeners) {
                    l.progress(p);
                }
            }
            return;
        }
        if (message instanceof LiveRecordUpdate u) {
            LiveRecordUpdate prev = latestLive;
            if (prev == null || !prev.recordId().equals(u.recordId()) || prev.revision() < u.revision()) {
                latestLive = u;
                for (FlowListener l : listeners) {
                    l.liveRecord(u);
                }
            }
            return;
        }
        synchronized (this) {
            if (state.sessionId == null || !state.sessionId.equals(link.sessionId())) {
                state = load(link.sessionId());
            }
            if (message instanceof SigningPlan p) {
                if (p.frozenContentSha256().equals(state.frozenSha) && state.planReceived) {
                    return; // the same plan again (a resumed workstation re-sent it)
                }
                State s = new State();
                s.sessionId = link.sessionId();
                s.recordId = p.recordId();
                s.frozenSha = p.frozenContentSha256();
                s.slots = p.slots();
                s.recordingId = p.recordingId();
                s.recordingStart = p.recordingStart();
                s.planReceived = true;
                state = s;
                save();
            } else if (message instanceof SigningRequest r) {
                if (!r.frozenContentSha256().equals(state.frozenSha) || !state.planReceived) {
                    throw new LocalizedIOException(SessionMessages.of("terminalFlow.requestWithoutPlan"));
                }
                if (state.requestReceived) {
                    return;
                }
                Path pages = pagesDir();
                Files.createDirectories(pages);
                for (int i = 0; i < r.pagesPng().size(); i++) {
                    org.tixun.core.pki.InstitutionKeyStore.writeAtomically(pages.resolve(pageName(i)),
                            r.pagesPng().get(i));
                }
                state.pageCount = r.pagesPng().size();
                state.requestReceived = true;
                state.phase = Phase.SIGNING;
                save();
                firePhase();
            } else if (message instanceof Abort a) {
                if (a.recordId().equals(state.recordId)) {
                    state.phase = Phase.IDLE;
                    state.requestReceived = false;
                    state.planReceived = false;
                    state.frozenSha = null;
                    state.endMessage = a.reason();
                    save();
                    // the workstation's reason arrives worded 「中文 (English)」; the reader sees their half
                    problem(Message.untranslated(a.reason()));
                    firePhase();
                }
            } else if (message instanceof SessionEnd e) {
                if (e.recordId().equals(state.recordId)) {
                    state.phase = Phase.ENDED;
                    state.sealedSha = e.sealedSha256();
                    state.endMessage = e.message();
                    save();
                    firePhase();
                }
            }
            notifyAll();
        }
        fireStep();
    }

    private Path pagesDir() {
        return dataDir.resolve("sessions").resolve(state.sessionId).resolve("pages-" + state.frozenSha.substring(0,
                12));
    }

    private static String pageName(int i) {
        return String.format("page-%03d.png", i + 1);
    }

    /** A frozen page as PNG (0-based). */
    public synchronized byte[] page(int index) throws IOException {
        return Files.readAllBytes(pagesDir().resolve(pageName(index)));
    }

    /** Slot ids of the current frozen revision already journaled here. */
    private Set<String> signedSlots() throws IOException {
        if (state.recordId == null) {
            return Set.of();
        }
        return journal.load(state.recordId).stream().filter(e -> e.frozenContentSha256().equals(state.frozenSha))
                .map(SignatureEvent::slotId).collect(Collectors.toCollection(HashSet::new));
    }

    /** The step to show now. */
    public synchronized Step current() throws IOException {
        if (state.phase == Phase.ENDED) {
            return new Step(StepKind.ENDED, null, 0, state.slots.size(), state.pageCount);
        }
        if (state.phase == Phase.IDLE || !state.requestReceived) {
            return new Step(StepKind.WAITING, null, 0, 0, 0);
        }
        if (state.readingPath == null) {
            return new Step(StepKind.READING, null, 0, state.slots.size(), state.pageCount);
        }
        Set<String> done = signedSlots();
        for (int i = 0; i < state.slots.size(); i++) {
            if (!done.contains(state.slots.get(i).slotId())) {
                return new Step(StepKind.SLOT, state.slots.get(i), i, state.slots.size(), state.pageCount);
            }
        }
        return new Step(StepKind.DONE, null, state.slots.size(), state.slots.size(), state.pageCount);
    }

    /** Waits until the step differs from {@code kindNow}/{@code indexNow} (or the timeout passes). */
    public synchronized Step awaitStepChange(Step now, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Step s = current();
        while (s.kind() == now.kind() && s.index() == now.index()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return s;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            s = current();
        }
        return s;
    }

    /**
     * Continues after a restart or reconnect: re-sends journaled events that may not have reached the outbox (a
     * crash between journal and outbox), then the completion notice if every slot is signed.
     */
    public synchronized void resume() throws IOException {
        if (state.phase != Phase.SIGNING) {
            return;
        }
        Set<String> sent = new HashSet<>(state.sentEventIds);
        for (SignatureEvent e : journal.load(state.recordId)) {
            if (e.frozenContentSha256().equals(state.frozenSha) && !sent.contains(e.eventId())) {
                LOG.info("re-sending journaled event {} (not known to be sent)", e.eventId());
                link.send(new SignatureEventMessage(state.recordId, e));
                state.sentEventIds.add(e.eventId());
            }
        }
        save();
        finishIfComplete();
    }

    /** The suspect chose to read the record or to have it read aloud (rule 4). */
    public void chooseReading(ReadingConfirmation.Path path) throws IOException {
        synchronized (this) {
            if (!state.requestReceived || state.readingPath != null) {
                throw new IllegalStateException("no reading choice pending");
            }
            String suspect = state.slots.isEmpty() ? "" : state.slots.get(0).signer().name();
            Instant now = Instant.now();
            link.send(new ReadingConfirmation(state.recordId, state.frozenSha, path, suspect, now));
            state.readingPath = path.name();
            state.readingAt = now;
            save();
            notifyAll();
        }
        fireStep();
    }

    /**
     * Completes one slot: builds the signature event (frozen hash, recording span, photos), sends it (journaled
     * before {@code send} returns) and, after the last slot, the completion notice.
     */
    public SignatureEvent complete(PlannedSlot slot, Capture capture, byte[] photoAtPenDown, byte[] photoAtCompletion)
            throws IOException {
        SignatureEvent event;
        synchronized (this) {
            Step now = current();
            if (now.kind() != StepKind.SLOT || !now.slot().slotId().equals(slot.slotId())) {
                throw new IllegalStateException("slot " + slot.slotId() + " is not the current step");
            }
            event = new SignatureEvent("t-" + state.frozenSha.substring(0, 8) + "-" + now.index(), slot.signer(),
                    slot.slotId(), capture.samples(), capture.inkPng(), photoAtPenDown, photoAtCompletion,
                    capture.fingerprintPng(), new EventTimes(capture.hostStart(), capture.hostEnd(),
                            capture.monotonicStartNanos(), capture.monotonicEndNanos(), capture.padStartMicros(),
                            capture.padEndMicros(), null), capture.device(), state.frozenSha,
                    new RecordingSpan(state.recordingId, null, capture.hostStart(), capture.hostEnd()));
            link.send(new SignatureEventMessage(state.recordId, event));
            state.sentEventIds.add(event.eventId());
            save();
            finishIfComplete();
            notifyAll();
        }
        for (FlowListener l : listeners) {
            l.signed(slot, event);
        }
        fireStep();
        return event;
    }

    private void finishIfComplete() throws IOException {
        if (!state.doneSent && current().kind() == StepKind.DONE) {
            link.send(new TerminalSigningDone(state.recordId, state.frozenSha, state.slots.size()));
            state.doneSent = true;
            state.phase = Phase.DONE;
            save();
            firePhase();
        }
    }

    /** Waits for the end of the session (the workstation sealed the record). */
    public synchronized boolean awaitEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state.phase != Phase.ENDED) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private void save() throws IOException {
        if (state.sessionId == null) {
            return;
        }
        store.saveFlow(new SessionStore.FlowState(state.sessionId, "TERMINAL", state.recordId, state.phase.name(),
                JSON.writeValueAsString(state)));
    }

    private void firePhase() {
        for (FlowListener l : listeners) {
            l.phase(state.phase.name());
        }
    }

    private void fireStep() {
        Step s;
        try {
            s = current();
        } catch (IOException e) {
            problem(SessionMessages.of("terminalFlow.journalUnreadable", e));
            return;
        }
        for (FlowListener l : listeners) {
            l.step(s);
        }
    }

    private void problem(Message message) {
        LOG.warn(message.english());
        for (FlowListener l : listeners) {
            l.problem(message);
        }
    }

    /** Signers of the plan with their slot counts, for display. */
    public synchronized Map<String, Long> slotsPerSigner() {
        return state.slots.stream().collect(Collectors.groupingBy(SlotPlanner::signerKey,
                java.util.LinkedHashMap::new, Collectors.counting()));
    }
}
