// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tixun.app.i18n.CoreText;
import org.tixun.app.i18n.I18n;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.WorkstationLink;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.flow.WorkstationState;
import org.tixun.templates.DocumentData;
import org.tixun.templates.QaEntry;

/**
 * The workstation session screen's state: link state, phase, the Q&A text (parsed into entries and pushed to the
 * live record on every change), signing progress per signer, the steps of sealing, the call (hung up or not) and the
 * diagnostics (live-record latency, video frame rate). Flow and link events arrive on their own threads and are moved
 * to the FX thread here; every text follows the language switch.
 */
public final class SessionViewModel {
    /** How one signer stands: who, where they sign, slots signed of all, the next slot (null when done). */
    public record SignerProgress(SignerIdentity signer, boolean atTerminal, int signed, int total,
            PlannedSlot next) {
        public boolean done() {
            return signed == total;
        }
    }


    private final I18n i18n;
    private final WorkstationFlow flow;
    private final DocumentData base;
    private final ReadOnlyStringWrapper linkState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper terminalName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WorkstationFlow.Phase> phaseValue = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sealStep = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diagnostics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recording = new ReadOnlyStringWrapper("");
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper hungUp = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty localSigningWaiting = new SimpleBooleanProperty(false);
    private final ObservableList<SignerProgress> signers = FXCollections.observableArrayList();
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final Map<String, Boolean> signedSlots = new HashMap<>();
    private final ObjectProperty<LinkStateEvent> lastLink = new SimpleObjectProperty<>();
    private Message rawProblem;
    private FramesCounter frames;
    private long framesAt;
    private long framesBefore;
    private double fps = Double.NaN;

    /** Frames painted so far (the video pane), for the diagnostics. */
    public interface FramesCounter {
        long painted();
    }

    public SessionViewModel(I18n i18n, WorkstationFlow flow, WorkstationLink link, DocumentData base) {
        this.i18n = i18n;
        this.flow = flow;
        this.base = base;
        link.addListener(new LinkListener() {
            @Override
            public void onStateChanged(LinkStateEvent event) {
                Platform.runLater(() -> link(event));
            }
        });
        flow.addListener(new FlowListener() {
            @Override
            public void phase(String p) {
                boolean waiting = flow.localSigningWaiting();
                Platform.runLater(() -> {
                    localSigningWaiting.set(waiting);
                    showPhase(WorkstationFlow.Phase.valueOf(p));
                    refreshProgress();
                });
            }

            @Override
            public void signed(PlannedSlot slot, SignatureEvent event) {
                Platform.runLater(() -> {
                    signedSlots.put(slot.slotId(), Boolean.TRUE);
                    refreshProgress();
                });
            }

            @Override
            public void sealStep(String step) {
                Platform.runLater(() -> sealStep.set(step));
            }

            @Override
            public void problem(Message message) {
                Platform.runLater(() -> {
                    rawProblem = message;
                    problem.set(message == null ? "" : message.in(i18n.locale()));
                });
            }
        });
        showPhase(flow.phase());
        link(new LinkStateEvent(link.state(), null, null, java.time.Instant.now()));
        i18n.localeProperty().addListener((o, was, now) -> {
            showPhase(phaseValue.get());
            link(lastLink.get());
            problem.set(rawProblem == null ? "" : rawProblem.in(now));
            refreshProgress();
            refreshLatency();
        });
        try {
            // Slots already signed (a resumed session): from the journal the flow keeps.
            for (String slot : flow.signedSlots()) {
                signedSlots.put(slot, Boolean.TRUE);
            }
        } catch (java.io.IOException e) {
            problem.set(CoreText.describe(i18n, e));
        }
        refreshProgress();
    }

    private void link(LinkStateEvent event) {
        if (event == null) {
            return;
        }
        lastLink.set(event);
        connected.set(event.state() == LinkState.CONNECTED);
        linkState.set(i18n.text(hungUp.get() ? "session.call.ended" : "session.link." + event.state().name()));
        if (event.state() == LinkState.CONNECTED && event.reason() != null) {
            terminalName.set(event.peerName() != null ? event.peerName() : event.reason().in(i18n.locale()));
        }
    }

    private void showPhase(WorkstationFlow.Phase p) {
        phaseValue.set(p);
        phase.set(i18n.text("session.phase." + p.name()));
        if (p == WorkstationFlow.Phase.SEALED) {
            sealStep.set("DONE");
        }
    }

