// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.nio.file.Path;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tixun.app.ui.AppContext;
import org.tixun.core.recording.RecordingExport;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;

/**
 * The record's recording as its seal states it (filed at sealing, {@code SealedRecordings}): manifest, per-segment
 * check results (background, with progress), problems found with its files (e.g. by sync), export.
 */
public final class RecordingViewModel {
    /** One table row: the segment and, once checked, the result. */
    public record Row(RecordingManifest.Segment segment, RecordingVerifier.SegmentCheck check) {
    }

    private final AppContext ctx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<RecordingManifest.Event> events = FXCollections.observableArrayList();
    private final ObjectProperty<RecordingManifest> manifest = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final org.tixun.app.i18n.LocalizedText message;
    private final StringProperty problem = new SimpleStringProperty("");
    private Path dir;
    private String recordId;

    public RecordingViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.message = new org.tixun.app.i18n.LocalizedText(ctx.i18n());
    }

    /** Loads the record's recording and checks it in the background. */
    public void show(String recordId) {
        rows.clear();
        events.clear();
        manifest.set(null);
        progress.set(0);
        dir = null;
        this.recordId = recordId;
        message.clear();
        problem.set("");
        if (recordId == null) {
            return;
        }
        ctx.tasks().run(() -> org.tixun.core.archive.ArchiveService.of(ctx.core()).recording(recordId).orElse(null),
                loaded -> {
            if (loaded == null || !loaded.sealedWithRecording()) {
                message.set("recording.none");
                return;
            }
            dir = loaded.directory();
            manifest.set(loaded.manifest());
            loaded.manifest().segments().forEach(s -> rows.add(new Row(s, null)));
            events.setAll(loaded.manifest().events());
            problem.set(loaded.problems().stream().map(p -> ctx.i18n().text("recording.problem",
                    p.problemMessage().in(ctx.i18n().locale()))).collect(Collectors.joining("\n")));
            verify();
        }, e -> message.set("recording.failed", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    /** Re-checks every segment (hash, chain, decoding); rows update as each one is done. */
    public void verify() {
        RecordingManifest m = manifest.get();
        if (m == null) {
            return;
        }
        Path d = dir;
        progress.set(0);
        message.set("recording.checking");
        ctx.tasks().run(() -> new RecordingVerifier().verify(d, m, (done, total, check) -> fx(() -> {
            progress.set((double) done / total);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).segment().index() == check.segment().index()) {
                    rows.set(i, new Row(check.segment(), check));
                }
            }
        })), report -> {
            progress.set(1);
            message.set(report.ok() ? "recording.intact" : "recording.broken");
        }, e -> message.set("recording.failed", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    /** Writes the working copy. */
    public void export(Path out) {
        Path d = dir;
        RecordingManifest m = manifest.get();
        String subject = recordId;
        if (d == null || m == null) {
            return;
        }
        ctx.tasks().run(() -> RecordingExport.export(d, m, out), r -> {
            ctx.core().audit().append(ctx.actor(), org.tixun.core.audit.AuditAction.RECORDING_EXPORTED,
                    subject, "working copy " + r.file() + " of session " + m.sessionId());
            message.set("recording.exported", r.file());
        }, e -> message.set("recording.failed", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    private static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    public Path file(RecordingManifest.Segment s) {
        return dir == null ? null : dir.resolve(s.name());
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<RecordingManifest.Event> events() {
        return events;
    }

    public ObjectProperty<RecordingManifest> manifestProperty() {
        return manifest;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** Problems found with the record's files (a missing segment, one that no longer has its sealed hash). */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
