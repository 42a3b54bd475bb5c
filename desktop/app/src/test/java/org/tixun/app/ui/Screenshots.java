// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves a window's picture from a UI test when {@code -Dtixun.screenshots=DIR} is given (docs/screenshots are taken
 * this way: {@code ./mvnw -pl desktop/app -am test -Dtest=RemoteSessionStartTest -Dtixun.screenshots=$PWD/docs/screenshots
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.skip=true}); otherwise does nothing.
 */
public final class Screenshots {
    private Screenshots() {}

    /** Writes {@code DIR/name.png} of the scene as it is painted now. */
    public static void save(Scene scene, String name) throws Exception {
        String dir = System.getProperty("tixun.screenshots", "");
        if (dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage img = WaitForAsyncUtils.asyncFx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null))
                .get(30, TimeUnit.SECONDS);
        Path out = Path.of(dir).resolve(name + ".png");
        Files.createDirectories(out.getParent());
        if (!ImageIO.write(img, "png", out.toFile())) {
            throw new IOException("no PNG writer for " + out);
        }
    }
}
