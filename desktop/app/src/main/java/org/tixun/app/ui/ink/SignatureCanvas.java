// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.ink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.tixun.signpad.PenSampleListener;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;
import org.tixun.signpad.model.Transport;

/**
 * A signing surface: draws live ink from any pad ({@link #accept}, callable from the pad's reader
 * thread) and turns mouse/touch input into the same {@link PenSample} stream for touch-screen
 * terminals. Samples are kept exactly as received; smoothing happens only when drawing.
 */
public class SignatureCanvas extends Control {
    public static final String DEFAULT_STYLE_CLASS = "signature-canvas";
    /** Coordinate space of pointer input: a virtual pad of this size at 10 units per pixel. */
    public static final PadInfo POINTER_PAD = new PadInfo("Touch screen / mouse", Transport.SIMULATED, "screen",
            10_000, 6_000, 1023, false, false, 0, 120, 0, 0, false);

    private final ObjectProperty<PadInfo> padInfo = new SimpleObjectProperty<>(this, "padInfo", POINTER_PAD);
    final ConcurrentLinkedQueue<PenSample> pending = new ConcurrentLinkedQueue<>();
    final List<PenSample> drawn = new ArrayList<>();
    private final List<PenSampleListener> listeners = new CopyOnWriteArrayList<>();
    private final InkLatency latency = new InkLatency();
    private long pointerSequence;

    public SignatureCanvas() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        setFocusTraversable(false);
        setMinSize(200, 120);
        setPrefSize(640, 384);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SignatureCanvasSkin(this);
    }

    /** Queues a sample for drawing; safe from any thread; drawn at the next frame. */
    public void accept(PenSample sample) {
        pending.add(sample);
    }

    /** Listeners receive the samples made from pointer input (on the FX thread). */
    public void addPenSampleListener(PenSampleListener listener) {
        listeners.add(listener);
    }

    public void removePenSampleListener(PenSampleListener listener) {
        listeners.remove(listener);
    }

    /** Turns a pointer event at view coordinates into a pen sample, draws it and tells the listeners. */
    void pointer(double viewX, double viewY, boolean contact, double width, double height) {
        PadInfo pad = POINTER_PAD;
        int x = (int) Math.round(Math.max(0, Math.min(width, viewX)) / Math.max(1, width) * pad.maxX());
        int y = (int) Math.round(Math.max(0, Math.min(height, viewY)) / Math.max(1, height) * pad.maxY());
        long now = System.nanoTime();
        PenSample s = new PenSample(pointerSequence++, x, y, contact ? pad.maxPressure() * 6 / 10 : 0, 0, 0,
                contact ? PenState.CONTACT : PenState.HOVER, 0, now, now, PenSample.NO_DEVICE_TIME);
        if (getPadInfo() != POINTER_PAD) {
            setPadInfo(POINTER_PAD);
        }
        accept(s);
        for (PenSampleListener l : listeners) {
            l.onSample(s);
        }
    }

    /** Removes all ink (a new signature). */
    public void clear() {
        pending.clear();
        drawn.clear();
        if (getSkin() instanceof SignatureCanvasSkin skin) {
            skin.redraw();
        }
    }

    /** Every sample drawn so far, unaltered, in arrival order (FX thread). */
    public List<PenSample> samples() {
        return List.copyOf(drawn);
    }

    /** Sample-arrival to ink-on-canvas latencies measured so far. */
    public InkLatency latency() {
        return latency;
    }

    public ObjectProperty<PadInfo> padInfoProperty() {
        return padInfo;
    }

    public PadInfo getPadInfo() {
        return padInfo.get();
    }

    public void setPadInfo(PadInfo info) {
        padInfo.set(info);
    }
}
