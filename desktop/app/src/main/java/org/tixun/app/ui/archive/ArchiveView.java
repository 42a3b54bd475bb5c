// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.converter.LocalDateStringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Forms;
import org.tixun.core.records.RecordQuery;
import org.tixun.core.records.RecordStatus;
import org.tixun.core.records.RecordSummary;

/** The clerk's archive: filters on top, the record table, paging at the bottom. */
public final class ArchiveView extends BorderPane {
    public ArchiveView(AppContext ctx, ArchiveViewModel vm) {
        I18n i18n = ctx.i18n();
        TextField text = new TextField();
        text.setId("archiveSearch");
        text.promptTextProperty().bind(i18n.bind("archive.search"));
        text.textProperty().bindBidirectional(vm.textProperty());
        text.setOnAction(e -> vm.search());

        ComboBox<AppContext.TemplateChoice> kind = new ComboBox<>();
        kind.setId("archiveKind");
        kind.getItems().add(null);
        kind.getItems().addAll(vm.kinds());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.promptTextProperty().bind(i18n.bind("archive.allKinds"));
        // The empty choice reads "all kinds", not a blank box.
        Forms.relabel(i18n, kind, () -> allOr(i18n, "archive.allKinds", t -> t.title(i18n.locale())));
        kind.setPrefWidth(200);
        kind.setMinWidth(120);

        ComboBox<RecordStatus> status = new ComboBox<>(FXCollections.observableArrayList(RecordStatus.values()));
        status.getItems().add(0, null);
        status.setId("archiveStatus");
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.promptTextProperty().bind(i18n.bind("archive.allStatuses"));
        Forms.relabel(i18n, status, () -> allOr(i18n, "archive.allStatuses", s -> i18n.text("status." + s.name())));

        LocalDateStringConverter iso = new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ISO_LOCAL_DATE);
        DatePicker from = new DatePicker();
        from.setId("archiveFrom");
        from.setConverter(iso);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.promptTextProperty().bind(i18n.bind("archive.from"));
        from.setPrefWidth(140);
        from.setMinWidth(110);
        DatePicker to = new DatePicker();
        to.setId("archiveTo");
        to.setConverter(iso);
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.promptTextProperty().bind(i18n.bind("archive.to"));
        to.setPrefWidth(140);
        to.setMinWidth(110);

        Button search = new Button();
        search.setId("archiveSearchButton");
        search.setGraphic(new FontIcon(Material2MZ.SEARCH));
        search.textProperty().bind(i18n.bind("archive.searchButton"));
        search.getStyleClass().add("accent");
        search.setDefaultButton(true);
        search.setOnAction(e -> vm.search());
        search.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinWidth(80);
        HBox filters = new HBox(8, text, kind, status, from, to, search);
        HBox.setHgrow(text, Priority.ALWAYS);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(12));

        TableView<RecordSummary> table = new TableView<>(vm.rows());
        table.setId("archiveTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var caseNumber = Forms.column(i18n, "case.number", RecordSummary::caseNumber, 170);
        var title = Forms.column(i18n, "record.title", RecordSummary::title, 220);
        var suspect = Forms.column(i18n, "archive.suspect", (RecordSummary r) -> nz(r.suspectName()), 90);
        var interrogators = Forms.column(i18n, "archive.interrogators", (RecordSummary r) -> nz(r.interrogators()), 120);
        var statusColumn = Forms.column(i18n, "record.status",
                (RecordSummary r) -> i18n.text("status." + r.status().name()), 80);
        var created = Forms.column(i18n, "record.created",
                (RecordSummary r) -> r.createdAt().substring(0, 10), 110);
        Forms.contentMinWidth(caseNumber, 190);
        Forms.contentMinWidth(title, 120);
        Forms.contentMinWidth(suspect, 72);
        Forms.contentMinWidth(interrogators, 118);
        Forms.contentMinWidth(statusColumn, 84);
        Forms.contentMinWidth(created, 100);
        suspect.setSortable(false);
        interrogators.setSortable(false);
        java.util.Map<javafx.scene.control.TableColumn<RecordSummary, String>, RecordQuery.Sort> sorts = java.util.Map.of(
                caseNumber, RecordQuery.Sort.CASE_NUMBER, title, RecordQuery.Sort.TITLE, statusColumn,
                RecordQuery.Sort.STATUS, created, RecordQuery.Sort.CREATED);
        table.getColumns().addAll(java.util.List.of(caseNumber, title, suspect, interrogators, statusColumn, created));
        // Sorting happens in the database over every record; the table only shows the page.
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                vm.sortBy(RecordQuery.Sort.CREATED, false);
            } else {
                var column = t.getSortOrder().get(0);
                vm.sortBy(sorts.getOrDefault(column, RecordQuery.Sort.CREATED),
                        column.getSortType() == javafx.scene.control.TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind("archive.empty"));
        table.setPlaceholder(empty);

        Label summary = new Label();
        summary.setId("archiveSummary");
        summary.textProperty().bind(vm.messageProperty());
        Button prev = new Button();
        prev.setId("archivePrev");
        prev.setGraphic(new FontIcon(Material2AL.CHEVRON_LEFT));
        prev.textProperty().bind(i18n.bind("archive.prev"));
        prev.setOnAction(e -> vm.previousPage());
        Button next = new Button();
        next.setId("archiveNext");
        next.setGraphic(new FontIcon(Material2AL.CHEVRON_RIGHT));
        next.textProperty().bind(i18n.bind("archive.next"));
        next.setOnAction(e -> vm.nextPage());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pager = new HBox(8, summary, spacer, prev, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.setPadding(new Insets(8, 12, 10, 12));

        RecordDetailViewModel detailVm = new RecordDetailViewModel(ctx);
        RecordDetailView detail = new RecordDetailView(ctx, detailVm);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> detailVm.show(b));
        BorderPane listPane = new BorderPane(table);
        listPane.setBottom(pager);
        BorderPane.setMargin(table, new Insets(0, 0, 0, 12));
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(listPane, detail);
        split.setDividerPositions(0.56);
        setTop(filters);
        setCenter(split);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        text::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PAGE_DOWN), next::fire);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PAGE_UP), prev::fire);
            }
        });
        vm.search();
    }

    private static <T> javafx.util.StringConverter<T> allOr(I18n i18n, String allKey,
            java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? i18n.text(allKey) : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("display-only converter");
            }
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
