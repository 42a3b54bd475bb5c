// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;
import org.tixun.signpad.model.Transport;

@ExtendWith(ApplicationExtension.class)
class SignatureCanvasTest {
    private static final PadInfo PAD = new PadInfo("test pad", Transport.SERIAL, "pty", 1000, 600, 1023, true, false,
            100, 200, 0, 0, false);
    private SignatureCanvas canvas;

    @Start
    void start(Stage stage) {
        canvas = new SignatureCanvas();
        canvas.setPadInfo(PAD);
        stage.setScene(new Scene(new StackPane(canvas), 600, 360));
        stage.show();
    }

    private static PenSample sample(long seq, int x, int y, int pressure, boolean contact) {
        long now = System.nanoTime();
        return new PenSample(seq, x, y, pressure, 0, 0, contact ? PenState.CONTACT : PenState.HOVER, 0, now, now,
                PenSample.NO_DEVICE_TIME);
    }

    private static int inkPixels(SignatureCanvas c) {
        WritableImage img = c.snapshot(null, null);
        int dark = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                var color = img.getPixelReader().getColor(x, y);
                if (color.getBlue() > color.getRed() + 0.2 && color.getRed() < 0.3) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void drawsSamplesFromAnotherThreadAndKeepsThemUnaltered(FxRobot robot) throws Exception {
        List<PenSample> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(sample(i, 100 + i * 4, 300 + (int) (80 * Math.sin(i / 10.0)), 200 + i * 3, i % 50 != 49));
        }
        Thread feeder = new Thread(() -> sent.forEach(canvas::accept));
        feeder.start();
        feeder.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> canvas.samples().size() == sent.size());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.samples()).containsExactlyElementsOf(sent);
        int[] ink = new int[1];
        robot.interact(() -> ink[0] = inkPixels(canvas));
        assertThat(ink[0]).as("ink pixels on the canvas").isGreaterThan(300);
        assertThat(canvas.latency().count()).isEqualTo(sent.size());
        robot.interact(canvas::clear);
        robot.interact(() -> ink[0] = inkPixels(canvas));
        assertThat(ink[0]).isZero();
        assertThat(canvas.samples()).isEmpty();
    }

    @Test
    void higherPressureDrawsWiderInk(FxRobot robot) throws Exception {
        int[] light = new int[1];
        int[] heavy = new int[1];
        for (int round = 0; round < 2; round++) {
            int pressure = round == 0 ? 40 : 1000;
            robot.interact(canvas::clear);
            for (int i = 0; i < 60; i++) {
                canvas.accept(sample(i, 100 + i * 12, 300, pressure, true));
            }
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> canvas.samples().size() == 60);
            int[] target = round == 0 ? light : heavy;
            robot.interact(() -> target[0] = inkPixels(canvas));
        }
        assertThat(heavy[0]).isGreaterThan(light[0] * 2);
    }

    @Test
    void mouseInputBecomesPenSamplesForListeners(FxRobot robot) {
        List<PenSample> heard = new CopyOnWriteArrayList<>();
        canvas.addPenSampleListener(heard::add);
        robot.moveTo(canvas).moveBy(-100, 0).press(MouseButton.PRIMARY).moveBy(60, 20).moveBy(60, -20)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).hasSizeGreaterThanOrEqualTo(3);
        assertThat(heard.get(0).state()).isEqualTo(PenState.CONTACT);
        assertThat(heard.get(heard.size() - 1).state()).isEqualTo(PenState.HOVER);
        assertThat(heard).extracting(PenSample::sequence).isSorted();
        assertThat(canvas.getPadInfo()).isSameAs(SignatureCanvas.POINTER_PAD);
    }
}
