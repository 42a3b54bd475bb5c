// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.nio.file.Path;
import java.util.List;
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
import org.tixun.core.recording.RecordingLedger;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;

/** The record's recording: manifest, per-segment check results (background, with progress), export. */
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
        if (recordId == null) {
            return;
        }
        ctx.tasks().run(() -> {
            List<Path> dirs = RecordingLedger.recordDirectories(ctx.core().database(), recordId);
            return dirs.isEmpty() ? null : new Loaded(dirs.get(0), RecordingVerifier.manifestOf(dirs.get(0)));
        }, loaded -> {
            if (loaded == null) {
                message.set("recording.none");
                return;
            }
            dir = loaded.dir();
            manifest.set(loaded.manifest());
            loaded.manifest().segments().forEach(s -> rows.add(new Row(s, null)));
            events.setAll(loaded.manifest().events());
            verify();
        }, e -> message.set("recording.failed", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    private record Loaded(Path dir, RecordingManifest manifest) {
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
}