    /** The recorder's text: lines starting 问：/答： (or Q:/A:) begin a question or answer; others continue it. */
    public static List<QaEntry> parse(String text) {
        List<QaEntry> out = new ArrayList<>();
        StringBuilder q = null;
        StringBuilder a = null;
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("问：") || l.startsWith("问:") || l.startsWith("Q:")) {
                if (q != null) {
                    out.add(new QaEntry(q.toString(), a == null ? "" : a.toString()));
                }
                q = new StringBuilder(l.substring(2).strip());
                a = null;
            } else if ((l.startsWith("答：") || l.startsWith("答:") || l.startsWith("A:")) && q != null) {
                a = new StringBuilder(l.substring(2).strip());
            } else if (!l.isEmpty() && q != null) {
                (a != null ? a : q).append(l);
            }
        }
        if (q != null) {
            out.add(new QaEntry(q.toString(), a == null ? "" : a.toString()));
        }
        return out;
    }

    /** The editor text of a Q&A list, as {@link #parse} reads it back. */
    public static String format(List<QaEntry> qa) {
        StringBuilder out = new StringBuilder();
        for (QaEntry e : qa) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("问：").append(e.q()).append("\n答：").append(e.a());
        }
        return out.toString();
    }

    /** The text typed before the program was closed (the session's saved draft or frozen record), if any. */
    public java.util.Optional<String> typedText() {
        try {
            return flow.typedRecord().map(d -> format(d.qa()));
        } catch (java.io.IOException e) {
            problem.set(CoreText.describe(i18n, e));
            return java.util.Optional.empty();
        }
    }

    /** The editor changed: push the record to the terminal (rendered by the flow), following the caret's entry. */
    public void edited(String text, int caret, long keystrokeNanos) {
        if (flow.phase() != WorkstationFlow.Phase.LIVE || hungUp.get()) {
            return;
        }
        int[] at = caretEntry(text, caret);
        flow.edit(data(text), at[0], at[1] == 1, keystrokeNanos);
    }

    /**
     * The entry the caret is in, as {entry, 1 if in its answer}, counted as {@link #parse} counts entries; {-1, 0}
     * before the first question.
     */
    public static int[] caretEntry(String text, int caret) {
        int entry = -1;
        boolean answer = false;
        for (String line : text.substring(0, Math.max(0, Math.min(caret, text.length()))).split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("问：") || l.startsWith("问:") || l.startsWith("Q:")) {
                entry++;
                answer = false;
            } else if ((l.startsWith("答：") || l.startsWith("答:") || l.startsWith("A:")) && entry >= 0) {
                answer = true;
            }
        }
        return new int[] {entry, entry >= 0 && answer ? 1 : 0};
    }

    public DocumentData data(String text) {
        return base.withQa(parse(text));
    }

    /** What freezing would fix, as the confirmation shows it (one line each; off the FX thread: it renders). */
    public String freezeSummary(WorkstationFlow.FreezePreview p) {
        StringBuilder out = new StringBuilder(i18n.text("session.freeze.pages", p.pages()));
        out.append('\n').append(i18n.text("session.freeze.terminalSigners"));
        appendSigners(out, p.terminal());
        out.append('\n').append(i18n.text("session.freeze.workstationSigners"));
        appendSigners(out, p.workstation());
        out.append('\n').append(p.reviewMethod() == null ? i18n.text("session.freeze.method.choice")
                : i18n.text("session.freeze.method.fixed", reviewMethod(p.reviewMethod())));
        out.append("\n\n").append(i18n.text("session.freeze.consequence"));
        return out.toString();
    }

    private String reviewMethod(String value) {
        return switch (value) {
            case "READ", "READ_ALOUD" -> i18n.text("session.review." + value);
            default -> value;
        };
    }

    private void appendSigners(StringBuilder out, List<PlannedSlot> slots) {
        if (slots.isEmpty()) {
            out.append('\n').append("  ").append(i18n.text("session.freeze.nobody"));
            return;
        }
        Map<SignerIdentity, Map<SlotKind, Integer>> bySigner = new LinkedHashMap<>();
        for (PlannedSlot s : slots) {
            bySigner.computeIfAbsent(s.signer(), k -> new LinkedHashMap<>()).merge(s.kind(), 1, Integer::sum);
        }
        bySigner.forEach((signer, kinds) -> {
            List<String> parts = new ArrayList<>();
            kinds.forEach((kind, n) -> parts.add(i18n.text("session.freeze.slots", i18n.text("session.kind." + kind.name()),
                    n)));
            out.append('\n').append("  ").append(i18n.text("session.signer", signer.name(),
                    i18n.text("signerRole." + signer.role().name()))).append(": ").append(String.join(
                            i18n.text("list.separator"), parts));
        });
    }

    /** Updates the diagnostics and the recording indicator (called on a timer). */
    public void refreshLatency() {
        var dir = flow.recording().directory();
        if (hungUp.get() && flow.phase() != WorkstationFlow.Phase.SEALED) {
            recording.set(i18n.text("session.recording.stopped"));
        } else if (dir == null) {
            recording.set(i18n.text("session.recording.pending"));
        } else if (flow.phase() == WorkstationFlow.Phase.SEALED) {
            recording.set(i18n.text("session.recording.sealed"));
        } else {
            recording.set(i18n.text("session.recording.on"));
        }
        if (frames != null) {
            long now = System.nanoTime();
            long painted = frames.painted();
            if (framesAt != 0 && now > framesAt) {
                fps = (painted - framesBefore) / ((now - framesAt) / 1e9);
            }
            framesAt = now;
            framesBefore = painted;
        }
        var l = flow.live().latency();
        String latency = l.count() > 0 ? i18n.text("session.latency", String.format("%.0f", l.percentile(50)),
                String.format("%.0f", l.percentile(95)), l.count()) : i18n.text("session.latency.none");
        String video = Double.isNaN(fps) ? i18n.text("session.fps.none")
                : i18n.text("session.fps", String.format("%.0f", fps));
        diagnostics.set(latency + "\n" + video);
    }

    /** The video pane whose frames the diagnostics count. */
    public void countFrames(FramesCounter counter) {
        this.frames = counter;
    }

    private void refreshProgress() {
        WorkstationState st = flow.state();
        Map<SignerIdentity, List<PlannedSlot>> bySigner = new LinkedHashMap<>();
        Map<SignerIdentity, Boolean> atTerminal = new HashMap<>();
        for (PlannedSlot s : st.terminalSlots()) {
            bySigner.computeIfAbsent(s.signer(), k -> new ArrayList<>()).add(s);
            atTerminal.put(s.signer(), true);
        }
        for (PlannedSlot s : st.localSlots()) {
            bySigner.computeIfAbsent(s.signer(), k -> new ArrayList<>()).add(s);
            atTerminal.putIfAbsent(s.signer(), false);
        }
        List<SignerProgress> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        bySigner.forEach((signer, slots) -> {
            int signed = 0;
            PlannedSlot next = null;
            for (PlannedSlot s : slots) {
                if (signedSlots.containsKey(s.slotId())) {
                    signed++;
                } else if (next == null) {
                    next = s;
                }
            }
            SignerProgress p = new SignerProgress(signer, atTerminal.get(signer), signed, slots.size(), next);
            rows.add(p);
            texts.add(describe(p));
        });
        signers.setAll(rows);
        progress.setAll(texts);
    }

    /** One signer's line: who, where, how far, what is next. */
    public String describe(SignerProgress p) {
        String who = i18n.text("session.signer", p.signer().name(), i18n.text("signerRole." + p.signer().role().name()));
        String side = i18n.text(p.atTerminal() ? "session.side.terminal" : "session.side.workstation");
        String state = p.done() ? i18n.text("session.progress.done", p.total())
                : i18n.text("session.progress.next", p.signed(), p.total(), p.next().pageIndex() + 1,
                        i18n.text("session.kind." + p.next().kind().name()));
        return i18n.text("session.progress.row", who, side, state);
    }

    public WorkstationFlow flow() {
        return flow;
    }

    public DocumentData base() {
        return base;
    }

    public ReadOnlyStringProperty linkStateProperty() {
        return linkState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty terminalNameProperty() {
        return terminalName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The phase as a value (what the screen enables follows it). */
    public ReadOnlyObjectProperty<WorkstationFlow.Phase> phaseValueProperty() {
        return phaseValue.getReadOnlyProperty();
    }

    /** The sealing step under way ({@link WorkstationFlow#SEAL_STEPS}), "DONE" once sealed, "" before. */
    public ReadOnlyStringProperty sealStepProperty() {
        return sealStep.getReadOnlyProperty();
    }

    /** Latency of the live record and the video frame rate: for the diagnostics panel, not the main screen. */
    public ReadOnlyStringProperty diagnosticsProperty() {
        return diagnostics.getReadOnlyProperty();
    }

    /** Kept for callers of the former name: the diagnostics text. */
    public ReadOnlyStringProperty latencyProperty() {
        return diagnosticsProperty();
    }

    public ReadOnlyStringProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** True while a workstation-side signer did not sign and the signing waits to be taken up again. */
    public BooleanProperty localSigningWaitingProperty() {
        return localSigningWaiting;
    }

    /** 继续工作站签名: the next open workstation slot's signing window again. */
    public void retryLocalSigning() {
        problem.set("");
        rawProblem = null;
        flow.retryLocalSigning();
    }

    public BooleanProperty connectedProperty() {
        return connected;
    }

    /** True once the officer hung up: the call and the recording are closed. */
    public ReadOnlyBooleanProperty hungUpProperty() {
        return hungUp.getReadOnlyProperty();
    }

    /** Notes that the call was ended here (the view closes the session). */
    public void hungUp() {
        hungUp.set(true);
        connected.set(false);
        linkState.set(i18n.text("session.call.ended"));
        refreshLatency();
    }

    /** The record can still be typed: live, not hung up. */
    public BooleanBinding editableBinding() {
        return Bindings.createBooleanBinding(() -> phaseValue.get() == WorkstationFlow.Phase.LIVE && !hungUp.get(),
                phaseValue, hungUp);
    }

    /** Freezing is possible: live, connected to the terminal, not hung up. */
    public BooleanBinding canFreezeBinding() {
        return Bindings.createBooleanBinding(() -> phaseValue.get() == WorkstationFlow.Phase.LIVE && connected.get()
                && !hungUp.get(), phaseValue, connected, hungUp);
    }

    /** Per signer: how far they are. */
    public ObservableList<SignerProgress> signers() {
        return signers;
    }

    /** The same, one line per signer (tests, screen readers). */
    public ObservableList<String> progress() {
        return progress;
    }
}
