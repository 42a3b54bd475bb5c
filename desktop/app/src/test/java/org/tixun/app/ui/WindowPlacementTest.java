// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.ui.shell.WindowPlacement;

@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    @TempDir
    Path dir;

    @Test
    void opensAtTheDefaultWithAMinimumAndRemembersTheUsersSize(FxRobot robot) throws Exception {
        Path file = dir.resolve("windows.properties");
        WindowPlacement first = new WindowPlacement(file);
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane()));
            first.apply(s, WindowPlacement.Kind.LOGIN);
            s.show();
            return s;
        }).get();
        assertThat(stage.getWidth()).isEqualTo(960);
        assertThat(stage.getMinWidth()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(stage.getMinHeight()).isEqualTo(WindowPlacement.MIN_HEIGHT);
        robot.interact(() -> {
            stage.setWidth(1111);
            stage.setHeight(777);
            stage.close();
        });
        WindowPlacement again = new WindowPlacement(file);
        assertThat(again.size(WindowPlacement.Kind.LOGIN)).containsExactly(1111, 777);
        assertThat(again.size(WindowPlacement.Kind.ARCHIVE)).containsExactly(1440, 900);
    }

    @Test
    void aRememberedSizeBelowTheMinimumOrBeyondTheScreenIsClamped(FxRobot robot) throws Exception {
        Path file = dir.resolve("windows.properties");
        java.nio.file.Files.writeString(file, "archive.width=300\narchive.height=99999\narchive.x=-5000\narchive.y=0\n");
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane()));
            new WindowPlacement(file).apply(s, WindowPlacement.Kind.ARCHIVE);
            s.show();
            return s;
        }).get();
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(stage.getWidth()).isEqualTo(1024);
        assertThat(stage.getHeight()).isLessThanOrEqualTo(screen.getHeight());
        assertThat(stage.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        robot.interact(stage::close);
    }
}
