// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.app.ui.TaskRunner;
import org.tixun.core.evidence.ink.InkOnPage;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.SessionProgress;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningPlan.SlotArea;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.flow.Capture;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.store.Settings;
import org.tixun.signpad.model.PenSample;

/**
 * The terminal's session state for its screens: which screen and controls, what to say (as {@link LocalText}), the
 * page to show with the ink already signed drawn in place and the next slot marked, the reading walk-through (read it
 * oneself or follow a prosecutor reading aloud), and the workstation's progress after the suspect's part. Slow work
 * (page images, captures, sending events) runs through the app's {@link TaskRunner}; flow and link events arrive on
 * their threads and are handed to {@code fx} (the FX thread in the app).
 */
public final class TerminalSessionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalSessionViewModel.class);
    /** Settings key: the record is shown with larger text (the page's side margins cut off), {@code true}/{@code false}. */
    public static final String LARGE_TEXT_SETTING = "terminalscreen.largeText";

    /** The screen shown. */
    public enum Screen { SELF_TEST, LIVE, READING, SIGNING, DONE, ENDED }

    /** The control strip under the page. */
    public enum Controls { NONE, READING_CHOICE, READING, SIGN, FINGERPRINT }

    /** How the suspect takes in the frozen record (rule 4). */
    public enum ReadingMode { NONE, SELF, ALOUD }

    /**
     * The live record page on screen.
     *
     * @param image the page at the cursor
     * @param page 1-based page number
     * @param pageCount pages of the record now
     * @param cursorY where the paragraph being typed ends (fraction of the height), or -1
     * @param update the update it came from (echoed as shown once painted)
     */
    public record LivePage(BufferedImage image, int page, int pageCount, double cursorY, LiveRecordUpdate update) {
    }

    /**
     * The slot just completed, shown cut out of its page with the ink in place.
     *
     * @param place where it was
     * @param image the part of the page around the slot
     */
    public record Signed(LocalText place, BufferedImage image) {
    }

    private final TerminalFlow flow;
    private final PhotoSource camera;
    private final SignatureSource pad;
    private final TaskRunner tasks;
    private final Executor fx;
    private final Settings settings;

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.SELF_TEST);
    private final ReadOnlyObjectWrapper<Controls> controls = new ReadOnlyObjectWrapper<>(Controls.NONE);
    private final ReadOnlyObjectWrapper<LocalText> instruction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LocalText> place = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LocalText> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LocalText> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LocalText> waiting = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper confirmationSentence = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<BufferedImage> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Rectangle2D> focus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper pageNumber = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper shownPage = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper pageShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<ReadingMode> readingMode = new ReadOnlyObjectWrapper<>(ReadingMode.NONE);
    private final ReadOnlyBooleanWrapper canFinishReading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper readerPosition = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper readerFromWorkstation = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Signed> lastSigned = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LivePage> live = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LinkState> linkState = new ReadOnlyObjectWrapper<>(LinkState.CONNECTING);
    private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper();
    private final BooleanProperty largeText = new SimpleBooleanProperty(true);

    private TerminalFlow.Step step;
    private boolean selfTestPassed;
    private Runnable onSelfTestDone = () -> { };
    private String listening;
    private String readingFor;
    private final BitSet pagesSeen = new BitSet();
    private long pageRequest;
    private volatile boolean closed;

    /**
     * @param flow the terminal's flow
     * @param link its link (state for the banner)
     * @param camera photos of the signer at pen-down and completion
     * @param pad the signature pad (also the fingerprint device), or null when only the screen canvas is there
     * @param tasks background work with results on the FX thread
     * @param fx runs flow and link events on the FX thread ({@code Platform::runLater})
     * @param settings where the larger-text choice is kept
     */
    public TerminalSessionViewModel(TerminalFlow flow, TerminalLink link, PhotoSource camera, SignatureSource pad,
            TaskRunner tasks, Executor fx, Settings settings) {
        this.flow = flow;
        this.camera = camera;
        this.pad = pad;
        this.tasks = tasks;
        this.fx = fx;
        this.settings = settings;
        largeText.set(settings == null || !"false".equals(settings.get(LARGE_TEXT_SETTING).orElse("true")));
        largeText.addListener((o, was, on) -> {
            if (this.settings != null) {
                this.settings.put(LARGE_TEXT_SETTING, Boolean.toString(on));
            }
        });
        link.addListener(new LinkListener() {
            @Override
            public void onStateChanged(LinkStateEvent event) {
                fx.execute(() -> {
                    linkState.set(event.state());
                    updateWaiting();
                });
            }
        });
        flow.addListener(new FlowListener() {
            @Override
            public void liveRecord(LiveRecordUpdate update) {
                BufferedImage img;
                try {
                    img = ImageIO.read(new ByteArrayInputStream(update.pagesPng().get(0)));
                } catch (IOException e) {
                    LOG.warn("live record page unreadable: {}", e.toString());
                    return;
                }
                fx.execute(() -> {
                    live.set(new LivePage(img, update.firstPage(), update.pageCount(), update.cursorY(), update));
                    updateWaiting();
                });
            }

            @Override
            public void step(TerminalFlow.Step s) {
                fx.execute(() -> show(s));
            }

            @Override
            public void problem(Message text) {
                fx.execute(() -> message.set(LocalText.of(text)));
            }

            @Override
            public void progress(SessionProgress p) {
                fx.execute(() -> progressed(p));
            }
        });
        updateWaiting();
        try {
            show(flow.current());
        } catch (IOException e) {
            message.set(LocalText.raw(e.getMessage()));
        }
    }

    // ---- self-test and waiting -------------------------------------------------------------------------------

    /** Runs once when the self-test screen is left (e.g. hand the devices to the media call). */
    public void setOnSelfTestDone(Runnable r) {
        this.onSelfTestDone = r;
    }

    /** Leaves the self-test screen (the officer ran it, or skipped it) for the session. */
    public void selfTestDone() {
        if (!selfTestPassed) {
            selfTestPassed = true;
            onSelfTestDone.run();
        }
        try {
            show(flow.current());
        } catch (IOException e) {
            message.set(LocalText.raw(e.getMessage()));
        }
    }

    /** The addresses the workstation can reach this terminal on, shown while waiting. */
    public void setListening(String addresses) {
        this.listening = addresses;
        updateWaiting();
    }

    private void updateWaiting() {
        if (live.get() != null) {
            waiting.set(null);
            return;
        }
        LocalText state = new LocalText(linkState.get() == LinkState.CONNECTED ? "session.terminal.connected"
                : "session.terminal.waiting");
        waiting.set(listening == null || listening.isBlank() ? state
                : new LocalText("terminal.waiting.where", state, listening));
    }

    /** The live page was painted: tells the workstation (its latency figure). */
    public void shown(LiveRecordUpdate update) {
        flow.shown(update);
    }

    // ---- steps -----------------------------------------------------------------------------------------------

    private void show(TerminalFlow.Step s) {
        if (s == null || closed) {
            return;
        }
        boolean moved = step == null || step.kind() != s.kind() || step.index() != s.index();
        step = s;
        if (moved && s.kind() != TerminalFlow.StepKind.WAITING) {
            // Back to waiting keeps the message: it says why (e.g. the record was changed after freezing).
            message.set(null);
        }
        if (!selfTestPassed) {
            screen.set(Screen.SELF_TEST);
            return;
        }
        confirmationSentence.set(false);
        place.set(null);
        switch (s.kind()) {
            case WAITING -> {
                screen.set(Screen.LIVE);
                controls.set(Controls.NONE);
                instruction.set(new LocalText("session.terminal.live"));
                detail.set(new LocalText("terminal.live.detail"));
                clearPage();
            }
            case READING -> showReading(s);
            case SLOT -> showSlot(s);
            case DONE -> {
                screen.set(Screen.DONE);
                controls.set(Controls.NONE);
                instruction.set(new LocalText("terminal.done.title"));
                detail.set(progressText(flow.progress()));
                pageNumber.set(s.pageCount());
                pageCount.set(s.pageCount());
                loadPage(s.pageCount() - 1, null);
            }
            case ENDED -> {
                screen.set(Screen.ENDED);
                controls.set(Controls.NONE);
                TerminalFlow.State st = flow.state();
                instruction.set(new LocalText(st.sealedSha != null ? "terminal.ended.sealed" : "terminal.ended.title"));
                detail.set(st.sealedSha != null ? new LocalText("terminal.ended.detail")
                        : st.endMessage == null ? null : LocalText.raw(st.endMessage));
                clearPage();
            }
            default -> throw new IllegalStateException("unknown step " + s.kind());
        }
    }

    private void showReading(TerminalFlow.Step s) {
        String frozen = flow.state().frozenSha;
        if (frozen == null || !frozen.equals(readingFor)) {
            readingFor = frozen;
            readingMode.set(ReadingMode.NONE);
            pagesSeen.clear();
            readerPosition.set(-1);
            readerFromWorkstation.set(false);
            pageNumber.set(1);
        }
        screen.set(Screen.READING);
        pageCount.set(s.pageCount());
        instruction.set(new LocalText("session.terminal.read.title"));
        readingControls();
        showReadingPage(Math.max(0, pageNumber.get() - 1));
    }

    private void readingControls() {
        ReadingMode mode = readingMode.get();
        controls.set(mode == ReadingMode.NONE ? Controls.READING_CHOICE : Controls.READING);
        detail.set(switch (mode) {
            case NONE -> new LocalText("session.terminal.read.detail", pageCount.get());
            case SELF -> new LocalText("terminal.read.self.detail", pageCount.get());
            case ALOUD -> new LocalText("terminal.read.aloud.detail", pageCount.get());
        });
    }

    private void showSlot(TerminalFlow.Step s) {
        PlannedSlot slot = s.slot();
        List<PlannedSlot> plan = flow.state().slots;
        screen.set(Screen.SIGNING);
        place.set(SlotPlaces.place(slot, plan));
        String who = slot.signer().name();
        detail.set(new LocalText("terminal.step", s.index() + 1, s.total(), who,
                new LocalText("terminal.role." + slot.signer().role().name())));
        switch (slot.kind()) {
            case FINGERPRINT, CORRECTION -> {
                instruction.set(new LocalText("terminal.instruction.fingerprint"));
                controls.set(Controls.FINGERPRINT);
            }
            case CONFIRMATION -> {
                instruction.set(new LocalText("terminal.instruction.confirmation"));
                confirmationSentence.set(true);
                controls.set(Controls.SIGN);
            }
            default -> {
                instruction.set(new LocalText(slot.kind() == SlotKind.DATE ? "terminal.instruction.date"
                        : "terminal.instruction.sign"));
                controls.set(Controls.SIGN);
            }
        }
        pageNumber.set(slot.pageIndex() + 1);
        pageCount.set(s.pageCount());
        SlotArea a = slot.area();
        loadPage(slot.pageIndex(), a == null ? null : new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    }

    // ---- reading (rule 4) ------------------------------------------------------------------------------------

    /** The suspect reads the record on this screen, page by page. */
    public void readSelf() {
        chooseMode(ReadingMode.SELF);
    }

    /** The suspect asks for the record to be read aloud and follows on this screen. */
    public void readAloud() {
        chooseMode(ReadingMode.ALOUD);
    }

    private void chooseMode(ReadingMode mode) {
        if (screen.get() != Screen.READING) {
            return;
        }
        readingMode.set(mode);
        readingControls();
        showReadingPage(Math.max(0, pageNumber.get() - 1));
    }

    /** Shows the next page of the frozen record while reading. */
    public void nextPage() {
        if (screen.get() == Screen.READING && pageNumber.get() < pageCount.get()) {
            readerPosition.set(-1);
            showReadingPage(pageNumber.get());
        }
    }

    /** Shows the previous page while reading. */
    public void previousPage() {
        if (screen.get() == Screen.READING && pageNumber.get() > 1) {
            readerPosition.set(-1);
            showReadingPage(pageNumber.get() - 2);
        }
    }

    private void showReadingPage(int index) {
        pageNumber.set(index + 1);
        updateCanFinishReading();
        double y = readerPosition.get();
        loadPage(index, readingMode.get() == ReadingMode.ALOUD && y >= 0
                ? new Rectangle2D.Double(0.06, Math.max(0, y - 0.015), 0.88, 0.03) : null);
    }

    /**
     * The reading is over: confirms it to the workstation (the path chosen is recorded, rule 4) and the signing
     * begins. Only once every page was on screen.
     */
    public void finishReading() {
        ReadingMode mode = readingMode.get();
        if (screen.get() != Screen.READING || mode == ReadingMode.NONE || busy.get()) {
            return;
        }
        if (!canFinishReading.get()) {
            message.set(new LocalText("terminal.read.notAllPages", pageCount.get()));
            return;
        }
        ReadingConfirmation.Path path = mode == ReadingMode.SELF ? ReadingConfirmation.Path.READ
                : ReadingConfirmation.Path.READ_ALOUD;
        run(() -> {
            flow.chooseReading(path);
            return null;
        }, ok -> { });
    }

    private void progressed(SessionProgress p) {
        if (p.stage() == SessionProgress.Stage.READING_ALOUD) {
            if (screen.get() != Screen.READING || p.page() < 0 || p.page() >= Math.max(1, pageCount.get())) {
                return;
            }
            readerFromWorkstation.set(true);
            readerPosition.set(p.position());
            if (readingMode.get() == ReadingMode.NONE) {
                // The prosecutor has begun to read aloud: follow them (the suspect still confirms at the end).
                readingMode.set(ReadingMode.ALOUD);
                readingControls();
            }
            showReadingPage(p.page());
            return;
        }
        if (screen.get() == Screen.DONE) {
            detail.set(progressText(p));
        }
    }

    /** What the workstation is doing after the suspect's part, in words; true to the state it reported. */
    static LocalText progressText(SessionProgress p) {
        if (p == null) {
            return new LocalText("terminal.done.detail");
        }
        return switch (p.stage()) {
            case WORKSTATION_SIGNING -> p.done() >= p.total() ? new LocalText("terminal.progress.signed")
                    : new LocalText("terminal.progress.signing", p.done(), p.total());
            case SEALING -> new LocalText("terminal.progress.sealing");
            case VERIFYING -> new LocalText("terminal.progress.verifying");
            case FAILED -> new LocalText("terminal.progress.failed");
            case READING_ALOUD -> new LocalText("terminal.done.detail");
        };
    }

    // ---- signing ---------------------------------------------------------------------------------------------

    /**
     * Confirms what was written on the screen canvas for the current slot. Nothing written: a message says so and
     * everything else (the confirmation sentence included) stays as it is.
     *
     * @param samples the canvas's samples, in its pointer space
     * @param canvasWidth the canvas width in pixels when written
     * @param canvasHeight its height
     */
    public void confirmCanvas(List<PenSample> samples, double canvasWidth, double canvasHeight) {
        TerminalFlow.Step s = step;
        if (s == null || s.kind() != TerminalFlow.StepKind.SLOT || busy.get() || !pageShown.get()) {
            return;
        }
        if (samples.stream().noneMatch(PenSample::isContact)) {
            message.set(new LocalText(s.slot().kind() == SlotKind.CONFIRMATION ? "terminal.sign.emptyConfirmation"
                    : "session.terminal.sign.empty"));
            return;
        }
        List<PenSample> copy = List.copyOf(samples);
        complete(s, () -> CanvasInk.capture(copy, canvasWidth, canvasHeight));
    }

    /** Signs the current slot on the signature pad (a fingerprint slot on the pad's fingerprint reader). */
    public void signWithPad() {
        TerminalFlow.Step s = step;
        if (s == null || s.kind() != TerminalFlow.StepKind.SLOT || busy.get() || !pageShown.get()) {
            return;
        }
        if (pad == null) {
            message.set(new LocalText(s.slot().kind() == SlotKind.FINGERPRINT ? "terminal.fingerprint.noDevice"
                    : "terminal.pad.none"));
            return;
        }
        message.set(new LocalText(s.slot().kind() == SlotKind.FINGERPRINT ? "terminal.fingerprint.waiting"
                : "terminal.pad.waiting"));
        complete(s, () -> pad.capture(s.slot(), s.index()));
    }

    /** True when a pad (and its fingerprint reader) is attached. */
    public boolean hasPad() {
        return pad != null;
    }

    private interface CaptureStep {
        Capture capture() throws Exception;
    }

    private void complete(TerminalFlow.Step s, CaptureStep capture) {
        List<PlannedSlot> plan = flow.state().slots;
        run(() -> {
            Capture c = capture.capture();
            boolean first = s.index() == 0 || !plan.get(s.index() - 1).signer().equals(s.slot().signer());
            flow.complete(s.slot(), c, first ? camera.snapshot() : null, camera.snapshot());
            return signedCard(s.slot(), plan);
        }, signed -> {
            completed.set(completed.get() + 1);
            if (signed != null) {
                lastSigned.set(signed);
            }
            message.set(null);
        });
    }

    /** The completed slot cut out of its page with the ink drawn in (null if the plan has no geometry). */
    private Signed signedCard(PlannedSlot slot, List<PlannedSlot> plan) throws IOException {
        if (slot.area() == null) {
            return null;
        }
        BufferedImage full = render(slot.pageIndex(), null);
        SlotArea a = slot.area();
        // The slot's band across the text column, so the line's own words ("被讯问人签名：") stand beside the ink.
        double padY = Math.max(a.height() * 0.3, 0.01);
        int x0 = clamp(Math.min(a.left() - 0.02, 0.08) * full.getWidth(), full.getWidth());
        int y0 = clamp((a.top() - padY) * full.getHeight(), full.getHeight());
        int x1 = clamp(Math.max(a.left() + a.width() + 0.02, 0.94) * full.getWidth(), full.getWidth());
        int y1 = clamp((a.top() + a.height() + padY) * full.getHeight(), full.getHeight());
        BufferedImage crop = full.getSubimage(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        return new Signed(SlotPlaces.place(slot, plan), crop);
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }

    // ---- pages -----------------------------------------------------------------------------------------------

    /** A page counts as read once its image was on screen in a chosen reading mode, never on being asked for. */
    private void updateCanFinishReading() {
        canFinishReading.set(readingMode.get() != ReadingMode.NONE
                && pagesSeen.nextClearBit(0) >= Math.max(1, pageCount.get()));
    }

    /** No page on screen; a page still being rendered for an earlier step is dropped when it arrives. */
    private void clearPage() {
        ++pageRequest;
        page.set(null);
        shownPage.set(0);
        pageShown.set(false);
    }

    /**
     * Loads page {@code index} with the ink signed so far in place and {@code highlight} marked. Until its image is on
     * screen, {@link #pageShownProperty()} is false: the number and the picture the signer sees change together, a
     * page counts as read only once shown, and nothing is signed over the previous page's picture.
     */
    private void loadPage(int index, Rectangle2D highlight) {
        long request = ++pageRequest;
        focus.set(highlight);
        pageShown.set(false);
        if (index < 0) {
            page.set(null);
            shownPage.set(0);
            return;
        }
        tasks.run(() -> render(index, highlight), img -> {
            if (request == pageRequest) {
                page.set(img);
                shownPage.set(index + 1);
                pageShown.set(true);
                if (screen.get() == Screen.READING && readingMode.get() != ReadingMode.NONE) {
                    pagesSeen.set(index);
                    updateCanFinishReading();
                }
            }
        }, e -> {
            if (request == pageRequest) {
                message.set(new LocalText("session.terminal.error", e.getMessage()));
            }
        });
    }

    /** Page {@code index} of the frozen record with every signed slot's ink on it (background thread). */
    BufferedImage render(int index, Rectangle2D highlight) throws IOException {
        BufferedImage base = ImageIO.read(new ByteArrayInputStream(flow.page(index)));
        if (base == null) {
            throw new IOException("page " + (index + 1) + " is not a readable image");
        }
        Map<String, PlannedSlot> slots = new HashMap<>();
        for (PlannedSlot p : flow.state().slots) {
            slots.put(p.slotId(), p);
        }
        List<InkOnPage.Mark> marks = new ArrayList<>();
        for (SignatureEvent e : flow.signedEvents()) {
            PlannedSlot p = slots.get(e.slotId());
            if (p == null || p.pageIndex() != index || p.area() == null) {
                continue;
            }
            SlotArea a = p.area();
            DeviceInfo device = e.device();
            marks.add(new InkOnPage.Mark(new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()), p.kind(),
                    e.samples(), device));
        }
        return InkOnPage.render(base, marks, highlight);
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private interface Work<T> {
        T call() throws Exception;
    }

    /** Runs flow work in the background, one at a time; a failure lands in {@link #messageProperty()}. */
    private <T> void run(Work<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        tasks.run(work::call, result -> {
            busy.set(false);
            done.accept(result);
        }, e -> {
            busy.set(false);
            LOG.warn("terminal step failed: {}", e.toString());
            message.set(new LocalText("session.terminal.error", e.getMessage() == null ? e.toString()
                    : e.getMessage()));
        });
    }

    /** Stops reacting to flow events (the view is going away). */
    public void close() {
        closed = true;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Controls> controlsProperty() {
        return controls.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalText> instructionProperty() {
        return instruction.getReadOnlyProperty();
    }

    /** Where the current slot is (page and place), or null. */
    public ReadOnlyObjectProperty<LocalText> placeProperty() {
        return place.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalText> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** A note or an error for the suspect or the officer (empty confirm, a device missing, a failed send), or null. */
    public ReadOnlyObjectProperty<LocalText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the live screen says while no record is shown yet, or null. */
    public ReadOnlyObjectProperty<LocalText> waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** True while the confirmation sentence is to be written (shown whole above the writing box). */
    public ReadOnlyBooleanProperty confirmationSentenceProperty() {
        return confirmationSentence.getReadOnlyProperty();
    }

    /** The frozen page shown (reading, signing, done) with the ink in place, or null. */
    public ReadOnlyObjectProperty<BufferedImage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The part of the page to keep in view (the slot to sign, the reader's line) as page fractions, or null. */
    public ReadOnlyObjectProperty<Rectangle2D> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageNumberProperty() {
        return pageNumber.getReadOnlyProperty();
    }

    /** The 1-based number of the page whose image is on screen (0: none); the page label shows this one. */
    public ReadOnlyIntegerProperty shownPageProperty() {
        return shownPage.getReadOnlyProperty();
    }

    /** True once the page asked for last is on screen; the controls wait for it. */
    public ReadOnlyBooleanProperty pageShownProperty() {
        return pageShown.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReadingMode> readingModeProperty() {
        return readingMode.getReadOnlyProperty();
    }

    /** True once every page was on screen in the chosen reading mode. */
    public ReadOnlyBooleanProperty canFinishReadingProperty() {
        return canFinishReading.getReadOnlyProperty();
    }

    /** Where on the page the prosecutor reading aloud is (fraction of the height), or -1. */
    public ReadOnlyDoubleProperty readerPositionProperty() {
        return readerPosition.getReadOnlyProperty();
    }

    /** True once the workstation has said which page it reads aloud. */
    public ReadOnlyBooleanProperty readerFromWorkstationProperty() {
        return readerFromWorkstation.getReadOnlyProperty();
    }

    /** True while a step's work runs (capture, sending); the controls wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last completed slot with its ink, or null. */
    public ReadOnlyObjectProperty<Signed> lastSignedProperty() {
        return lastSigned.getReadOnlyProperty();
    }

    /** Slots completed on this screen (the canvas is cleared on each). */
    public ReadOnlyIntegerProperty completedProperty() {
        return completed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LivePage> liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LinkState> linkStateProperty() {
        return linkState.getReadOnlyProperty();
    }

    /** Show the record with larger text (the page's side margins cut off); remembered in the settings. */
    public BooleanProperty largeTextProperty() {
        return largeText;
    }

    /** The step on screen. */
    public TerminalFlow.Step step() {
        return step;
    }
}
