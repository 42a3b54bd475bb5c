// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tixun.app.ui.AppContext;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.evidence.Replay;
import org.tixun.core.evidence.ReplayedSigner;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.records.RecordService.SealedDocument;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.setup.TrustAnchors;
import org.tixun.templates.PageImages;

/**
 * One record in the archive: its sealed document, the verification report per signature, page
 * previews, the audit trail, and signature replay after unlocking the escrow key.
 */
public final class RecordDetailViewModel {
    /** Preview resolution for page thumbnails. */
    public static final float THUMBNAIL_DPI = 40f;

    private final AppContext ctx;
    private final ObjectProperty<RecordSummary> record = new SimpleObjectProperty<>();
    private final ObjectProperty<VerificationReport> report = new SimpleObjectProperty<>();
    private final ObservableList<AuditEntry> audit = FXCollections.observableArrayList();
    private final ObservableList<BufferedImage> pages = FXCollections.observableArrayList();
    private final ObservableList<org.tixun.core.archive.EvidencePhotos.Photo> photos = FXCollections.observableArrayList();
    private final org.tixun.app.i18n.LocalizedText message;
    private final ReadOnlyStringWrapper syncText = new ReadOnlyStringWrapper("");
    private byte[] document;

    private final RecordingViewModel recording;

    public RecordDetailViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.message = new org.tixun.app.i18n.LocalizedText(ctx.i18n());
        ctx.i18n().localeProperty().addListener((o, was, now) -> refreshSync());
        this.recording = new RecordingViewModel(ctx);
    }

    /** The recording tab's model. */
    public RecordingViewModel recording() {
        return recording;
    }

    /** Loads everything about a record in the background. */
    public void show(RecordSummary summary) {
        record.set(summary);
        report.set(null);
        pages.clear();
        photos.clear();
        document = null;
        message.clear();
        recording.show(summary == null ? null : summary.id());
        if (summary == null) {
            audit.clear();
            return;
        }
        ctx.tasks().run(() -> ctx.core().audit().entriesFor(summary.id()), audit::setAll,
                e -> message.set("error.unexpected", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
        refreshSync();
        var stored = ctx.core().records().sealedDocument(summary.id());
        if (stored.isEmpty()) {
            message.set("detail.noDocument");
            return;
        }
        SealedDocument doc = stored.get();
        message.set("detail.verifying");
        ctx.tasks().run(() -> load(doc), loaded -> {
            document = loaded.pdf();
            report.set(loaded.report());
            if (loaded.report() == null) {
                message.set("detail.noTrustAnchor");
            } else if (loaded.report().ok()) {
                message.set("detail.verified");
            } else {
                message.set("detail.verifyFailed", loaded.report().failures().size());
            }
            ctx.tasks().run(() -> PageImages.renderAll(loaded.pdf(), THUMBNAIL_DPI), pages::setAll,
                    e -> message.set("error.unexpected", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
            ctx.tasks().run(() -> org.tixun.core.archive.EvidencePhotos.extract(loaded.pdf()), photos::setAll,
                    e -> message.set("error.unexpected", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
        }, e -> message.set("detail.unreadable", doc.path(),
                org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    private record Loaded(byte[] pdf, VerificationReport report) {
    }

    private Loaded load(SealedDocument doc) throws Exception {
        java.nio.file.Path path = java.nio.file.Path.of(doc.path());
        byte[] pdf = Files.readAllBytes(path);
        var anchors = TrustAnchors.load(ctx.core().dataDir());
        VerificationReport r = anchors.isEmpty() ? null
                : new Verifier(anchors).verify(path.getFileName().toString(), pdf);
        return new Loaded(pdf, r);
    }

    /** Reloads the record's delivery state: outbox state, attempts, the server's last words, the receipt. */
    public void refreshSync() {
        RecordSummary r = record.get();
        if (r == null) {
            syncText.set("");
            return;
        }
        ctx.tasks().run(() -> {
            boolean configured = ctx.core().settings().get(org.tixun.core.store.Settings.CASE_SYSTEM_URL)
                    .filter(u -> !u.isBlank()).isPresent();
            var item = org.tixun.core.archive.ArchiveService.of(ctx.core()).syncState(r.id());
            return item.map(i -> new Sync(i, org.tixun.core.sync.SyncService.of(ctx.core()).reason(i, configured)));
        }, item -> syncText.set(item.map(s -> {
            var i = s.item();
            String receipt = i.receipt().map(rc -> ctx.i18n().text("detail.sync.receipt", rc.receiptId(),
                    rc.receivedAt(), rc.documentSha256())).orElse(ctx.i18n().text("detail.sync.noReceipt"));
            return ctx.i18n().text("detail.sync.state", ctx.i18n().text("outbox." + i.state().name()), i.attempts(),
                    i.destination() == null ? "-" : i.destination(), i.lastError() == null ? "-" : i.lastError())
                    + "\n" + reason(s.reason()) + "\n" + receipt;
        }).orElse(ctx.i18n().text("detail.sync.notQueued"))),
                e -> syncText.set(ctx.i18n().text("error.unexpected",
                        org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e))));
    }

    private record Sync(org.tixun.core.sync.SyncItem item, org.tixun.core.sync.WaitReason reason) {
    }

    /** Why the delivery is where it is, in the clerk's language. */
    private String reason(org.tixun.core.sync.WaitReason why) {
        String next = why.nextAttemptAt() == null ? "-" : java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault())
                .format(why.nextAttemptAt());
        return ctx.i18n().text("sync.reason." + why.code().name(), why.detail() == null ? "-"
                : org.tixun.app.i18n.CoreText.localize(ctx.i18n().locale(), why.detail()), next);
    }

    /** Queues the record again after a refusal (409/412/422 are never retried on their own). */
    public void retrySync() {
        RecordSummary r = record.get();
        if (r == null) {
            return;
        }
        ctx.tasks().run(() -> {
            org.tixun.core.archive.ArchiveService.of(ctx.core()).retrySync(ctx.actor(), r.id());
            return r.id();
        }, id -> {
            message.set("detail.sync.retried");
            refreshSync();
        }, e -> message.set("error.unexpected", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    /** Exports the record package (sealed PDF, recordings, manifest, verification report, receipt) into {@code dir}. */
    public void export(java.nio.file.Path dir) {
        RecordSummary r = record.get();
        if (r == null) {
            return;
        }
        ctx.tasks().run(() -> org.tixun.core.archive.ArchiveService.of(ctx.core()).export(ctx.actor(), r.id(), dir,
                TrustAnchors.load(ctx.core().dataDir())), result -> {
            message.set("detail.exported", result.folder());
            ctx.tasks().run(() -> ctx.core().audit().entriesFor(r.id()), audit::setAll,
                    e -> message.set("error.unexpected", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
        }, e -> message.set("detail.exportFailed", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    public ReadOnlyStringProperty syncTextProperty() {
        return syncText.getReadOnlyProperty();
    }

    /** Renders one page at a readable resolution for the page viewer. */
    public void page(int index, Consumer<BufferedImage> onPage) {
        byte[] pdf = document;
        if (pdf == null) {
            return;
        }
        ctx.tasks().run(() -> PageImages.render(pdf, index, 110f), onPage,
                e -> message.set("error.unexpected", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    /** Unlocks the escrow key with the keystore passphrase and decrypts one signer's strokes. */
    public void replay(int revision, char[] passphrase, Consumer<ReplayedSigner> onSigner) {
        replay(revision, passphrase, onSigner, e -> message.set("detail.replayFailed",
                org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
    }

    /** As {@link #replay(int, char[], Consumer)}, the failure (e.g. a wrong passphrase) to {@code onFailure}. */
    public void replay(int revision, char[] passphrase, Consumer<ReplayedSigner> onSigner,
            Consumer<Throwable> onFailure) {
        byte[] pdf = document;
        if (pdf == null) {
            return;
        }
        ctx.tasks().run(() -> {
            try {
                InstitutionKeyStore keys = InstitutionKeyStore.open(ctx.core().dataDir().keystore(), passphrase);
                ctx.core().audit().append(ctx.actor(), org.tixun.core.audit.AuditAction.KEY_USED, record.get().id(),
                        "escrow key: replay revision " + revision);
                return new Replay(keys.escrowCredential()).signer(pdf, revision);
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }, onSigner, onFailure);
    }

    public ObjectProperty<RecordSummary> recordProperty() {
        return record;
    }

    public ObjectProperty<VerificationReport> reportProperty() {
        return report;
    }

    public ObservableList<AuditEntry> audit() {
        return audit;
    }

    public ObservableList<org.tixun.core.archive.EvidencePhotos.Photo> photos() {
        return photos;
    }

    public ObservableList<BufferedImage> pages() {
        return pages;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
