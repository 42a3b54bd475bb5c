// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
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
import org.tixun.app.ui.shell.TopBar;
import org.tixun.app.ui.workstation.WorkstationView;
import org.tixun.app.ui.workstation.WorkstationViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.core.cases.ChineseIdNumber;
import org.tixun.core.cases.Sex;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.users.Role;

@ExtendWith(ApplicationExtension.class)
class WorkstationViewTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        core = TestApp.core(dir);
        var user = core.users().add("t", "zhangwei", "张伟", Role.PROSECUTOR, "password-1".toCharArray());
        ctx = TestApp.context(core, I18n.CHINESE, false);
        ctx.currentUserProperty().set(user);
        BorderPane root = new BorderPane(new WorkstationView(ctx, new WorkstationViewModel(ctx)));
        root.setTop(new TopBar(ctx, ctx.i18n().bind("mode.WORKSTATION"), null));
        stage.setScene(new Scene(root, 1300, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private static String error(FxRobot robot, String field) {
        return robot.lookup("#error-" + field.replaceAll("[^A-Za-z0-9_-]", "-")).queryAs(Label.class).getText();
    }

    @Test
    void showsRuleMessagesNextToTheFields(FxRobot robot) {
        robot.clickOn("#saveCase");
        assertThat(error(robot, "caseNumber")).isEqualTo("请填写案件编号。");
        assertThat(error(robot, "suspect.name")).isEqualTo("请填写犯罪嫌疑人姓名。");
        assertThat(error(robot, "suspect.idNumber")).isEqualTo("请填写犯罪嫌疑人身份证号码。");
        // The default recorder row has no name yet: rule 1 "every participant identified".
        assertThat(error(robot, "participants")).contains("第 1 名记录人未填写姓名");
        assertThat(core.cases().search("", 10)).isEmpty();
    }

    @Test
    void juvenileSuspectNeedsAppropriateAdult(FxRobot robot) {
        fillValidCase(robot, LocalDate.now().minusYears(15), Sex.MALE);
        robot.clickOn("#saveCase");
        assertThat(error(robot, "participants")).contains("合适成年人");
        assertThat(core.cases().search("", 10)).isEmpty();
    }

    @Test
    void savesCaseAndStartsRecordFromTemplate(FxRobot robot) {
        fillValidCase(robot, LocalDate.of(1988, 6, 1), Sex.MALE);
        robot.clickOn("#saveCase");
        assertThat(core.cases().search("", 10)).hasSize(1);
        TableView<?> cases = robot.lookup("#caseTable").queryAs(TableView.class);
        assertThat(cases.getItems()).hasSize(1);
        @SuppressWarnings("unchecked")
        ComboBox<AppContext.TemplateChoice> templates = robot.lookup("#templateChoice").queryAs(ComboBox.class);
        assertThat(templates.getItems()).extracting(AppContext.TemplateChoice::kind)
                .contains("INTERROGATION_RECORD", "PLEA_AGREEMENT");
        robot.interact(() -> templates.getSelectionModel().select(templates.getItems().stream()
                .filter(t -> t.kind().equals("INTERROGATION_RECORD")).findFirst().orElseThrow()));
        robot.clickOn("#startRecord");
        @SuppressWarnings("unchecked")
        TableView<RecordSummary> records = robot.lookup("#recordTable").queryAs(TableView.class);
        assertThat(records.getItems()).extracting(RecordSummary::kind).containsExactly("INTERROGATION_RECORD");

        robot.interact(() -> templates.getSelectionModel().select(templates.getItems().stream()
                .filter(t -> t.kind().equals("PLEA_AGREEMENT")).findFirst().orElseThrow()));
        robot.clickOn("#startRecord");
        assertThat(error(robot, "participants")).contains("辩护人或值班律师");
        assertThat(records.getItems()).hasSize(1);
    }

    @Test
    void englishLabelsAfterSwitch(FxRobot robot) {
        robot.clickOn("#languageToggle");
        assertThat(robot.lookup("#saveCase").queryButton().getText()).isEqualTo("Save case");
        robot.clickOn("#saveCase");
        assertThat(error(robot, "caseNumber")).isEqualTo("Enter the case number.");
    }

    @Test
    void leavingACaseWithUnsavedEditsAsksFirst(FxRobot robot) {
        fillValidCase(robot, LocalDate.of(1988, 6, 1), Sex.MALE);
        robot.clickOn("#saveCase");
        robot.interact(() -> text(robot, "#causeOfAction", "诈骗"));
        TestApp.RecordingDialogs dialogs = (TestApp.RecordingDialogs) ctx.dialogs();
        dialogs.answer = 2;
        robot.clickOn("#newCase");
        assertThat(dialogs.shown).anyMatch(m -> m.startsWith("ASK 保存对本案的修改"));
        assertThat(robot.lookup("#causeOfAction").queryAs(TextField.class).getText()).isEqualTo("诈骗");
        dialogs.answer = 1;
        robot.clickOn("#newCase");
        assertThat(robot.lookup("#caseNumber").queryAs(TextField.class).getText()).isEmpty();
        assertThat(core.cases().search("", 10).get(0).causeOfAction()).isEqualTo("盗窃");
    }

    private void fillValidCase(FxRobot robot, LocalDate dob, Sex sex) {
        String first17 = "110105" + dob.toString().replace("-", "") + "12" + (sex == Sex.MALE ? "3" : "4");
        robot.interact(() -> {
            text(robot, "#caseNumber", "京朝检〔2026〕88号");
            text(robot, "#causeOfAction", "盗窃");
            text(robot, "#suspectName", "李某");
            text(robot, "#suspectIdNumber", first17 + ChineseIdNumber.checkDigit(first17));
            robot.lookup("#suspectDob").queryAs(DatePicker.class).setValue(dob);
            @SuppressWarnings("unchecked")
            ComboBox<Sex> sexBox = robot.lookup("#suspectSex").queryAs(ComboBox.class);
            sexBox.setValue(sex);
            text(robot, "#participantName-1", "王芳");
        });
    }

    private static void text(FxRobot robot, String query, String value) {
        robot.lookup(query).queryAs(TextField.class).setText(value);
    }
}
