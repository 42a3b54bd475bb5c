// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.archive.ArchiveView;
import org.tixun.app.ui.archive.ArchiveViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;

@ExtendWith(ApplicationExtension.class)
class ArchiveViewTest {
    @TempDir
    Path dir;
    private CoreServices core;

    @Start
    void start(Stage stage) {
        core = TestApp.core(dir);
        DemoData.ensure(core, TestApp.FAST);
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        stage.setScene(new Scene(new ArchiveView(ctx, new ArchiveViewModel(ctx)), 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void listsAndFiltersRecords(FxRobot robot) {
        TableView<?> table = robot.lookup("#archiveTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(robot.lookup("#archiveSummary").queryAs(Label.class).getText()).isEqualTo("共 2 份 · 第 1 / 1 页");
        robot.interact(() -> robot.lookup("#archiveSearch").queryAs(TextField.class).setText("权利义务"));
        robot.clickOn("#archiveSearchButton");
        assertThat(table.getItems()).hasSize(1);
        robot.interact(() -> robot.lookup("#archiveSearch").queryAs(TextField.class).setText("不存在的案件"));
        robot.clickOn("#archiveSearchButton");
        assertThat(table.getItems()).isEmpty();
    }
}
