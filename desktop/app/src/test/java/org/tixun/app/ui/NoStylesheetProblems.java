// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class of the app (registered for all of them through {@code META-INF/services} and
 * {@code junit-platform.properties}) fails when JavaFX reported a stylesheet problem while it ran: a scene built
 * without the app's theme, an unresolved looked-up colour, a value that cannot be converted. The app logs the same
 * problems at run time ({@link CssErrors}); here they cannot pass unnoticed in the test output.
 */
public final class NoStylesheetProblems implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        CssErrors.install();
        CssErrors.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        settleFxThread();
        List<String> seen = List.copyOf(CssErrors.seen());
        CssErrors.clear();
        if (!seen.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + ": JavaFX reported " + seen.size()
                    + " stylesheet problem(s); style the test's scenes as the app does (new Theme().apply() before the "
                    + "first scene, Theme.style(scene)). First: " + seen.get(0));
        }
    }

    /** Lets the FX thread finish the pulse in progress (styling happens there), if the toolkit runs at all. */
    private static void settleFxThread() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            javafx.application.Platform.runLater(() -> done.complete(null));
        } catch (IllegalStateException notStarted) {
            return; // no JavaFX in this test class: nothing was styled
        }
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException exited) {
            // the toolkit was shut down (runLater is then ignored): no pulse left to finish
        }
    }
}
