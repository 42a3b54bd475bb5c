// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which progress frame the launcher's splash shows for a step. */
class LauncherSplashTest {
    @TempDir
    Path dir;

    @Test
    void aStepShowsTheFrameOfItsPercentageBesideThePictureWhenTheLauncherShipsIt() throws Exception {
        Path picture = Files.write(dir.resolve("splash.png"), new byte[] {1});
        Path frame45 = Files.write(dir.resolve("splash-45.png"), new byte[] {1});
        URL url = picture.toUri().toURL();
        assertThat(LauncherSplash.frame(url, 0.45)).contains(frame45.toUri().toURL());
        assertThat(LauncherSplash.frame(url, 0.2)).isEmpty();
        assertThat(LauncherSplash.frame(new URL("jar:" + url + "!/splash.png"), 0.45)).isEmpty();
        assertThat(LauncherSplash.frame(null, 0.45)).isEmpty();
    }

    @Test
    void withoutALauncherSplashThereIsNone() {
        // Tests start no JVM splash (-splash:); the app then shows its JavaFX splash instead.
        assertThat(LauncherSplash.find()).isEmpty();
    }

    @Test
    void tellsWhetherTheLauncherAskedForASplashPicture() {
        String was = System.getProperty(LauncherSplash.REQUESTED_PROPERTY);
        try {
            System.setProperty(LauncherSplash.REQUESTED_PROPERTY, "/opt/tixun/lib/app/splash.png");
            assertThat(LauncherSplash.requested()).contains("/opt/tixun/lib/app/splash.png");
            System.clearProperty(LauncherSplash.REQUESTED_PROPERTY);
            assertThat(LauncherSplash.requested()).isEmpty();
        } finally {
            if (was != null) {
                System.setProperty(LauncherSplash.REQUESTED_PROPERTY, was);
            }
        }
    }
}
