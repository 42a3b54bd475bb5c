// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
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
import org.tixun.app.ui.setup.SetupView;
import org.tixun.app.ui.setup.SetupViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.store.Settings;
import org.tixun.core.users.Role;

@ExtendWith(ApplicationExtension.class)
class SetupViewTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private final AtomicBoolean done = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        core = TestApp.core(dir);
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        stage.setScene(new Scene(new SetupView(ctx, new SetupViewModel(ctx, TestApp.FAST), chosen -> done.set(true)),
                900, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private static void set(FxRobot robot, String id, String value) {
        robot.lookup("#" + id).queryAs(TextInputControl.class).setText(value);
    }

    /** Scrolls to the end of the form (the button may be below the window) and presses 完成. */
    private static void finish(FxRobot robot) {
        robot.interact(() -> robot.lookup(".scroll-pane").queryAll().forEach(n ->
                ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
        robot.clickOn("#setupFinish");
    }

    @Test
    void refusesWeakInputWithMessagesBesideTheFields(FxRobot robot) {
        robot.interact(() -> {
            set(robot, "setupAdminPassword", "short");
            set(robot, "setupKioskPin", "12ab");
            set(robot, "setupPassphrase", "long-enough-passphrase");
            set(robot, "setupPassphrase2", "different-passphrase!!");
        });
        finish(robot);
        assertThat(robot.lookup("#error-institution").queryAs(Label.class).getText()).isEqualTo("请填写单位名称。");
        assertThat(robot.lookup("#error-adminPassword").queryAs(Label.class).getText()).contains("至少 8 位");
        assertThat(robot.lookup("#error-kioskPin").queryAs(Label.class).getText()).contains("数字");
        assertThat(robot.lookup("#error-passphrase2").queryAs(Label.class).getText()).isEqualTo("两次输入不一致。");
        assertThat(done).isFalse();
        assertThat(Files.exists(core.dataDir().keystore())).isFalse();
    }

    @Test
    void refusesAPassphraseTheKeyStoreCouldNotOpenAgain(FxRobot robot) {
        robot.interact(() -> {
            set(robot, "setupPassphrase", "青川县检察院机构密钥2026");
            set(robot, "setupPassphrase2", "青川县检察院机构密钥2026");
        });
        finish(robot);
        assertThat(robot.lookup("#error-passphrase").queryAs(Label.class).getText()).contains("英文字母");
        assertThat(done).isFalse();
        assertThat(Files.exists(core.dataDir().keystore())).isFalse();
    }

    @Test
    void createsKeysAdministratorAndSettings(FxRobot robot) throws Exception {
        robot.interact(() -> {
            set(robot, "setupInstitution", "某市某区人民检察院");
            set(robot, "setupAdminName", "系统管理员");
            set(robot, "setupAdminPassword", "admin-password");
            set(robot, "setupAdminPassword2", "admin-password");
            set(robot, "setupKioskPin", "864209");
            set(robot, "setupPassphrase", "correct horse battery");
            set(robot, "setupPassphrase2", "correct horse battery");
        });
        finish(robot);
        assertThat(done).isTrue();
        assertThat(core.users().find("admin")).get().extracting(u -> u.role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(core.settings().get(Settings.INSTITUTION)).contains("某市某区人民检察院");
        InstitutionKeyStore keys = InstitutionKeyStore.open(core.dataDir().keystore(),
                "correct horse battery".toCharArray());
        assertThat(keys.rootCertificate().getSubjectX500Principal().getName()).contains("某市某区人民检察院");
        assertThat(core.audit().verify().intact()).isTrue();
        assertThat(core.audit().entries()).extracting(e -> e.action())
                .containsSubsequence("KEYSTORE_CREATED", "USER_ADDED", "SETUP_COMPLETED");
    }
}
