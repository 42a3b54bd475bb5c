// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.ink;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;

/**
 * Draws the ink: once per frame it takes the queued samples and strokes each new segment with a
 * width from pressure, through midpoints (display smoothing only; the samples are untouched).
 */
public final class SignatureCanvasSkin extends SkinBase<SignatureCanvas> {
    private static final double MIN_WIDTH = 1.2;
    private static final double MAX_WIDTH = 4.2;
    private static final Color INK = Color.rgb(18, 32, 96);

    private final Canvas canvas = new Canvas();
    private final AnimationTimer timer;

    public SignatureCanvasSkin(SignatureCanvas control) {
        super(control);
        canvas.getStyleClass().add("signature-canvas-surface");
        getChildren().add(canvas);
        canvas.widthProperty().addListener((o, a, b) -> redraw());
        canvas.heightProperty().addListener((o, a, b) -> redraw());
        control.padInfoProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> control.pointer(e.getX(), e.getY(), true,
                canvas.getWidth(), canvas.getHeight()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> control.pointer(e.getX(), e.getY(), true,
                canvas.getWidth(), canvas.getHeight()));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> control.pointer(e.getX(), e.getY(), false,
                canvas.getWidth(), canvas.getHeight()));
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drainAndDraw();
            }
        };
        timer.start();
        redraw();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.relocate(x, y);
        canvas.setWidth(w);
        canvas.setHeight(h);
    }

    @Override
    public void dispose() {
        timer.stop();
        super.dispose();
    }

    /** Takes the samples that arrived since the last frame and draws them. */
    void drainAndDraw() {
        SignatureCanvas c = getSkinnable();
        PenSample s;
        GraphicsContext g = canvas.getGraphicsContext2D();
        while ((s = c.pending.poll()) != null) {
            int n = c.drawn.size();
            c.drawn.add(s);
            drawSegmentEndingAt(g, n);
            long arrival = s.arrivalNanos() != 0 ? s.arrivalNanos() : s.hostNanos();
            // Measured when the stroke is issued to the canvas; the same pulse puts it on screen.
            c.latency().record(System.nanoTime() - arrival);
        }
    }

    /** Clears and draws every sample again (resize, new pad, clear). */
    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(Color.rgb(200, 206, 220));
        g.setLineWidth(1);
        double baseline = canvas.getHeight() * 0.78;
        g.strokeLine(canvas.getWidth() * 0.06, baseline, canvas.getWidth() * 0.94, baseline);
        for (int i = 0; i < getSkinnable().drawn.size(); i++) {
            drawSegmentEndingAt(g, i);
        }
    }

    private void drawSegmentEndingAt(GraphicsContext g, int i) {
        var samples = getSkinnable().drawn;
        PenSample cur = samples.get(i);
        if (i == 0 || !cur.isContact()) {
            return;
        }
        PenSample prev = samples.get(i - 1);
        PadInfo pad = getSkinnable().getPadInfo();
        double sx = canvas.getWidth() / Math.max(1, pad.maxX());
        double sy = canvas.getHeight() / Math.max(1, pad.maxY());
        double scale = Math.min(sx, sy);
        double ox = (canvas.getWidth() - pad.maxX() * scale) / 2;
        double oy = (canvas.getHeight() - pad.maxY() * scale) / 2;
        double x1 = ox + cur.x() * scale;
        double y1 = oy + cur.y() * scale;
        double x0 = ox + prev.x() * scale;
        double y0 = oy + prev.y() * scale;
        g.setStroke(INK);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineWidth(width(cur, pad));
        if (prev.isContact() && i >= 2 && samples.get(i - 2).isContact()) {
            // Quadratic through the previous point, from the midpoint before it to the midpoint after it.
            PenSample pp = samples.get(i - 2);
            double mx0 = (ox + pp.x() * scale + x0) / 2;
            double my0 = (oy + pp.y() * scale + y0) / 2;
            g.beginPath();
            g.moveTo(mx0, my0);
            g.quadraticCurveTo(x0, y0, (x0 + x1) / 2, (y0 + y1) / 2);
            g.stroke();
        } else if (prev.isContact()) {
            g.strokeLine(x0, y0, (x0 + x1) / 2, (y0 + y1) / 2);
        } else {
            g.strokeLine(x1, y1, x1, y1);
        }
    }

    /** Pressure-dependent width; pads without pressure draw a medium line. */
    static double width(PenSample s, PadInfo pad) {
        double p = pad.hasPressure() && pad.maxPressure() > 0 ? (double) s.pressure() / pad.maxPressure() : 0.55;
        return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.pow(Math.max(0, Math.min(1, p)), 0.7);
    }
}
