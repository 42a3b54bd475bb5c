// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.TaskRunner;
import org.tixun.app.ui.terminal.TerminalSessionViewModel.Screen;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.SessionProgress;
import org.tixun.demo.DemoSessionPair;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.demo.SessionScript;
import org.tixun.templates.DocumentData;

/**
 * The terminal's view model without a screen, on a real loopback session: the reading is confirmed only after every
 * page was shown, an empty confirm and a missing device are said (nothing substituted), and what it says after the
 * suspect's part follows the workstation's progress.
 */
class TerminalSessionViewModelTest {
    private static final I18n ZH = new I18n(I18n.CHINESE);

    @TempDir
    Path dir;
    private CoreServices core;
    private DemoSessionPair pair;

    @AfterEach
    void close() throws Exception {
        if (pair != null) {
            pair.close();
        }
        if (core != null) {
            core.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String text(LocalText t) {
        return t == null ? "" : t.resolve(ZH);
    }

    /** Background work held until the test lets it run: a page's image arrives only when {@link #drain} is called. */
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final TaskRunner held = new TaskRunner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> TaskRunner.SAME_THREAD.run(work, onSuccess, onFailure));
        }
    };

    /** Runs the work queued so far (not what that work queues in turn). */
    private void drain() {
        for (int n = pending.size(); n > 0; n--) {
            pending.poll().run();
        }
    }

    @Test
    void aPageIsReadAndSignedOnlyOnceItsPictureIsOnScreen() throws Exception {
        core = TestApp.core(dir);
        DemoData.ensure(core, TestApp.FAST);
        pair = DemoSessionPair.start(core, "测试终端", "测试工作站",
                org.tixun.core.archive.ArchiveService.of(core)::fileSealed);
        TerminalSessionViewModel vm = new TerminalSessionViewModel(pair.terminal(), pair.terminalLink(),
                org.tixun.demo.DemoPhotos.source(), null, held, Runnable::run, core.settings());
        vm.selfTestDone();
        await("the link", () -> pair.workstationLink().state() == LinkState.CONNECTED);
        SessionScript script = SessionScript.demo();
        pair.workstation().freezeAndSend(script.baseData().withQa(script.correctedQa()));
        await("the reading step", () -> vm.screenProperty().get() == Screen.READING);
        await("page 1 drawn", () -> {
            drain();
            return vm.pageShownProperty().get();
        });
        assertThat(vm.shownPageProperty().get()).isEqualTo(1);
        int pages = vm.pageCountProperty().get();
        assertThat(pages).isGreaterThan(1);

        vm.readSelf();
        drain();
        for (int p = 2; p <= pages; p++) {
            vm.nextPage();
            assertThat(vm.pageNumberProperty().get()).isEqualTo(p);
            assertThat(vm.shownPageProperty().get()).as("the picture on screen is still page %d", p - 1)
                    .isEqualTo(p - 1);
            assertThat(vm.pageShownProperty().get()).isFalse();
            assertThat(vm.canFinishReadingProperty().get()).as("page %d asked for, not yet seen", p).isFalse();
            drain();
            assertThat(vm.shownPageProperty().get()).isEqualTo(p);
            assertThat(vm.pageShownProperty().get()).isTrue();
        }
        assertThat(vm.canFinishReadingProperty().get()).as("every page was on screen").isTrue();
        vm.finishReading();
        drain();
        await("the first slot", () -> vm.screenProperty().get() == Screen.SIGNING);
        assertThat(vm.pageShownProperty().get()).as("the slot's page is still being drawn").isFalse();
        vm.signWithPad();
        vm.confirmCanvas(List.of(), 600, 200);
        assertThat(vm.messageProperty().get()).as("nothing is signed over a picture not yet shown").isNull();
        await("the slot's page drawn", () -> {
            drain();
            return vm.pageShownProperty().get();
        });
        assertThat(vm.shownPageProperty().get()).isEqualTo(vm.pageNumberProperty().get());
        vm.signWithPad();
        assertThat(text(vm.messageProperty().get())).startsWith("没有连接签名板");
    }

    @Test
    void readingIsConfirmedOnlyAfterEveryPageAndMissingDevicesAreSaid() throws Exception {
        core = TestApp.core(dir);
        DemoData.ensure(core, TestApp.FAST);
        pair = DemoSessionPair.start(core, "测试终端", "测试工作站",
                org.tixun.core.archive.ArchiveService.of(core)::fileSealed);
        TerminalSessionViewModel vm = new TerminalSessionViewModel(pair.terminal(), pair.terminalLink(),
                org.tixun.demo.DemoPhotos.source(), null, TaskRunner.SAME_THREAD, Runnable::run, core.settings());
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.SELF_TEST);
        vm.selfTestDone();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.LIVE);
        assertThat(vm.largeTextProperty().get()).as("larger text by default").isTrue();
        vm.largeTextProperty().set(false);
        assertThat(core.settings().get(TerminalSessionViewModel.LARGE_TEXT_SETTING)).contains("false");

        await("the link", () -> pair.workstationLink().state() == LinkState.CONNECTED);
        SessionScript script = SessionScript.demo();
        DocumentData data = script.baseData().withQa(script.correctedQa());
        pair.workstation().freezeAndSend(data);
        await("the reading step", () -> vm.screenProperty().get() == Screen.READING && vm.pageProperty().get() != null);
        int pages = vm.pageCountProperty().get();
        assertThat(pages).isGreaterThan(1);
        assertThat(vm.controlsProperty().get()).isEqualTo(TerminalSessionViewModel.Controls.READING_CHOICE);

        vm.readSelf();
        assertThat(vm.canFinishReadingProperty().get()).isFalse();
        vm.finishReading();
        assertThat(text(vm.messageProperty().get())).isEqualTo("请先看完全部 " + pages + " 页。");
        assertThat(pair.terminal().state().readingPath).as("nothing confirmed yet").isNull();
        for (int p = 1; p < pages; p++) {
            vm.nextPage();
        }
        assertThat(vm.pageNumberProperty().get()).isEqualTo(pages);
        assertThat(vm.canFinishReadingProperty().get()).isTrue();
        vm.finishReading();
        await("the first slot", () -> vm.screenProperty().get() == Screen.SIGNING);
        assertThat(pair.terminal().state().readingPath).isEqualTo("READ");
        assertThat(text(vm.placeProperty().get())).isEqualTo("第 1 页 · 页尾签名处");
        assertThat(text(vm.instructionProperty().get())).isEqualTo("请签名");

        vm.confirmCanvas(List.of(), 600, 200);
        assertThat(text(vm.messageProperty().get())).startsWith("还没有签名");
        vm.signWithPad();
        assertThat(text(vm.messageProperty().get())).startsWith("没有连接签名板");
        assertThat(pair.terminal().current().index()).as("no slot was completed").isZero();
    }

    @Test
    void afterTheSuspectThePageSaysWhatTheWorkstationDoes() {
        assertThat(text(TerminalSessionViewModel.progressText(null))).contains("检察人员还要签名并对笔录签章");
        String sha = "ab".repeat(32);
        assertThat(text(TerminalSessionViewModel.progressText(new SessionProgress("r", sha,
                SessionProgress.Stage.WORKSTATION_SIGNING, -1, -1, 1, 3)))).isEqualTo("检察人员正在签名（已签 1 / 3），请稍候。");
        assertThat(text(TerminalSessionViewModel.progressText(SessionProgress.of("r", sha,
                SessionProgress.Stage.SEALING)))).contains("正在对笔录签章").doesNotContain("等待检察人员签名");
        assertThat(text(TerminalSessionViewModel.progressText(SessionProgress.of("r", sha,
                SessionProgress.Stage.VERIFYING)))).contains("核验");
        assertThat(text(TerminalSessionViewModel.progressText(SessionProgress.of("r", sha,
                SessionProgress.Stage.FAILED)))).contains("工作人员正在处理");
    }
}
