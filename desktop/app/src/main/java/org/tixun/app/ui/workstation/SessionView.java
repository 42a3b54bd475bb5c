// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.VideoPane;

/**
 * The workstation's remote session screen: link state and terminal name, two-way video (remote large, own camera
 * small), the Q&A editor feeding the live record on the terminal, private mute (Ctrl+M), freeze and send for signing
 * (Ctrl+Enter), and the signing progress per signer and page.
 */
public final class SessionView extends BorderPane {
    private final VideoPane video;
    private final TextArea editor = new TextArea();
    private final Button freeze = new Button();
    private final Button autoplay = new Button();
    private Runnable onAutoplay;

    public SessionView(AppContext ctx, SessionViewModel vm) {
        I18n i18n = ctx.i18n();
        setId("sessionView");
        Label title = new Label();
        title.textProperty().bind(i18n.bind("session.title"));
        title.getStyleClass().add("section-title");
        Label link = new Label();
        link.setId("sessionLinkState");
        link.textProperty().bind(vm.linkStateProperty());
        link.getStyleClass().add(Styles.STATUS_BADGE);
        Label terminal = new Label();
        terminal.setId("sessionTerminal");
        terminal.textProperty().bind(vm.terminalNameProperty());
        Label recording = new Label();
        recording.setId("sessionRecording");
        recording.textProperty().bind(vm.recordingProperty());
        recording.getStyleClass().add(Styles.MUTED);
        Label phase = new Label();
        phase.setId("sessionPhase");
        phase.textProperty().bind(vm.phaseProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, link, terminal, spacer, recording, phase);
        top.setPadding(new Insets(10, 12, 6, 12));

        video = new VideoPane(i18n);
        video.setPrefSize(340, 255);
        ToggleButton mute = new ToggleButton();
        mute.setId("sessionMute");
        mute.textProperty().bind(i18n.bind("session.mute"));
        mute.selectedProperty().bindBidirectional(vm.mutedProperty());
        Label muteHint = new Label();
        muteHint.textProperty().bind(javafx.beans.binding.Bindings.when(vm.mutedProperty())
                .then(i18n.bind("session.mute.on")).otherwise(i18n.bind("session.mute.off")));
        muteHint.getStyleClass().add(Styles.MUTED);
        VBox left = new VBox(8, video, new HBox(8, mute, muteHint));
        left.setPadding(new Insets(0, 8, 8, 12));
        left.setPrefWidth(360);
        left.setMaxWidth(360);
        VBox.setVgrow(video, Priority.ALWAYS);

        editor.setId("sessionEditor");
        editor.setWrapText(true);
        editor.setPromptText(i18n.text("session.editor.prompt"));
        i18n.localeProperty().addListener((o, a, b) -> editor.setPromptText(i18n.text("session.editor.prompt")));
        editor.setStyle("-fx-font-size: 15px;");
        editor.textProperty().addListener((o, a, text) -> {
            // The caret moves after the text changed: read it once this change is done (same pulse).
            long keystroke = System.nanoTime();
            javafx.application.Platform.runLater(() -> vm.edited(editor.getText(), editor.getCaretPosition(), keystroke));
        });
        // A resumed session: what was typed before the program was closed, pushed to the terminal again.
        vm.typedText().ifPresent(text -> {
            editor.setText(text);
            editor.positionCaret(editor.getLength());
        });
        Label latency = new Label();
        latency.setId("sessionLatency");
        latency.textProperty().bind(vm.latencyProperty());
        latency.getStyleClass().add(Styles.MUTED);
        Label editorTitle = new Label();
        editorTitle.textProperty().bind(i18n.bind("session.editor.title"));
        VBox center = new VBox(6, editorTitle, editor, latency);
        VBox.setVgrow(editor, Priority.ALWAYS);
        center.setPadding(new Insets(0, 8, 8, 8));

        ListView<String> progress = new ListView<>(vm.progress());
        progress.setId("sessionProgress");
        Label progressTitle = new Label();
        progressTitle.textProperty().bind(i18n.bind("session.progress"));
        freeze.setId("sessionFreeze");
        freeze.textProperty().bind(i18n.bind("session.freeze"));
        freeze.setDefaultButton(false);
        freeze.setMaxWidth(Double.MAX_VALUE);
        freeze.getStyleClass().add("accent");
        freeze.setOnAction(e -> freeze(ctx, vm, editor.getText()));
        autoplay.setId("sessionAutoplay");
        autoplay.textProperty().bind(i18n.bind("session.autoplay"));
        autoplay.setMaxWidth(Double.MAX_VALUE);
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
        retry.getStyleClass().add("accent");
        retry.visibleProperty().bind(vm.localSigningWaitingProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> vm.retryLocalSigning());
        Label problem = new Label();
        problem.setId("sessionProblem");
        problem.textProperty().bind(vm.problemProperty());
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.ERROR_TEXT);
        VBox right = new VBox(8, progressTitle, progress, problem, retry, freeze, autoplay);
        VBox.setVgrow(progress, Priority.ALWAYS);
        right.setPadding(new Insets(0, 12, 8, 8));
        right.setPrefWidth(340);

        setTop(top);
        setLeft(left);
        setCenter(center);
        setRight(right);

        Timeline tick = new Timeline(new KeyFrame(Duration.millis(500), e -> vm.refreshLatency()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN),
                        () -> mute.setSelected(!mute.isSelected()));
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                        freeze::fire);
            }
        });
    }

    /** Offers the demo's script player (a button). */
    public void setAutoplay(Runnable play) {
        onAutoplay = play;
        autoplay.setVisible(play != null);
        autoplay.setManaged(play != null);
    }

    public TextArea editor() {
        return editor;
    }

    /** Freeze and send, as the button does. */
    public void freeze() {
        freeze.fire();
    }

    /** The sink the media call paints into. */
    public VideoPane video() {
        return video;
    }

    private static void freeze(AppContext ctx, SessionViewModel vm, String text) {
        var data = vm.data(text);
        Thread t = new Thread(() -> {
            try {
                vm.flow().freezeAndSend(data);
            } catch (Exception e) {
                javafx.application.Platform.runLater(() -> ctx.dialogs().showError(
                        ctx.i18n().text("session.freeze.failed"), e.getMessage()));
            }
        }, "tixun-freeze");
        t.setDaemon(true);
        t.start();
    }
}
