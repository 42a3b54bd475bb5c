// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tixun.app.i18n.I18n;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.WorkstationLink;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.templates.DocumentData;
import org.tixun.templates.QaEntry;

/**
 * The workstation session screen's state: link state, phase, the Q&A text (parsed into entries and pushed to the
 * live record on every change), signing progress per slot, live-record latency. Flow and link events arrive on
 * their own threads and are moved to the FX thread here.
 */
public final class SessionViewModel {
    private final I18n i18n;
    private final WorkstationFlow flow;
    private final DocumentData base;
    private final ReadOnlyStringWrapper linkState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper terminalName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recording = new ReadOnlyStringWrapper("");
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final BooleanProperty localSigningWaiting = new SimpleBooleanProperty(false);
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final Map<String, String> status = new LinkedHashMap<>();

    public SessionViewModel(I18n i18n, WorkstationFlow flow, WorkstationLink link, DocumentData base) {
        this.i18n = i18n;
        this.flow = flow;
        this.base = base;
        link.addListener(new LinkListener() {
            @Override
            public void onStateChanged(LinkStateEvent event) {
                Platform.runLater(() -> {
                    connected.set(event.state() == LinkState.CONNECTED);
                    linkState.set(i18n.text("session.link." + event.state().name()));
                    if (event.state() == LinkState.CONNECTED) {
                        terminalName.set(event.detail());
                    }
                });
            }
        });
        flow.addListener(new FlowListener() {
            @Override
            public void phase(String p) {
                boolean waiting = flow.localSigningWaiting();
                Platform.runLater(() -> {
                    phase.set(i18n.text("session.phase." + p));
                    localSigningWaiting.set(waiting);
                    refreshProgress();
                });
            }

            @Override
            public void signed(PlannedSlot slot, SignatureEvent event) {
                Platform.runLater(() -> {
                    status.put(slot.slotId(), i18n.text(event.eventId().startsWith("ws-") ? "session.slot.signedHere"
                            : "session.slot.received", event.eventId()));
                    refreshProgress();
                });
            }

            @Override
            public void problem(String message) {
                Platform.runLater(() -> problem.set(message));
            }
        });
        phase.set(i18n.text("session.phase." + flow.phase().name()));
        linkState.set(i18n.text("session.link." + link.state().name()));
        refreshProgress();
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
            problem.set(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The editor changed: push the record to the terminal (rendered by the flow), following the caret's entry. */
    public void edited(String text, int caret, long keystrokeNanos) {
        if (flow.phase() != WorkstationFlow.Phase.LIVE) {
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

    /** Updates the latency figure and the recording indicator (called on a timer). */
    public void refreshLatency() {
        var dir = flow.recording().directory();
        if (dir == null) {
            recording.set(i18n.text("session.recording.pending"));
        } else if (flow.phase() == WorkstationFlow.Phase.SEALED) {
            recording.set(i18n.text("session.recording.sealed"));
        } else {
            recording.set(i18n.text("session.recording.on"));
        }
        var l = flow.live().latency();
        if (l.count() > 0) {
            latency.set(i18n.text("session.latency", String.format("%.0f", l.percentile(50)),
                    String.format("%.0f", l.percentile(95)), l.count()));
        }
    }

    private void refreshProgress() {
        WorkstationFlow.State st = flow.state();
        List<PlannedSlot> all = new ArrayList<>(st.terminalSlots);
        all.addAll(st.localSlots);
        List<String> rows = new ArrayList<>();
        for (PlannedSlot s : all) {
            String side = st.terminalSlots.contains(s) ? i18n.text("session.side.terminal")
                    : i18n.text("session.side.workstation");
            rows.add(i18n.text("session.slot.row", s.pageIndex() + 1, i18n.text("session.kind." + s.kind().name()),
                    s.signer().name(), side, status.getOrDefault(s.slotId(), i18n.text("session.slot.pending"))));
        }
        progress.setAll(rows);
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

    public ReadOnlyStringProperty latencyProperty() {
        return latency.getReadOnlyProperty();
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
        flow.retryLocalSigning();
    }

    public BooleanProperty connectedProperty() {
        return connected;
    }

    public ObservableList<String> progress() {
        return progress;
    }
}
