// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.Forms;
import org.tixun.core.evidence.ReplayedEvent;
import org.tixun.core.evidence.ReplayedSigner;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.ink.InkLayout;
import org.tixun.core.evidence.ink.InkSegment;

/**
 * Replays one signer's strokes as they were written: real speed or faster, pressure as width, a
 * timeline to scrub. It draws the same {@link InkLayout} the sealed PDF appearance was drawn from.
 */
public final class ReplayView extends VBox {
    private static final Color INK = Color.rgb(13, 20, 89);
    private final Canvas canvas = new Canvas(560, 200);
    private final Slider timeline = new Slider(0, 1, 0);
    private final Label clock = new Label();
    private InkLayout layout;
    private double speed = 1;
    private long playStartNanos;
    private double playStartMillis;
    private final AnimationTimer player;

    public ReplayView(I18n i18n, ReplayedSigner signer) {
        Label title = new Label(i18n.text("session.signer", signer.name(), i18n.text("signerRole." + signer.role().name())));
        title.getStyleClass().add("section-title");
        List<ReplayedEvent> events = signer.events().stream().filter(e -> e.kind() != SlotKind.FINGERPRINT).toList();
        ComboBox<ReplayedEvent> event = new ComboBox<>(FXCollections.observableArrayList(events));
        event.setId("replayEvent");
        event.setConverter(Forms.converter(e -> i18n.text("replay.event", e.page(),
                i18n.text("session.kind." + e.kind().name()), e.samples().size())));
        event.valueProperty().addListener((o, a, b) -> load(b));
        Button play = new Button();
        play.setId("replayPlay");
        play.textProperty().bind(i18n.bind("replay.play"));
        ComboBox<Double> speeds = new ComboBox<>(FXCollections.observableArrayList(1.0, 2.0, 4.0, 8.0));
        speeds.setId("replaySpeed");
        speeds.setValue(1.0);
        speeds.setConverter(Forms.converter(v -> String.format(Locale.ROOT, "%.0f×", v)));
        speeds.valueProperty().addListener((o, a, b) -> speed = b);
        timeline.setId("replayTimeline");
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.valueProperty().addListener((o, a, b) -> draw(b.doubleValue()));
        player = new AnimationTimer() {
            @Override
            public void handle(long now) {
                double t = playStartMillis + (now - playStartNanos) / 1e6 * speed;
                if (t >= timeline.getMax()) {
                    t = timeline.getMax();
                    stop();
                }
                timeline.setValue(t);
            }
        };
        play.setOnAction(e -> {
            playStartNanos = System.nanoTime();
            playStartMillis = timeline.getValue() >= timeline.getMax() ? 0 : timeline.getValue();
            player.start();
        });
        timeline.setOnMousePressed(e -> player.stop());
        HBox controls = new HBox(8, play, speeds, timeline, clock);
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, event, canvas, controls);
        setSpacing(10);
        setPadding(new Insets(16));
        if (!events.isEmpty()) {
            event.setValue(events.get(0));
        }
    }

    private void load(ReplayedEvent e) {
        player.stop();
        if (e == null) {
            return;
        }
        layout = e.layout();
        long duration = Math.max(1, layout.durationMillis());
        timeline.setMax(duration);
        timeline.setValue(duration);
        draw(duration);
    }

    /** Draws the ink written up to {@code tMillis} (from the first sample). */
    void draw(double tMillis) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (layout == null) {
            return;
        }
        double scale = Math.min(canvas.getWidth() / layout.boxWidth(), canvas.getHeight() / layout.boxHeight());
        double ox = (canvas.getWidth() - layout.boxWidth() * scale) / 2;
        double oy = (canvas.getHeight() - layout.boxHeight() * scale) / 2;
        g.setStroke(Color.rgb(210, 214, 224));
        g.strokeRect(ox, oy, layout.boxWidth() * scale, layout.boxHeight() * scale);
        g.setStroke(INK);
        g.setLineCap(StrokeLineCap.ROUND);
        for (InkSegment s : layout.segmentsUntil((long) tMillis)) {
            g.setLineWidth(Math.max(0.6, s.width() * scale));
            // Layout coordinates are pad-style (y down), as RasterInk draws them.
            g.strokeLine(ox + s.x1() * scale, oy + s.y1() * scale, ox + s.x2() * scale, oy + s.y2() * scale);
        }
        clock.setText(String.format(Locale.ROOT, "%.1f / %.1f s", tMillis / 1000.0, timeline.getMax() / 1000.0));
    }

    /** The layout being replayed (tests compare it with the sealed ink). */
    public InkLayout inkLayout() {
        return layout;
    }

    /** Stops the animation when the view closes. */
    public void dispose() {
        player.stop();
    }
}
