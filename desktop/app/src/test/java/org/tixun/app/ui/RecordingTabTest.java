// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
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
import org.tixun.app.ui.archive.RecordingViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.MediaProbe;
import org.tixun.core.records.RecordSummary;

/** The record detail's recording tab: segments checked, events, chain head, playback, working copy. */
@ExtendWith(ApplicationExtension.class)
class RecordingTabTest {
    @TempDir
    static Path dir;
    private static HeadlessDemo.Outcome demo;
    private CoreServices core;
    private RecordDetailViewModel vm;
    private RecordSummary sealed;

    @BeforeAll
    static void sealOnce() throws Exception {
        try (CoreServices core = TestApp.core(dir.resolve("data"))) {
            DemoData.ensure(core, TestApp.FAST);
            demo = HeadlessDemo.run(dir.resolve("out"), DemoData.keys(core));
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        core = TestApp.core(dir.resolve("data"));
        var c = core.cases().find(core.cases().search("1017号", 1).get(0).id()).orElseThrow();
        sealed = core.records().createDraft("t", c, "INTERROGATION_RECORD", "讯问笔录（录像）");
        byte[] bytes = Files.readAllBytes(demo.sealed());
        // as sealing files it: the recording the seal states, taken into the record's own folder
        org.tixun.core.archive.ArchiveService.of(core).fileSealed("t", sealed.id(), demo.sealed(), Pki.sha256Hex(bytes), demo.recordingDir());
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        vm = new RecordDetailViewModel(ctx);
        RecordDetailView view = new RecordDetailView(ctx, vm);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        TabPane tabs = (TabPane) view.lookup("#detailTabs");
        tabs.getSelectionModel().selectLast();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void segmentsAreCheckedPlayedAndExported(FxRobot robot) throws Exception {
        robot.interact(() -> vm.show(sealed));
        RecordingViewModel rec = vm.recording();
        assertThat(rec.rows()).hasSize(demo.recording().segments().size());
        assertThat(rec.rows()).allSatisfy(r -> assertThat(r.check().ok()).isTrue());
        assertThat(robot.lookup("#recordingMessage").queryAs(Label.class).getText()).startsWith("录像完整");
        Label head = robot.lookup("#recordingChainHead").queryAs(Label.class);
        String chain = demo.recording().chainHead();
        assertThat(head.getText()).contains(chain.substring(0, 16)).contains(chain.substring(chain.length() - 8));
        assertThat(head.getTooltip().getText()).as("the whole chain head").isEqualTo(chain);
        assertThat(rec.events()).isNotEmpty();

        @SuppressWarnings("unchecked")
        TableView<RecordingViewModel.Row> table = robot.lookup("#recordingSegments").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        ImageView video = robot.lookup("#recordingVideo").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> video.getImage() != null);
        assertThat(video.getImage().getWidth()).isEqualTo(640);

        Path out = dir.resolve("working.mp4");
        robot.interact(() -> rec.export(out));
        assertThat(MediaProbe.decode(out).videoFrames()).isEqualTo(
                rec.rows().stream().mapToLong(r -> r.check().frames()).sum());
        assertThat(core.audit().entriesFor(sealed.id())).extracting(e -> e.action()).contains("RECORDING_EXPORTED");
    }

    @Test
    void alteredSegmentIsMarked(FxRobot robot) throws Exception {
        Path seg = org.tixun.core.recording.SealedRecordings.of(core).find(sealed.id()).orElseThrow().segments().get(0).path();
        assertThat(seg).startsWith(dir.resolve("data"));
        byte[] original = Files.readAllBytes(seg);
        byte[] b = original.clone();
        b[b.length / 2] ^= 1;
        // replaced, never written in place: the record's copy may be a hard link to the session's file
        Files.delete(seg);
        Files.write(seg, b);
        try {
            robot.interact(() -> vm.show(sealed));
            assertThat(vm.recording().rows().get(0).check().ok()).isFalse();
            assertThat(robot.lookup("#recordingMessage").queryAs(Label.class).getText()).startsWith("录像验证失败");
        } finally {
            Files.delete(seg);
            Files.write(seg, original);
        }
    }

    @Test
    void aSegmentSyncFoundAlteredAndWhyTheRecordWaitsAreShown(FxRobot robot) throws Exception {
        var segment = org.tixun.core.recording.SealedRecordings.of(core).find(sealed.id()).orElseThrow().segments().get(1);
        String found = "ab".repeat(32);
        org.tixun.core.recording.SealedRecordings.of(core).markProblem("sync", sealed.id(), segment.sealed().index(),
                org.tixun.core.recording.SealedRecordings.Problem.MISMATCH, segment.path(), found);

        robot.interact(() -> vm.show(sealed));

        assertThat(robot.lookup("#recordingProblem").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("录像文件与封存记录不一致", segment.path().toString(), segment.sealed().sha256(), found);
        // no case-system address is set in this store: the clerk is told why the record waits
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.syncTextProperty().get().isEmpty());
        assertThat(vm.syncTextProperty().get()).contains("目的地未设置");
    }
}
