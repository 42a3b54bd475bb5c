// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tixun.app.i18n.CoreText;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.VideoPane;
import org.tixun.core.session.flow.WorkstationFlow;

/**
 * The workstation's remote session screen: link state and terminal name, two-way video (remote large, own camera
 * small), the Q&A editor feeding the live record on the terminal, corrections, private mute (Ctrl+M), freeze and
 * send for signing after a confirmation that shows what is frozen (Ctrl+Enter), the signing progress per signer,
 * the steps of sealing, hang-up, and a collapsed diagnostics panel. After freezing the record is read-only.
 */
public final class SessionView extends BorderPane {
    /** A correction as the editor holds it (CriticMarkup substitution), shown as the document shows it. */
    private static final Pattern CORRECTION = Pattern.compile("\\{~~(.*?)~>(.*?)~~\\}", Pattern.DOTALL);
    /** The steps the session goes through from freezing to filed, as the progress panel lists them. */
    static final List<String> STEPS = List.of("FREEZE", "TERMINAL", "WORKSTATION", "RECORDING", "SIGNING",
            "VERIFYING", "FILING");

    private final AppContext ctx;
    private final SessionViewModel vm;
    private final I18n i18n;
    private final VideoPane video;
    private final TextArea editor = new TextArea();
    private final Button freeze = new Button();
    private final Button autoplay = new Button();
    private final Button hangUp = new Button();
    private final BooleanProperty preparing = new SimpleBooleanProperty(false);
    private final VBox signerRows = new VBox(8);
    private final VBox stepRows = new VBox(4);
    private final FlowPane corrections = new FlowPane(12, 6);
    private Runnable onAutoplay;
    private Runnable onHangUp;
    private String currentStep = "";
    private long stepStarted;

