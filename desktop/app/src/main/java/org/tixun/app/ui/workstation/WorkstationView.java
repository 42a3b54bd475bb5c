// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Forms;
import org.tixun.app.ui.Styles;
import org.tixun.core.cases.CaseService.CaseSummary;
import org.tixun.core.records.RecordSummary;

/** Workstation main screen: case list with search on the left, the open case and its records on the right. */
public final class WorkstationView extends BorderPane {
    private final TextField search = new TextField();

    public WorkstationView(AppContext ctx, WorkstationViewModel vm) {
        I18n i18n = ctx.i18n();
        search.setId("caseSearch");
        search.promptTextProperty().bind(i18n.bind("workstation.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());

        TableView<CaseSummary> table = new TableView<>(vm.cases());
        table.setId("caseTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var number = Forms.column(i18n, "case.number", CaseSummary::caseNumber, 170);
        Forms.contentMinWidth(number, 190);
        var cause = Forms.column(i18n, "column.cause", CaseSummary::causeOfAction, 90);
        Forms.contentMinWidth(cause, 64);
        var suspect = Forms.column(i18n, "workstation.suspect",
                (CaseSummary s) -> s.suspectName() == null ? "" : s.suspectName(), 80);
        Forms.contentMinWidth(suspect, 72);
        var count = Forms.column(i18n, "workstation.records", (CaseSummary s) -> Integer.toString(s.recordCount()), 90);
        Forms.contentMinWidth(count, 90);
        table.getColumns().addAll(java.util.List.of(number, cause, suspect, count));
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind("workstation.noCases"));
        table.setPlaceholder(empty);
        // Switching cases with unsaved edits asks first: save, discard, or stay.
        boolean[] reverting = {false};
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (reverting[0] || b == null) {
                return;
            }
            if (a != null && a.id().equals(b.id())) {
                return;
            }
            if (!vm.hasUnsavedEdits()) {
                vm.open(b);
                return;
            }
            switch (askUnsaved(ctx)) {
                case 0 -> vm.save(saved -> vm.open(b));
                case 1 -> vm.open(b);
                default -> {
                    reverting[0] = true;
                    javafx.application.Platform.runLater(() -> {
                        if (a == null) {
                            table.getSelectionModel().clearSelection();
                        } else {
                            table.getItems().stream().filter(c -> c.id().equals(a.id())).findFirst()
                                    .ifPresent(table.getSelectionModel()::select);
                        }
                        reverting[0] = false;
                    });
                }
            }
        });


        // A reloaded list (after a save or a session) keeps the open case selected; the first fill opens the most
        // recent case, so the screen starts with work on it.
        vm.cases().addListener((javafx.collections.ListChangeListener<CaseSummary>) c -> {
            String open = vm.editor().caseId();
            if (open != null) {
                reverting[0] = true;
                try {
                    table.getItems().stream().filter(x -> x.id().equals(open)).findFirst()
                            .ifPresentOrElse(table.getSelectionModel()::select,
                                    table.getSelectionModel()::clearSelection);
                } finally {
                    reverting[0] = false;
                }
            } else if (table.getSelectionModel().isEmpty() && !vm.editor().dirtyProperty().get()
                    && !vm.cases().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });

        Button newCase = new Button();
        newCase.setId("newCase");
        newCase.setGraphic(new FontIcon(Material2AL.ADD));
        newCase.textProperty().bind(i18n.bind("workstation.newCase"));
        newCase.setOnAction(e -> {
            if (vm.hasUnsavedEdits()) {
                int answer = askUnsaved(ctx);
                if (answer == 0) {
                    vm.save(saved -> {
                        table.getSelectionModel().clearSelection();
                        vm.newCase();
                    });
                    return;
                } else if (answer != 1) {
                    return;
                }
            }
            reverting[0] = true;
            table.getSelectionModel().clearSelection();
            reverting[0] = false;
            vm.newCase();
        });
        VBox left = new VBox(8, new HBox(8, search, newCase), table);
        HBox.setHgrow(search, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        left.setMinWidth(360);

        CaseEditorView editor = new CaseEditorView(i18n, vm.editor());
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        scroll.setId("caseEditorScroll");

        Button save = new Button();
        save.setId("saveCase");
        save.setGraphic(new FontIcon(Material2MZ.SAVE));
        save.textProperty().bind(i18n.bind("workstation.save"));
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.editor().busyProperty());
        save.setOnAction(e -> vm.save());

        ComboBox<AppContext.TemplateChoice> template = new ComboBox<>();
        template.setId("templateChoice");
        template.getItems().setAll(vm.templates());
        template.valueProperty().bindBidirectional(vm.templateProperty());
        Forms.relabel(i18n, template, () -> Forms.converter(t -> t.title(i18n.locale())));
        Button start = new Button();
        start.setId("startRecord");
        start.setGraphic(new FontIcon(Material2AL.DESCRIPTION));
        start.textProperty().bind(i18n.bind("workstation.startRecord"));
        start.setOnAction(e -> vm.startRecord());

        TableView<RecordSummary> records = new TableView<>(vm.records());
        records.setId("recordTable");
        records.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        records.getColumns().add(Forms.column(i18n, "record.title", RecordSummary::title, 220));
        var recordStatus = Forms.column(i18n, "record.status", (RecordSummary r) -> i18n.text("status." + r.status().name()), 90);
        Forms.contentMinWidth(recordStatus, 80);
        var recordCreated = Forms.column(i18n, "record.created",
                (RecordSummary r) -> r.createdAt().substring(0, 16).replace('T', ' '), 140);
        Forms.contentMinWidth(recordCreated, 130);
        records.getColumns().addAll(java.util.List.of(recordStatus, recordCreated));
        Label noRecords = new Label();
        noRecords.textProperty().bind(i18n.bind("workstation.noRecords"));
        records.setPlaceholder(noRecords);
        records.setPrefHeight(120);
        RemoteSessionActions remote = new RemoteSessionActions(ctx, vm::reload);
        Button remoteSession = new Button();
        remoteSession.setId("startRemoteSession");
        remoteSession.setGraphic(new FontIcon(Material2MZ.VIDEOCAM));
        remoteSession.textProperty().bind(i18n.bind("session.remote.start"));
        remoteSession.getStyleClass().add("accent");
        remoteSession.disableProperty().bind(records.getSelectionModel().selectedItemProperty().isNull());
        remoteSession.setOnAction(e -> remote.startSession(records.getSelectionModel().getSelectedItem()));
        Button terminals = new Button();
        terminals.setId("openTerminals");
        terminals.setGraphic(new FontIcon(Material2AL.DEVICES));
        terminals.textProperty().bind(i18n.bind("terminals.button"));
        terminals.setOnAction(e -> remote.terminalsDialog().show());

        Label status = new Label();
        status.setId("workstationStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (javafx.scene.control.Control c : java.util.List.of(save, start, terminals, remoteSession, newCase)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        template.setMinWidth(Region.USE_PREF_SIZE);
        noRecords.setWrapText(true);
        HBox actions = new HBox(8, save, spacer, template, start);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label recordsTitle = new Label();
        recordsTitle.textProperty().bind(i18n.bind("workstation.recordsOfCase"));
        recordsTitle.getStyleClass().add("section-title");
        recordsTitle.setWrapText(true);
        VBox.setVgrow(records, Priority.ALWAYS);
        Region recordsSpacer = new Region();
        HBox.setHgrow(recordsSpacer, Priority.ALWAYS);
        HBox recordsHeader = new HBox(8, recordsTitle, recordsSpacer, terminals, remoteSession);
        recordsHeader.setAlignment(Pos.CENTER_LEFT);
        VBox recordsBox = new VBox(8, recordsHeader, records);
        recordsBox.setPadding(new Insets(10, 16, 12, 16));
        VBox bar = new VBox(6, actions, status);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add(Styles.FORM_SECTION);
        BorderPane editorPane = new BorderPane(scroll);
        editorPane.setBottom(bar);
        // On a small or scaled screen the form keeps room to work in; the records list gives way first.
        editorPane.setMinHeight(200);
        scroll.setMinHeight(100);
        records.setMinHeight(70);
        recordsBox.setMinHeight(120);
        // The form gets most of the height; the divider lets the user give the records more.
        SplitPane right = new SplitPane(editorPane, recordsBox);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.74);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.36);
        setCenter(split);

        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                        newCase::fire);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                        save::fire);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        search::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), remoteSession::fire);
            }
        });
        vm.refresh();
    }

    /** Save / don't save / cancel: the answer's index (-1 closed). */
    private static int askUnsaved(AppContext ctx) {
        I18n i18n = ctx.i18n();
        return ctx.dialogs().ask(i18n.text("workstation.unsaved.title"), i18n.text("workstation.unsaved.message"),
                java.util.List.of(i18n.text("workstation.unsaved.save"), i18n.text("workstation.unsaved.discard"),
                        i18n.text("dialog.cancel")));
    }
}
