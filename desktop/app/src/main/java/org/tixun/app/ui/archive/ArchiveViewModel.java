// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.time.LocalDate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tixun.app.ui.AppContext;
import org.tixun.core.records.RecordQuery;
import org.tixun.core.records.RecordStatus;
import org.tixun.core.records.RecordSummary;

/** The clerk's record list: free text, kind, status and date filters with paging. */
public final class ArchiveViewModel {
    public static final int PAGE_SIZE = 50;

    private final AppContext ctx;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<AppContext.TemplateChoice> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private RecordQuery.Sort sort = RecordQuery.Sort.CREATED;
    private boolean ascending;
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<RecordSummary> rows = FXCollections.observableArrayList();
    private final org.tixun.app.i18n.LocalizedText message;

    public ArchiveViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.message = new org.tixun.app.i18n.LocalizedText(ctx.i18n());
    }

    /** Runs the query for the current filters from page 0. */
    public void search() {
        page.set(0);
        load();
    }

    /** Sorts in the database (all records, not just the page shown) and goes back to the first page. */
    public void sortBy(RecordQuery.Sort newSort, boolean asc) {
        if (newSort != sort || asc != ascending) {
            sort = newSort;
            ascending = asc;
            search();
        }
    }

    public void nextPage() {
        if ((page.get() + 1) * PAGE_SIZE < total.get()) {
            page.set(page.get() + 1);
            load();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            load();
        }
    }

    public RecordQuery query() {
        AppContext.TemplateChoice k = kind.get();
        return new RecordQuery(text.get(), k == null ? null : k.kind(), status.get(), from.get(), to.get(),
                page.get() * PAGE_SIZE, PAGE_SIZE, sort, ascending);
    }

    private void load() {
        if (from.get() != null && to.get() != null && from.get().isAfter(to.get())) {
            message.set("archive.error.dates");
            return;
        }
        RecordQuery q = query();
        ctx.tasks().run(() -> new Page(ctx.core().records().search(q), ctx.core().records().count(q)), p -> {
            rows.setAll(p.rows());
            total.set(p.total());
            message.set("archive.summary", p.total(), page.get() + 1,
                    Math.max(1, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        }, e -> message.set("error.unexpected", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    private record Page(java.util.List<RecordSummary> rows, int total) {
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<AppContext.TemplateChoice> kindProperty() {
        return kind;
    }

    public ObjectProperty<RecordStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ObservableList<RecordSummary> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public java.util.List<AppContext.TemplateChoice> kinds() {
        return ctx.templates();
    }
}
