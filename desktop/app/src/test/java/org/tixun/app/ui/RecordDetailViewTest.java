// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.archive.RecordDetailView;
import org.tixun.app.ui.archive.RecordDetailViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.evidence.ReplayedSigner;
import org.tixun.core.pki.Pki;
import org.tixun.core.records.RecordSummary;

@ExtendWith(ApplicationExtension.class)
class RecordDetailViewTest {
    @TempDir
    static Path dir;
    private static byte[] sealedBytes;
    private CoreServices core;
    private RecordDetailViewModel vm;
    private RecordSummary sealed;
    private AppContext ctx;

    @BeforeAll
    static void sealOnce() throws Exception {
        try (CoreServices core = TestApp.core(dir.resolve("data"))) {
            DemoData.ensure(core, TestApp.FAST);
            HeadlessDemo.run(dir.resolve("out"), DemoData.keys(core));
        }
        sealedBytes = Files.readAllBytes(dir.resolve("out/sealed.pdf"));
    }

    @Start
    void start(Stage stage) throws Exception {
        core = TestApp.core(dir.resolve("data"));
        var c = core.cases().find(core.cases().search("1017号", 1).get(0).id()).orElseThrow();
        sealed = core.records().createDraft("t", c, "INTERROGATION_RECORD", "讯问笔录（测试）");
        Path copy = dir.resolve("record-" + sealed.id() + ".pdf");
        Files.write(copy, sealedBytes);
        // as sealing files it: document and recording into the record's folder, sealed, queued
        org.tixun.core.archive.ArchiveService.of(core).fileSealed("t", sealed.id(), copy, Pki.sha256Hex(sealedBytes), dir.resolve("out/recording"));
        ctx = TestApp.context(core, I18n.CHINESE, false);
        vm = new RecordDetailViewModel(ctx);
        stage.setScene(new Scene(new RecordDetailView(ctx, vm), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void showsValidSignaturesPagesAndAuditTrail(FxRobot robot) {
        robot.interact(() -> vm.show(sealed));
        assertThat(robot.lookup("#detailMessage").queryAs(Label.class).getText()).isEqualTo("全部签名有效，文件自签章后未被修改。");
        assertThat(vm.reportProperty().get().ok()).isTrue();
        assertThat(robot.lookup("#revision-1").tryQuery()).isPresent();
        assertThat(robot.lookup(".badge-bad").tryQuery()).isEmpty();
        assertThat(vm.pages()).hasSize(2);
        assertThat(vm.photos()).isNotEmpty().allSatisfy(p -> assertThat(p.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8));
        assertThat(vm.audit()).extracting(e -> e.action()).containsExactly("RECORD_CREATED", "RECORDING_FILED",
                "RECORD_SEALED", "SYNC_QUEUED");
    }

    @Test
    void tamperedFileShowsInvalidBadge(FxRobot robot) throws Exception {
        Path file = Path.of(core.records().sealedDocument(sealed.id()).orElseThrow().path());
        byte[] bytes = Files.readAllBytes(file);
        // Flip a byte inside the first signed range (page content of revision 0).
        bytes[2000] ^= 0x01;
        Files.write(file, bytes);
        robot.interact(() -> vm.show(sealed));
        assertThat(vm.reportProperty().get().ok()).isFalse();
        assertThat(robot.lookup(".badge-bad").tryQuery()).isPresent();
        assertThat(robot.lookup("#detailMessage").queryAs(Label.class).getText()).startsWith("核验未通过");
    }

    @Test
    void replayNeedsTheKeystorePassphraseAndIsAudited(FxRobot robot) {
        robot.interact(() -> vm.show(sealed));
        AtomicReference<ReplayedSigner> signer = new AtomicReference<>();
        robot.interact(() -> vm.replay(1, "wrong".toCharArray(), signer::set));
        assertThat(signer.get()).isNull();
        assertThat(robot.lookup("#detailMessage").queryAs(Label.class).getText()).startsWith("无法重放签名");
        robot.interact(() -> vm.replay(1, DemoData.KEYSTORE_PASSPHRASE.toCharArray(), signer::set));
        assertThat(signer.get()).isNotNull();
        assertThat(signer.get().name()).isEqualTo("张伟");
        assertThat(signer.get().events()).isNotEmpty();
        assertThat(signer.get().primaryEvent().samples()).hasSizeGreaterThan(100);
        assertThat(core.audit().entriesFor(sealed.id())).extracting(e -> e.action()).contains("KEY_USED");
    }

    @Test
    void showsSyncStateAndExportsThePackage(FxRobot robot) throws Exception {
        robot.interact(() -> vm.show(sealed));
        assertThat(robot.lookup("#detailSync").queryAs(Label.class).getText()).startsWith("同步状态：等待发送")
                .contains("目的地未设置");
        Path out = dir.resolve("export-" + sealed.id());
        Files.createDirectories(out);
        robot.interact(() -> vm.export(out));
        assertThat(robot.lookup("#detailMessage").queryAs(Label.class).getText()).startsWith("已导出到");
        try (var files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("record.pdf", "manifest.json",
                    "verification.txt", "segment-0001.mp4", "recording-manifest.json", "recording.mp4");
        }
        assertThat(core.audit().entriesFor(sealed.id())).extracting(e -> e.action()).contains("RECORD_EXPORTED");
    }

    @Test
    void aPageOpensInItsOwnWindowWithoutError(FxRobot robot) throws Exception {
        robot.interact(() -> vm.show(sealed));
        robot.interact(() -> robot.lookup("#detailTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        robot.clickOn("#thumbnail-0");
        WaitForAsyncUtils.waitForFxEvents();
        var titles = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(javafx.stage.Window::isShowing).filter(w -> w instanceof javafx.stage.Stage)
                .map(w -> ((javafx.stage.Stage) w).getTitle()).toList()).get();
        assertThat(titles).contains("第 1 页 共 2 页");
        assertThat(((org.tixun.app.TestApp.RecordingDialogs) ctx.dialogs()).shown).isEmpty();
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage s
                && "第 1 页 共 2 页".equals(s.getTitle())).map(w -> (javafx.stage.Stage) w).toList()
                .forEach(javafx.stage.Stage::close));
    }

    @Test
    void aWrongReplayPassphraseIsSaidInTheDialogAndGoesAwayOnSuccess(FxRobot robot) {
        robot.interact(() -> vm.show(sealed));
        // The first signer's button sits on its own line (replay numbers signers as the seal does, after the
        // institution's certification): it replays 张伟, as vm.replay(1) does.
        var line = (javafx.scene.layout.HBox) robot.lookup("#replay-1").query().getParent();
        assertThat(line.getChildren()).filteredOn(n -> n instanceof Label)
                .anyMatch(n -> ((Label) n).getText().contains("张伟"));
        robot.clickOn("#replay-1");
        robot.clickOn("#replayPassphrase").write("wrong-passphrase");
        robot.clickOn("#replayUnlock");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#replayError").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("口令不正确，请重新输入。").doesNotContain("/").doesNotContain("passphrase");
        // Nothing behind the dialog.
        assertThat(robot.lookup("#detailMessage").queryAs(Label.class).getText()).doesNotContain("无法重放");
        robot.clickOn("#replayPassphrase").write(DemoData.KEYSTORE_PASSPHRASE);
        robot.clickOn("#replayUnlock");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#replayTimeline").tryQuery()).isPresent();
        assertThat(robot.lookup("#detailMessage").queryAs(Label.class).getText()).doesNotContain("无法重放");
    }
}
