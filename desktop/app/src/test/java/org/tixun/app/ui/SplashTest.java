// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.shell.Splash;

@ExtendWith(ApplicationExtension.class)
class SplashTest {
    @Test
    void saysWhatItDoesAndHowFarFromAnyThread(FxRobot robot) throws Exception {
        Splash splash = WaitForAsyncUtils.asyncFx(() -> Splash.show(new I18n(I18n.ENGLISH))).get(30, TimeUnit.SECONDS);
        assertThat(splash.stage().isShowing()).isTrue();
        Thread worker = new Thread(() -> splash.step(0.45, "splash.templates"));
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        Label status = (Label) splash.stage().getScene().lookup("#splashStatus");
        ProgressBar progress = (ProgressBar) splash.stage().getScene().lookup("#splashProgress");
        assertThat(status.getText()).isEqualTo("Reading the document templates…");
        assertThat(progress.getProgress()).isEqualTo(0.45);
        robot.interact(splash::close);
        assertThat(splash.stage().isShowing()).isFalse();
    }
}
