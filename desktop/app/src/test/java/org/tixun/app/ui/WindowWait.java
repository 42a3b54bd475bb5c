// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for a window the code under test opens from another thread until it is showing <em>and laid out</em>.
 * {@code isShowing()} turns true at the start of {@code show()}, before the scene is sized, so a test thread that
 * polls it alone can look a node up while its scene still measures 0 × 0 — TestFX then reports that the query
 * "returned 1 nodes, but no nodes were visible". The check runs on the FX thread, where show() is atomic.
 */
final class WindowWait {
    private WindowWait() {
    }

    /**
     * Waits until {@code window} supplies a showing stage whose scene has a size and whose {@code nodeId} node (when
     * present in it) has been laid out with a width; then lets pending FX events run.
     */
    static void laidOut(Supplier<Stage> window, String nodeId) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                Stage s = window.get();
                if (s == null || !s.isShowing() || s.getScene() == null || s.getScene().getWidth() <= 0
                        || s.getScene().getHeight() <= 0) {
                    return false;
                }
                Node node = s.getScene().lookup(nodeId);
                return node == null || node.getLayoutBounds().getWidth() > 0;
            }).get(10, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError("no window opened and laid out within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
