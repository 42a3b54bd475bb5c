// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.ink.SignatureCanvas;

/**
 * Pad self-test on the terminal: the demo's simulated pad replays a signature through the real
 * ISDV4 serial path and the ink appears live; the result line says what was received.
 */
public final class PadSelfTestView extends VBox {
    private static final Logger LOG = LoggerFactory.getLogger(PadSelfTestView.class);
    private final SignatureCanvas canvas = new SignatureCanvas();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private org.tixun.core.session.demo.DemoKit.PadReplay rig;
    private int run;

    public PadSelfTestView(AppContext ctx, Path workDir) {
        I18n i18n = ctx.i18n();
        canvas.setId("selfTestCanvas");
        canvas.setPrefSize(620, 300);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("selftest.title"));
        title.getStyleClass().add("section-title");
        Label status = new Label();
        status.setId("selfTestResult");
        status.textProperty().bind(result);
        status.setWrapText(true);
        Button start = new Button();
        start.setId("selfTestStart");
        start.textProperty().bind(i18n.bind("selftest.start"));
        start.setOnAction(e -> startRun(ctx, workDir));
        start.setMinWidth(USE_PREF_SIZE);
        HBox actions = new HBox(10, start, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, canvas, actions);
        setSpacing(10);
        setPadding(new Insets(16));
        getStyleClass().add(Styles.CARD);
        setMaxSize(680, USE_PREF_SIZE);
    }

    private void startRun(AppContext ctx, Path workDir) {
        stop();
        canvas.clear();
        int thisRun = run++;
        result.set(ctx.i18n().text("selftest.running"));
        java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        ctx.tasks().run(() -> {
            var r = org.tixun.core.session.demo.DemoKit.require().replayPad(workDir, thisRun, sample -> {
                received.incrementAndGet();
                canvas.accept(sample);
            });
            Platform.runLater(() -> canvas.setPadInfo(r.pad().info()));
            r.awaitFinished(java.time.Duration.ofSeconds(30));
            // Let the last packets cross the pty before counting.
            Thread.sleep(200);
            return r;
        }, r -> {
            rig = r;
            int samples = received.get();
            var counts = r.pad().decodeCounts();
            result.set(ctx.i18n().text("selftest.ok", r.pad().info().model(), samples, counts.packetsGarbled(),
                    counts.bytesDropped()));
            LOG.info("Pad self-test passed: {} samples from {}", samples, r.pad().info().describe());
            stop();
        }, e -> {
            LOG.warn("Pad self-test failed: {}", e.toString());
            result.set(ctx.i18n().text("selftest.failed", e.getMessage()));
        });
    }

    /** Closes the simulated pad and its pty. */
    public void stop() {
        if (rig != null) {
            rig.close();
            rig = null;
        }
    }
}
