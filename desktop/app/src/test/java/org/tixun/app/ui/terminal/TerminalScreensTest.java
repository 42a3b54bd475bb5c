// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.FxTaskRunner;
import org.tixun.app.ui.TerminalScreenChecks;
import org.tixun.app.ui.Theme;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.demo.DemoSessionPair;
import org.tixun.demo.PadSignatureSource;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.demo.SessionScript;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.templates.DocumentData;

/**
 * The terminal's screens through a whole remote signing over a real loopback link, each checked at 1366×768 and
 * 1920×1080 at 100 % and 150 % scale (as their logical sizes) in Chinese and English: the video never overlaps the
 * record, the instructions or the controls; no label is cut off; every button is inside the window; no stylesheet
 * error; the record's body text is at least 22 px at 1920×1080 with larger text; the confirmation sentence stays
 * whole after an empty confirm; and each signature appears in its slot on the page. With
 * {@code -Dtixun.screenshots=DIR} the screens are saved as {@code DIR/terminal-<screen>-<size>-<scale>-<lang>.png}.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalScreensTest {
    /** A screen size in device pixels and the scale it is shown at. */
    record Config(int width, int height, double scale) {
        String tag() {
            return width + "x" + height + "-" + Math.round(scale * 100);
        }
    }

    static final List<Config> CONFIGS = List.of(new Config(1920, 1080, 1), new Config(1366, 768, 1),
            new Config(1920, 1080, 1.5), new Config(1366, 768, 1.5));

    @TempDir
    Path dir;
    private CoreServices core;
    private AppContext ctx;
    private FxTaskRunner tasks;
    private DemoSessionPair pair;
    private TerminalSessionView view;
    private Stage stage;
    private final List<String> problems = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The demo's linked pair (with synthetic A/V) and the kiosk with the session screens, as the app builds them. */
    private void open() throws Exception {
        core = TestApp.core(dir);
        DemoData.ensure(core, TestApp.FAST);
        tasks = new FxTaskRunner();
        var base = TestApp.context(core, I18n.CHINESE, true);
        ctx = new AppContext(core, base.i18n(), base.theme(), tasks, base.dialogs(), true, base::templates);
        pair = DemoSessionPair.start(core, "测试看守所 讯问室 1", "测试工作站", true,
                org.tixun.core.archive.ArchiveService.of(core)::fileSealed);
        fx(() -> {
            new Theme().apply();
            Theme.ensureCjkFont();
            view = new TerminalSessionView(ctx, pair.terminal(), pair.terminalLink(), pair.terminalMedia().photos(),
                    new PadSignatureSource(dir.resolve("pad"), 1000));
            pair.terminalMedia().sink().add(view.video());
            TerminalView kiosk = new TerminalView(ctx, new KioskViewModel(ctx, TestApp.FAST), () -> { });
            kiosk.showContent(view);
            Scene scene = new Scene(kiosk, 1280, 720);
            Theme.style(scene);
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            TerminalScreenChecks.clearCssErrors();
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        if (view != null) {
            WaitForAsyncUtils.asyncFx(() -> view.viewModel().close()).get(10, TimeUnit.SECONDS);
        }
        if (pair != null) {
            pair.close();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (core != null) {
            core.close();
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS);
    }

    private TerminalSessionViewModel vm() {
        return view.viewModel();
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        await(what, 120, condition);
    }

    private void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; screen " + fx(() -> vm().screenProperty()
                    .get()) + ", message " + fx(() -> text("#terminalMessage")), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        Node n = stage.getScene().lookup(id);
        return n instanceof Labeled l ? l.getText() : "";
    }

    /** Lays the screen out at every size, scale and language, checks it and saves it. */
    private void checkEverywhere(String screen, boolean bodyText) throws Exception {
        for (Config c : CONFIGS) {
            for (Locale locale : I18n.SUPPORTED) {
                fx(() -> {
                    ctx.i18n().localeProperty().set(locale);
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(c.width() / c.scale());
                    stage.setHeight(c.height() / c.scale());
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    return null;
                });
                WaitForAsyncUtils.waitForFxEvents();
                String where = screen + " at " + c.tag() + " " + locale.getLanguage();
                List<String> found = fx(() -> {
                    var root = stage.getScene().getRoot();
                    // Lay out again in the same FX task as the checks: the workstation's progress can change a
                    // label between two tasks, and a label's text node follows its text only at the next layout.
                    root.applyCss();
                    root.layout();
                    List<String> out = new ArrayList<>();
                    Node video = stage.getScene().lookup("#terminalVideoBox");
                    List<Node> others = new ArrayList<>();
                    for (String id : new String[] {"#terminalRecordColumn", "#terminalInstructionCard",
                            "#terminalControls"}) {
                        Node n = stage.getScene().lookup(id);
                        others.addAll(TerminalScreenChecks.shownNodes(n, Labeled.class, ImageView.class,
                                javafx.scene.control.Control.class));
                    }
                    out.addAll(TerminalScreenChecks.overlapping(video, others));
                    out.addAll(TerminalScreenChecks.truncated(root));
                    out.addAll(TerminalScreenChecks.outsideWindow(root));
                    Node sentence = stage.getScene().lookup("#terminalConfirmationSentence");
                    if (TerminalScreenChecks.shown(sentence)) {
                        var b = TerminalScreenChecks.visibleBounds(sentence);
                        var full = sentence.localToScene(sentence.getBoundsInLocal());
                        if (b == null || b.getHeight() < full.getHeight() - 0.5 || full.getMaxY() > c.height()
                                / c.scale() + 0.5 || full.getMaxX() > c.width() / c.scale() + 0.5) {
                            out.add("the confirmation sentence is not wholly on screen: " + full);
                        }
                    }
                    if (bodyText && c.width() == 1920) {
                        ImageView page = (ImageView) stage.getScene().lookup(
                                vm().screenProperty().get() == TerminalSessionViewModel.Screen.LIVE
                                        ? "#terminalLiveImage" : "#terminalPageImage");
                        double px = TerminalSessionView.bodyTextPixels(page) * c.scale();
                        if (px < 22) {
                            out.add(String.format("record body text %.1f px < 22 px", px));
                        }
                    }
                    return out;
                });
                found.forEach(p -> problems.add(where + ": " + p));
                save(screen, c, locale);
            }
        }
        fx(() -> {
            ctx.i18n().localeProperty().set(I18n.CHINESE);
            stage.setWidth(1280);
            stage.setHeight(720);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(fx(TerminalScreenChecks::cssErrors).stream().map(e -> screen + ": CSS " + e).toList());
    }

    private void save(String screen, Config c, Locale locale) throws Exception {
        String out = System.getProperty("tixun.screenshots", "");
        if (out.isBlank()) {
            return;
        }
        BufferedImage img = fx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(Transform.scale(c.scale(), c.scale()));
            return SwingFXUtils.fromFXImage(stage.getScene().getRoot().snapshot(p, null), null);
        });
        Path file = Path.of(out).resolve("terminal-" + screen + "-" + c.tag() + "-" + locale.getLanguage() + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    /** Dark ink pixels inside the slot's rectangle of the page shown (the rendered page image). */
    private static int inkPixels(BufferedImage page, java.awt.geom.Rectangle2D area) {
        var r = org.tixun.core.evidence.ink.InkOnPage.pixels(area, page.getWidth(), page.getHeight());
        int n = 0;
        for (int y = (int) r.getMinY() + 1; y < (int) r.getMaxY() - 1; y++) {
            for (int x = (int) r.getMinX() + 1; x < (int) r.getMaxX() - 1; x++) {
                int rgb = page.getRGB(x, y);
                int red = (rgb >> 16) & 0xff;
                int blue = rgb & 0xff;
                // The ink colour: dark blue (13, 20, 90); the fingerprint marker: red.
                if ((blue > red + 30 && red < 80) || (red > 150 && blue < 60)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static java.awt.geom.Rectangle2D area(TerminalFlow.Step s) {
        var a = s.slot().area();
        return new java.awt.geom.Rectangle2D.Double(a.left(), a.top(), a.width(), a.height());
    }

    @Test
    void everyScreenFitsEverySizeAndTheInkLandsInPlace(FxRobot robot) throws Exception {
        open();
        checkEverywhere("self-test", false);
        robot.interact(() -> robot.lookup("#selfTestContinue").queryButton().fire());
        await("the live screen", () -> vm().screenProperty().get() == TerminalSessionViewModel.Screen.LIVE);
        await("the link", () -> pair.workstationLink().state() == org.tixun.core.session.LinkState.CONNECTED);
        checkEverywhere("waiting", false);

        SessionScript script = SessionScript.demo();
        // The record says it was read aloud to the suspect, as the suspect will choose below (rule 4).
        DocumentData data = script.baseData().withQa(script.correctedQa()).with("reviewMethod", "READ_ALOUD");
        pair.workstation().live().awaitWarmedUp(20_000);
        pair.workstation().edit(data, script.qa.get(0).a, System.nanoTime());
        await("the live record", () -> vm().liveProperty().get() != null);
        checkEverywhere("live", true);

        pair.workstation().freezeAndSend(data);
        await("the reading choice", () -> vm().controlsProperty().get()
                == TerminalSessionViewModel.Controls.READING_CHOICE && vm().pageProperty().get() != null);
        checkEverywhere("reading", true);
        int pages = fx(() -> vm().pageCountProperty().get());
        assertThat(pages).as("the demo record has several pages").isGreaterThan(1);

        robot.clickOn("#terminalReadAloud");
        await("reading aloud", () -> vm().readingModeProperty().get() == TerminalSessionViewModel.ReadingMode.ALOUD);
        assertThat(fx(() -> robot.lookup("#terminalReadingDone").queryButton().isDisabled()))
                .as("not every page was on screen yet").isTrue();
        pair.workstation().readingAloudAt(1, 0.18);
        await("page 2 read aloud", () -> vm().pageNumberProperty().get() == 2
                && vm().readerFromWorkstationProperty().get());
        assertThat(text("#terminalReaderBanner")).isEqualTo("正在宣读：第 2 页（共 " + pages + " 页）");
        checkEverywhere("reading-aloud", true);
        for (int p = 2; p < pages; p++) {
            // the controls wait while the page asked for is drawn
            await("page " + p + " on screen", () -> vm().pageShownProperty().get());
            robot.clickOn("#terminalNextPage");
        }
        await("the last page", () -> vm().canFinishReadingProperty().get());
        robot.clickOn("#terminalReadingDone");
        await("the first slot", () -> vm().screenProperty().get() == TerminalSessionViewModel.Screen.SIGNING
                && vm().pageShownProperty().get());
        assertThat(pair.terminal().state().readingPath).isEqualTo("READ_ALOUD");

        TerminalFlow.Step first = pair.terminal().current();
        assertThat(first.slot().kind()).isEqualTo(SlotKind.SIGNATURE);
        assertThat(text("#terminalPlace")).isEqualTo("第 1 页 · 页尾签名处");
        assertThat(inkPixels(vm().render(0, null), area(first)))
                .as("no ink before signing").isZero();
        checkEverywhere("sign", true);
        robot.clickOn("#terminalConfirmSignature");
        assertThat(text("#terminalMessage")).contains("还没有签名");
        checkEverywhere("sign-empty", false);

        robot.moveTo("#terminalSignatureCanvas").moveBy(-160, 10).press(MouseButton.PRIMARY).moveBy(60, -30)
                .moveBy(50, 40).moveBy(60, -25).moveBy(60, 30).release(MouseButton.PRIMARY);
        robot.clickOn("#terminalConfirmSignature");
        await("the fingerprint of page 1", () -> pair.terminal().current().index() == 1
                && vm().step() != null && vm().step().index() == 1 && vm().pageShownProperty().get());
        assertThat(text("#terminalPlace")).isEqualTo("第 1 页 · 页尾捺印处");
        BufferedImage signedPage = fx(() -> vm().pageProperty().get());
        assertThat(inkPixels(signedPage, area(first))).as("the signature drawn in its slot on page 1")
                .isGreaterThan(20);
        await("the signed card", () -> vm().lastSignedProperty().get() != null);
        assertThat(text("#terminalLastSignedLabel")).isEqualTo("✓ 已完成：第 1 页 · 页尾签名处");
        checkEverywhere("fingerprint", true);

        // On through the pages with the (simulated) pad until the confirmation sentence.
        while (pair.terminal().current().kind() == TerminalFlow.StepKind.SLOT
                && pair.terminal().current().slot().kind() != SlotKind.CONFIRMATION) {
            int index = pair.terminal().current().index();
            await("slot " + index + " on screen", () -> vm().step().index() == index && !vm().busyProperty().get()
                    && vm().pageShownProperty().get());
            robot.interact(() -> vm().signWithPad());
            await("slot " + index + " done", () -> pair.terminal().current().index() > index);
        }
        TerminalFlow.Step confirmation = pair.terminal().current();
        await("the confirmation slot", () -> vm().step().index() == confirmation.index()
                && vm().pageShownProperty().get());
        assertThat(text("#terminalConfirmationSentence"))
                .isEqualTo("以上笔录我看过（向我宣读过），和我说的相符");
        checkEverywhere("confirmation", true);
        robot.clickOn("#terminalConfirmSignature");
        assertThat(text("#terminalMessage")).contains("还没有写字");
        assertThat(text("#terminalConfirmationSentence")).as("the sentence stays, whole")
                .isEqualTo("以上笔录我看过（向我宣读过），和我说的相符");
        checkEverywhere("confirmation-empty", true);

        while (pair.terminal().current().kind() == TerminalFlow.StepKind.SLOT) {
            int index = pair.terminal().current().index();
            await("slot " + index + " on screen", () -> vm().step().index() == index && !vm().busyProperty().get()
                    && vm().pageShownProperty().get());
            robot.interact(() -> vm().signWithPad());
            await("slot " + index + " done", () -> pair.terminal().current().index() > index
                    || pair.terminal().current().kind() != TerminalFlow.StepKind.SLOT);
        }
        await("the done screen", () -> vm().screenProperty().get() == TerminalSessionViewModel.Screen.DONE);
        BufferedImage last = fx(() -> vm().pageProperty().get());
        assertThat(inkPixels(last, area(confirmation))).as("the confirmation sentence in place on the last page")
                .isGreaterThan(20);
        checkEverywhere("done", true);
        await("the workstation's progress", () -> !text("#terminalDetail").startsWith("签名已发送"));
        assertThat(text("#terminalDetail")).doesNotContain("等待检察人员签名");
        // The workstation's own signers (simulated pad) and the seal take a while on a busy machine.
        await("the end", 600, () -> vm().screenProperty().get() == TerminalSessionViewModel.Screen.ENDED);
        assertThat(text("#terminalInstruction")).isEqualTo("笔录已签章归档");
        checkEverywhere("ended", false);

        assertThat(problems).isEmpty();
    }
}