    public SessionView(AppContext ctx, SessionViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
        this.i18n = ctx.i18n();
        setId("sessionView");
        Label title = new Label();
        title.textProperty().bind(i18n.bind("session.title"));
        title.getStyleClass().add("section-title");
        Label link = new Label();
        link.setId("sessionLinkState");
        link.textProperty().bind(vm.linkStateProperty());
        link.getStyleClass().add(Styles.STATUS_BADGE);
        link.setMinWidth(Region.USE_PREF_SIZE);
        Label terminal = new Label();
        terminal.setId("sessionTerminal");
        terminal.textProperty().bind(vm.terminalNameProperty());
        Label recording = new Label();
        recording.setId("sessionRecording");
        recording.textProperty().bind(vm.recordingProperty());
        recording.getStyleClass().add(Styles.MUTED);
        recording.setMinWidth(Region.USE_PREF_SIZE);
        Label phase = new Label();
        phase.setId("sessionPhase");
        phase.textProperty().bind(vm.phaseProperty());
        phase.getStyleClass().add(Styles.STATUS_BADGE);
        phase.setMinWidth(Region.USE_PREF_SIZE);
        hangUp.setId("sessionHangUp");
        hangUp.setGraphic(new FontIcon(Material2AL.CALL_END));
        hangUp.textProperty().bind(i18n.bind("session.hangUp"));
        hangUp.getStyleClass().add("danger");
        hangUp.setMinWidth(Region.USE_PREF_SIZE);
        hangUp.disableProperty().bind(vm.hungUpProperty());
        hangUp.setOnAction(e -> hangUp());
        title.setMinWidth(Region.USE_PREF_SIZE);
        terminal.setMinWidth(Region.USE_PREF_SIZE);
        // Left: what the session is; right: its state and the hang-up. On a narrow window the right part goes
        // under the left instead of cutting words.
        HBox what = new HBox(12, title, link, terminal);
        what.setAlignment(Pos.CENTER_LEFT);
        HBox state = new HBox(12, recording, phase, hangUp);
        state.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(24, 6, what, state);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 12, 6, 12));

        video = new VideoPane(i18n);
        video.setPrefWidth(340);
        // The side column may be as narrow as 220 px (two windows side by side on 1366 px): the picture shrinks with it.
        video.setMinSize(200, 150);
        vm.countFrames(video::painted);
        ToggleButton mute = new ToggleButton();
        mute.setId("sessionMute");
        mute.textProperty().bind(i18n.bind("session.mute"));
        mute.selectedProperty().bindBidirectional(vm.mutedProperty());
        mute.setMinWidth(Region.USE_PREF_SIZE);
        Label muteHint = new Label();
        muteHint.textProperty().bind(Bindings.when(vm.mutedProperty())
                .then(i18n.bind("session.mute.on")).otherwise(i18n.bind("session.mute.off")));
        muteHint.getStyleClass().add(Styles.MUTED);
        muteHint.setWrapText(true);
        HBox muteRow = new HBox(8, mute, muteHint);
        muteRow.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, video, muteRow);
        left.setPadding(new Insets(0, 8, 8, 12));
        // The side columns take a share of the window (never less than they need), so the record keeps the most
        // room on a small or scaled screen.
        left.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(220, Math.min(420,
                getWidth() * 0.27)), widthProperty()));
        left.setMinWidth(220);
        left.setMaxWidth(420);
        // The picture keeps 4:3 at the column's width instead of stretching down the whole window.
        video.maxHeightProperty().bind(video.widthProperty().multiply(0.75));
        video.prefHeightProperty().bind(video.widthProperty().multiply(0.75));

        editor.setId("sessionEditor");
        editor.setWrapText(true);
        editor.promptTextProperty().bind(i18n.bind("session.editor.prompt"));
        editor.getStyleClass().add("session-editor");
        editor.editableProperty().bind(vm.editableBinding());
        editor.textProperty().addListener((o, a, text) -> {
            // The caret moves after the text changed: read it once this change is done (same pulse).
            long keystroke = System.nanoTime();
            javafx.application.Platform.runLater(() -> vm.edited(editor.getText(), editor.getCaretPosition(),
                    keystroke));
            showCorrections(text);
        });
        // A resumed session: what was typed before the program was closed, pushed to the terminal again.
        vm.typedText().ifPresent(text -> {
            editor.setText(text);
            editor.positionCaret(editor.getLength());
        });
        Label editorTitle = new Label();
        editorTitle.textProperty().bind(i18n.bind("session.editor.title"));
        editorTitle.setWrapText(true);
        editorTitle.setMinHeight(Region.USE_PREF_SIZE);
        Label readOnly = new Label();
        readOnly.setId("sessionReadOnly");
        readOnly.textProperty().bind(Bindings.createStringBinding(() -> vm.phaseValueProperty().get()
                == WorkstationFlow.Phase.SEALED ? i18n.text("session.readOnly.sealed")
                : i18n.text("session.readOnly.frozen"), vm.phaseValueProperty(), i18n.localeProperty()));
        readOnly.getStyleClass().add(Styles.DEMO_BANNER);
        readOnly.setMaxWidth(Double.MAX_VALUE);
        readOnly.setWrapText(true);
        readOnly.visibleProperty().bind(vm.editableBinding().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        Button correct = new Button();
        correct.setId("sessionCorrect");
        correct.setGraphic(new FontIcon(Material2AL.EDIT));
        correct.textProperty().bind(i18n.bind("session.correct"));
        correct.disableProperty().bind(Bindings.createBooleanBinding(() -> editor.getSelectedText().isBlank()
                || !editor.isEditable(), editor.selectedTextProperty(), editor.editableProperty()));
        correct.setOnAction(e -> correctSelection());
        correct.setMinWidth(Region.USE_PREF_SIZE);
        Label correctHint = new Label();
        correctHint.textProperty().bind(i18n.bind("session.correct.hint"));
        correctHint.getStyleClass().add(Styles.MUTED);
        correctHint.setWrapText(true);
        correctHint.setMinHeight(Region.USE_PREF_SIZE);
        HBox correctRow = new HBox(8, correct, correctHint);
        correctRow.setAlignment(Pos.CENTER_LEFT);
        corrections.setId("sessionCorrections");
        corrections.managedProperty().bind(Bindings.isNotEmpty(corrections.getChildren()));
        corrections.visibleProperty().bind(corrections.managedProperty());
        VBox center = new VBox(6, editorTitle, readOnly, editor, correctRow, corrections);
        VBox.setVgrow(editor, Priority.ALWAYS);
        center.setPadding(new Insets(0, 8, 8, 8));
        center.setMinWidth(280);

        Label progressTitle = new Label();
        progressTitle.textProperty().bind(i18n.bind("session.progress"));
        progressTitle.getStyleClass().add("section-title");
        signerRows.setId("sessionProgress");
        Label noSigners = new Label();
        noSigners.textProperty().bind(i18n.bind("session.progress.none"));
        noSigners.getStyleClass().add(Styles.MUTED);
        noSigners.setWrapText(true);
        vm.signers().addListener((ListChangeListener<SessionViewModel.SignerProgress>) c -> rebuildSigners(noSigners));
        i18n.localeProperty().addListener((o, a, b) -> {
            rebuildSigners(noSigners);
            rebuildSteps();
        });
        rebuildSigners(noSigners);
        ScrollPane signerScroll = new ScrollPane(signerRows);
        signerScroll.setFitToWidth(true);
        signerScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        stepRows.setId("sessionSteps");
        stepRows.managedProperty().bind(vm.phaseValueProperty().isNotEqualTo(WorkstationFlow.Phase.LIVE));
        stepRows.visibleProperty().bind(stepRows.managedProperty());
        vm.phaseValueProperty().addListener((o, a, b) -> rebuildSteps());
        vm.sealStepProperty().addListener((o, a, b) -> rebuildSteps());
        rebuildSteps();
        freeze.setId("sessionFreeze");
        freeze.textProperty().bind(Bindings.when(preparing).then(i18n.bind("session.freeze.preparing"))
                .otherwise(i18n.bind("session.freeze")));
        freeze.setMaxWidth(Double.MAX_VALUE);
        freeze.setWrapText(true);
        freeze.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        freeze.setMinHeight(Region.USE_PREF_SIZE);
        freeze.getStyleClass().add("accent");
        freeze.disableProperty().bind(vm.canFreezeBinding().not().or(preparing));
        freeze.setOnAction(e -> confirmAndFreeze());
        autoplay.setId("sessionAutoplay");
        autoplay.textProperty().bind(i18n.bind("session.autoplay"));
        autoplay.setMaxWidth(Double.MAX_VALUE);
        autoplay.setWrapText(true);
        autoplay.setVisible(false);
        autoplay.setManaged(false);
        autoplay.setOnAction(e -> {
            autoplay.setDisable(true);
            onAutoplay.run();
        });
        Button retry = new Button();
        retry.setId("sessionRetrySigning");
        retry.textProperty().bind(i18n.bind("session.retrySigning"));
        retry.setMaxWidth(Double.MAX_VALUE);
        retry.setWrapText(true);
        retry.getStyleClass().add("accent");
        retry.visibleProperty().bind(vm.localSigningWaitingProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> vm.retryLocalSigning());
        Label problem = new Label();
        problem.setId("sessionProblem");
        problem.textProperty().bind(vm.problemProperty());
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.ERROR_TEXT);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label diagnostics = new Label();
        diagnostics.setId("sessionDiagnostics");
        diagnostics.textProperty().bind(vm.diagnosticsProperty());
        diagnostics.getStyleClass().add(Styles.MUTED);
        diagnostics.setWrapText(true);
        TitledPane diagnosticsPane = new TitledPane();
        diagnosticsPane.setId("sessionDiagnosticsPane");
        diagnosticsPane.textProperty().bind(i18n.bind("session.diagnostics"));
        diagnosticsPane.setContent(diagnostics);
        diagnosticsPane.setExpanded(false);
        diagnosticsPane.setAnimated(false);
        VBox right = new VBox(8, progressTitle, signerScroll, stepRows, problem, retry, freeze, autoplay,
                diagnosticsPane);
        VBox.setVgrow(signerScroll, Priority.ALWAYS);
        right.setPadding(new Insets(0, 12, 8, 8));
        right.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(240, Math.min(380,
                getWidth() * 0.26)), widthProperty()));
        right.setMinWidth(240);

        setTop(top);
        setLeft(left);
        setCenter(center);
        setRight(right);

        Timeline tick = new Timeline(new KeyFrame(Duration.millis(500), e -> {
            vm.refreshLatency();
            if (!currentStep.isEmpty()) {
                rebuildSteps();
            }
        }));
        tick.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                tick.play();
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN),
                        () -> mute.setSelected(!mute.isSelected()));
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                        freeze::fire);
            } else {
                tick.stop();
            }
        });
        showCorrections(editor.getText());
    }

    /** Offers the demo's script player (a button). */
    public void setAutoplay(Runnable play) {
        onAutoplay = play;
        autoplay.setVisible(play != null);
        autoplay.setManaged(play != null);
    }

    /** What the hang-up button does after the officer confirmed: close the call and the recording. */
    public void setHangUp(Runnable hangUp) {
        onHangUp = hangUp;
    }

    public TextArea editor() {
        return editor;
    }

    /** Freeze and send, as the button does (with its confirmation). */
    public void freeze() {
        freeze.fire();
    }

    /** The sink the media call paints into. */
    public VideoPane video() {
        return video;
    }

    /** Renders the record as it would be frozen, shows what will be frozen, and freezes once confirmed. */
    private void confirmAndFreeze() {
        if (!vm.canFreezeBinding().get() || preparing.get()) {
            return;
        }
        var data = vm.data(editor.getText());
        preparing.set(true);
        ctx.tasks().run(() -> vm.flow().previewFreeze(data), preview -> {
            preparing.set(false);
            int answer = ctx.dialogs().ask(i18n.text("session.freeze.confirmTitle"), vm.freezeSummary(preview),
                    List.of(i18n.text("session.freeze.confirm"), i18n.text("dialog.cancel")));
            if (answer != 0) {
                return;
            }
            preparing.set(true);
            ctx.tasks().run(() -> vm.flow().freezeAndSend(data), sha -> preparing.set(false), failure -> {
                preparing.set(false);
                ctx.dialogs().showError(i18n.text("session.freeze.failed"), CoreText.describe(i18n, failure));
            });
        }, failure -> {
            preparing.set(false);
            ctx.dialogs().showError(i18n.text("session.freeze.failed"), CoreText.describe(i18n, failure));
        });
    }

    private void hangUp() {
        boolean sealed = vm.phaseValueProperty().get() == WorkstationFlow.Phase.SEALED;
        int answer = ctx.dialogs().ask(i18n.text("session.hangUp.title"),
                i18n.text(sealed ? "session.hangUp.sealed" : "session.hangUp.unsealed"),
                List.of(i18n.text("session.hangUp"), i18n.text("dialog.cancel")));
        if (answer != 0) {
            return;
        }
        vm.hungUp();
        if (onHangUp != null) {
            onHangUp.run();
        }
    }

    /** Replaces the selected words by a correction: the old words struck through, the new ones written after. */
    private void correctSelection() {
        String old = editor.getSelectedText();
        if (old.isBlank() || old.contains("{~~") || old.contains("~~}")) {
            return;
        }
        var range = editor.getSelection();
        TextInputDialog ask = new TextInputDialog(old);
        ask.setTitle(i18n.text("session.correct"));
        ask.setHeaderText(i18n.text("session.correct.ask", old));
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && !s.equals(old)).ifPresent(now -> {
            editor.replaceText(range, "{~~" + old + "~>" + now + "~~}");
            editor.positionCaret(range.getStart());
        });
    }

    /** The corrections in the text, as the document shows them: the old words struck through, then the new. */
    private void showCorrections(String text) {
        corrections.getChildren().clear();
        Matcher m = CORRECTION.matcher(text == null ? "" : text);
        while (m.find()) {
            Text was = new Text(m.group(1));
            was.setStrikethrough(true);
            was.getStyleClass().add("correction-old");
            Text arrow = new Text(" → ");
            arrow.getStyleClass().add("correction-arrow");
            Text now = new Text(m.group(2));
            now.setUnderline(true);
            now.getStyleClass().add("correction-new");
            TextFlow flow = new TextFlow(was, arrow, now);
            flow.getStyleClass().add("correction");
            corrections.getChildren().add(flow);
        }
        if (!corrections.getChildren().isEmpty()) {
            Label label = new Label();
            label.textProperty().bind(i18n.bind("session.corrections"));
            label.getStyleClass().add(Styles.MUTED);
            corrections.getChildren().add(0, label);
        }
    }

    private void rebuildSigners(Label empty) {
        signerRows.getChildren().clear();
        if (vm.signers().isEmpty()) {
            signerRows.getChildren().add(empty);
            return;
        }
        int i = 0;
        for (SessionViewModel.SignerProgress p : vm.signers()) {
            Label who = new Label(i18n.text("session.signer", p.signer().name(),
                    i18n.text("signerRole." + p.signer().role().name())));
            who.getStyleClass().add("signer-name");
            who.setWrapText(true);
            Label where = new Label(i18n.text(p.atTerminal() ? "session.side.terminal" : "session.side.workstation"));
            where.getStyleClass().add(Styles.MUTED);
            where.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(8, who, gap, where);
            Label state = new Label(p.done() ? i18n.text("session.progress.done", p.total())
                    : i18n.text("session.progress.next", p.signed(), p.total(), p.next().pageIndex() + 1,
                            i18n.text("session.kind." + p.next().kind().name())));
            state.setWrapText(true);
            ProgressBar bar = new ProgressBar(p.total() == 0 ? 0 : (double) p.signed() / p.total());
            bar.setMaxWidth(Double.MAX_VALUE);
            VBox row = new VBox(3, head, state, bar);
            row.setId("signer-" + i++);
            row.getStyleClass().add(Styles.FORM_SECTION);
            signerRows.getChildren().add(row);
        }
    }

    /** The steps from freezing to filed: done, under way (with its seconds), or to come. */
    private void rebuildSteps() {
        WorkstationFlow.Phase p = vm.phaseValueProperty().get();
        String seal = vm.sealStepProperty().get();
        int current;
        if (p == WorkstationFlow.Phase.SEALED) {
            current = STEPS.size();
        } else if (p == WorkstationFlow.Phase.SIGNING) {
            current = STEPS.indexOf("TERMINAL");
        } else if (p == WorkstationFlow.Phase.LOCAL_SIGNING) {
            current = seal == null || seal.isEmpty() || !STEPS.contains(seal) ? STEPS.indexOf("WORKSTATION")
                    : STEPS.indexOf(seal);
        } else if (p == WorkstationFlow.Phase.FAILED) {
            current = currentStep.isEmpty() ? 0 : STEPS.indexOf(currentStep);
        } else {
            current = -1;
        }
        String now = current >= 0 && current < STEPS.size() ? STEPS.get(current) : "";
        if (!now.equals(currentStep)) {
            currentStep = now;
            stepStarted = System.nanoTime();
        }
        stepRows.getChildren().clear();
        Label heading = new Label(i18n.text("session.steps"));
        heading.getStyleClass().add("section-title");
        stepRows.getChildren().add(heading);
        for (int i = 0; i < STEPS.size(); i++) {
            String name = i18n.text("session.step." + STEPS.get(i));
            Label row;
            if (i < current) {
                row = new Label(i18n.text("session.step.done", name));
                row.getStyleClass().add("step-done");
            } else if (i == current) {
                long seconds = (System.nanoTime() - stepStarted) / 1_000_000_000L;
                row = new Label(i18n.text(p == WorkstationFlow.Phase.FAILED ? "session.step.failed"
                        : "session.step.current", name, seconds));
                row.getStyleClass().add(p == WorkstationFlow.Phase.FAILED ? Styles.ERROR_TEXT : "step-current");
                row.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
            } else {
                row = new Label(i18n.text("session.step.todo", name));
                row.getStyleClass().add(Styles.MUTED);
            }
            row.setId("step-" + STEPS.get(i));
            stepRows.getChildren().add(row);
        }
    }
}
