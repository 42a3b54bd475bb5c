// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Forms;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;
import org.tixun.core.recording.SegmentPlayer;

/** The 「录像 (Recording)」 tab of the record detail: segments with check results, gaps/events, chain head, playback. */
final class RecordingTab extends javafx.scene.control.SplitPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final RecordingViewModel vm;
    private final ImageView video = new ImageView();
    private final Slider position = new Slider(0, 1, 0);
    private final Label time = new Label();
    private SegmentPlayer player;
    private boolean updatingSlider;

    RecordingTab(AppContext ctx, RecordingViewModel vm) {
        this.vm = vm;
        I18n i18n = ctx.i18n();
        Label head = new Label();
        head.setId("recordingChainHead");
        head.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        // The chain head abbreviated to fit (first 16 and last 8 hex digits); the whole value in the tooltip.
        head.textProperty().bind(Bindings.createStringBinding(() -> vm.manifestProperty().get() == null ? ""
                : i18n.text("recording.chainHead", abbreviate(vm.manifestProperty().get().chainHead())),
                vm.manifestProperty(), i18n.localeProperty()));
        javafx.scene.control.Tooltip headTip = new javafx.scene.control.Tooltip();
        headTip.textProperty().bind(Bindings.createStringBinding(() -> vm.manifestProperty().get() == null ? ""
                : vm.manifestProperty().get().chainHead(), vm.manifestProperty()));
        head.setTooltip(headTip);
        Label message = new Label();
        message.setId("recordingMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Problems name files and hashes in full (the clerk copies them): a read-only text area that wraps them.
        javafx.scene.control.TextArea problem = new javafx.scene.control.TextArea();
        problem.setId("recordingProblem");
        problem.setEditable(false);
        problem.setWrapText(true);
        problem.setPrefRowCount(4);
        problem.getStyleClass().add(org.tixun.app.ui.Styles.ERROR_TEXT);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        ProgressBar progress = new ProgressBar();
        progress.setId("recordingProgress");
        progress.progressProperty().bind(vm.progressProperty());
        Button verify = new Button();
        verify.textProperty().bind(i18n.bind("recording.verify"));
        verify.disableProperty().bind(vm.manifestProperty().isNull());
        verify.setOnAction(e -> vm.verify());
        Button export = new Button();
        export.setId("recordingExport");
        export.textProperty().bind(i18n.bind("recording.export"));
        export.disableProperty().bind(vm.manifestProperty().isNull());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.titleProperty().bind(i18n.bind("recording.export"));
            chooser.setInitialFileName(org.tixun.core.recording.RecordingExport.WORKING_COPY_NAME);
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        });

        TableView<RecordingViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("recordingSegments");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Forms.column(i18n, "recording.col.index", r -> Integer.toString(r.segment().index()), 40));
        table.getColumns().add(Forms.column(i18n, "recording.col.time", r -> TIME.format(r.segment().start()) + " – "
                + TIME.format(r.segment().end()), 140));
        table.getColumns().add(Forms.column(i18n, "recording.col.size", r -> String.format("%.1f KB",
                r.segment().size() / 1024.0), 80));
        table.getColumns().add(Forms.column(i18n, "recording.col.status", r -> i18n.text("recording.status."
                + r.segment().status().name()), 70));
        table.getColumns().add(Forms.column(i18n, "recording.col.check", r -> r.check() == null ? "…"
                : (r.check().ok() ? "✓ " : "✗ ") + (zh(i18n) ? r.check().zh() : r.check().en()), 260));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> open(row, ctx));
        Forms.placeholder(i18n, table, "recording.empty");

        ListView<RecordingManifest.Event> events = new ListView<>(vm.events());
        events.setId("recordingEvents");
        events.setPrefHeight(110);
        events.setMinHeight(56);
        events.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RecordingManifest.Event e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : TIME.format(e.from()) + (e.to() == null ? "" : " – "
                        + TIME.format(e.to())) + "  " + (zh(i18n) ? e.kind().zh() : e.kind().en())
                        + (e.reason() == null ? "" : (zh(i18n) ? "：" : ": ")
                                + org.tixun.app.i18n.CoreText.localize(i18n.locale(), e.reason()))
                        + (e.actor() == null ? "" : "  [" + e.actor() + "]"));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label eventsTitle = new Label();
        eventsTitle.textProperty().bind(i18n.bind("recording.events"));
        verify.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(40);
        HBox.setHgrow(progress, Priority.SOMETIMES);
        HBox actions = new HBox(8, verify, progress, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        head.setWrapText(true);
        VBox left = new VBox(8, head, actions, message, problem, table, eventsTitle, events);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setMinWidth(260);

        video.setPreserveRatio(true);
        video.setId("recordingVideo");
        Button play = new Button();
        play.setId("recordingPlay");
        play.textProperty().bind(i18n.bind("recording.play"));
        play.setOnAction(e -> {
            if (player != null) {
                if (player.playing()) {
                    player.pause();
                } else {
                    player.play();
                }
            }
        });
        position.valueProperty().addListener((o, a, v) -> {
            if (!updatingSlider && player != null) {
                player.seek((long) (v.doubleValue() * player.durationMicros()));
            }
        });
        HBox.setHgrow(position, Priority.ALWAYS);
        HBox controls = new HBox(8, play, position, time);
        controls.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.StackPane screen = new javafx.scene.layout.StackPane(video);
        screen.getStyleClass().add("video-screen");
        // The picture scales with the room it gets (4:3), from a thumbnail to full size: no fixed 480 px that
        // squeezes the segment list at 150 %.
        screen.setMinSize(160, 120);
        screen.setPrefSize(480, 360);
        video.fitWidthProperty().bind(screen.widthProperty());
        video.fitHeightProperty().bind(screen.heightProperty());
        time.setMinWidth(Region.USE_PREF_SIZE);
        play.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("recording.selectHint"));
        hint.setWrapText(true);
        VBox right = new VBox(8, screen, controls, hint);
        VBox.setVgrow(screen, Priority.ALWAYS);
        right.setAlignment(Pos.TOP_LEFT);
        right.setMinWidth(200);
        right.setPadding(new Insets(0, 0, 0, 4));
        left.setPadding(new Insets(0, 4, 0, 0));
        getItems().addAll(left, right);
        setDividerPositions(0.62);
        setPadding(new Insets(8));
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                closePlayer();
            }
        });
    }

    private static boolean zh(I18n i18n) {
        return I18n.CHINESE.getLanguage().equals(i18n.locale().getLanguage());
    }

    private void open(RecordingViewModel.Row row, AppContext ctx) {
        closePlayer();
        if (row == null || row.check() != null && row.check().status() == RecordingVerifier.Status.MISSING) {
            return;
        }
        java.nio.file.Path file = vm.file(row.segment());
        player = new SegmentPlayer(file, (img, t) -> Platform.runLater(() -> {
            video.setImage(SwingFXUtils.toFXImage(img, null));
            SegmentPlayer p = player;
            if (p != null && p.durationMicros() > 0) {
                updatingSlider = true;
                position.setValue((double) t / p.durationMicros());
                updatingSlider = false;
            }
            time.setText(String.format("%.1f s", t / 1e6));
        }), e -> Platform.runLater(() -> time.setText(ctx.i18n().text("recording.failed", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)))));
    }

    void closePlayer() {
        if (player != null) {
            player.close();
            player = null;
        }
    }

    /** A SHA-256 in hex shortened for a label: its first 16 and last 8 digits. */
    static String abbreviate(String hex) {
        return hex == null || hex.length() <= 28 ? hex : hex.substring(0, 16) + "…" + hex.substring(hex.length() - 8);
    }
}
