// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tixun.app.i18n.CoreText;
import org.tixun.app.ui.AppContext;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.CaseService.CaseSummary;
import org.tixun.core.cases.CaseValidationException;
import org.tixun.core.records.RecordSummary;

/** The workstation main screen: searchable case list, the case form, the case's records. */
public final class WorkstationViewModel {
    private static final int LIST_LIMIT = 500;

    private final AppContext ctx;
    private final CaseEditorViewModel editor;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<CaseSummary> cases = FXCollections.observableArrayList();
    private final ObservableList<RecordSummary> records = FXCollections.observableArrayList();
    private final ObservableList<AppContext.TemplateChoice> templates = FXCollections.observableArrayList();
    private final ObjectProperty<AppContext.TemplateChoice> template = new SimpleObjectProperty<>();
    private final org.tixun.app.i18n.LocalizedText status;

    public WorkstationViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.status = new org.tixun.app.i18n.LocalizedText(ctx.i18n());
        this.editor = new CaseEditorViewModel(ctx);
        search.addListener((o, a, b) -> refresh());
        templates.setAll(ctx.templates());
        if (!templates.isEmpty()) {
            template.set(templates.get(0));
        }
    }

    public void refresh() {
        String q = search.get();
        ctx.tasks().run(() -> ctx.core().cases().search(q, LIST_LIMIT), cases::setAll,
                e -> status.set("error.unexpected", CoreText.describe(ctx.i18n(), e)));
    }

    public void open(CaseSummary summary) {
        if (summary == null) {
            return;
        }
        ctx.tasks().run(() -> ctx.core().cases().find(summary.id()).orElseThrow(), c -> {
            editor.load(c);
            loadRecords(c.id());
            status.clear();
        }, e -> status.set("error.unexpected", CoreText.describe(ctx.i18n(), e)));
    }

    /** The open case has unsaved edits that switching away would lose. */
    public boolean hasUnsavedEdits() {
        return editor.dirtyProperty().get();
    }

    /**
     * Reloads what a remote session may have changed: the open case's records (a draft sealed) and the case list's
     * record counts.
     */
    public void reload() {
        refresh();
        if (!editor.isNew()) {
            loadRecords(editor.caseId());
        }
    }

    public void newCase() {
        editor.clear();
        records.clear();
        status.set("workstation.status.newCase");
    }

    public void save() {
        save(saved -> { });
    }

    /** Saves the case; {@code then} runs once it is stored (not when validation stops it). */
    public void save(java.util.function.Consumer<CaseFile> then) {
        editor.save(saved -> {
            status.set("workstation.status.saved", saved.caseNumber());
            refresh();
            loadRecords(saved.id());
            then.accept(saved);
        });
    }

    /** Starts a draft record of the chosen template for the open (saved) case. */
    public void startRecord() {
        AppContext.TemplateChoice choice = template.get();
        if (choice == null) {
            return;
        }
        if (editor.isNew() || editor.dirtyProperty().get()) {
            status.set("workstation.status.saveFirst");
            return;
        }
        if (!editor.validateFor(choice.kind())) {
            status.set("workstation.status.fixErrors");
            return;
        }
        CaseFile c = editor.toCase();
        String title = choice.title(ctx.i18n().locale());
        ctx.tasks().run(() -> ctx.core().records().createDraft(ctx.actor(), c, choice.kind(), title), r -> {
            status.set("workstation.status.recordStarted", r.title());
            loadRecords(c.id());
            refresh();
        }, e -> {
            if (e instanceof CaseValidationException) {
                editor.validateFor(choice.kind());
            }
            status.set("workstation.status.problem", CoreText.describe(ctx.i18n(), e));
        });
    }

    private void loadRecords(String caseId) {
        ctx.tasks().run(() -> ctx.core().records().forCase(caseId), records::setAll,
                e -> status.set("error.unexpected", CoreText.describe(ctx.i18n(), e)));
    }

    public CaseEditorViewModel editor() {
        return editor;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<CaseSummary> cases() {
        return cases;
    }

    public ObservableList<RecordSummary> records() {
        return records;
    }

    public List<AppContext.TemplateChoice> templates() {
        return templates;
    }

    public ObjectProperty<AppContext.TemplateChoice> templateProperty() {
        return template;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }
}
