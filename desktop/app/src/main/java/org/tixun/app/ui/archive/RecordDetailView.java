// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.archive;

import java.awt.image.BufferedImage;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PrinterJob;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Forms;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.Theme;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.evidence.Finding;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.RevisionReport;
import org.tixun.core.evidence.VerificationReport;

/** The archive's record detail: pages, signatures with validity badges and replay, audit trail. */
public final class RecordDetailView extends VBox {
    private final AppContext ctx;
    private final RecordDetailViewModel vm;
    private final VBox signatures = new VBox(8);
    private final FlowPane thumbnails = new FlowPane(10, 10);

    public RecordDetailView(AppContext ctx, RecordDetailViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
        I18n i18n = ctx.i18n();
        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.recordProperty().get() == null
                ? i18n.text("detail.none") : vm.recordProperty().get().caseNumber() + " · "
                + vm.recordProperty().get().title(), vm.recordProperty(), i18n.localeProperty()));
        Label message = new Label();
        message.setId("detailMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Button print = new Button();
        print.setId("detailPrint");
        print.textProperty().bind(i18n.bind("detail.print"));
        print.disableProperty().bind(Bindings.isEmpty(vm.pages()));
        print.setOnAction(e -> print());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button();
        export.setId("detailExport");
        export.textProperty().bind(i18n.bind("detail.export"));
        export.disableProperty().bind(vm.reportProperty().isNull());
        export.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.titleProperty().bind(i18n.bind("detail.export"));
            java.io.File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.export(dir.toPath());
            }
        });
        // The record's title wraps; the buttons keep their words.
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        export.setMinWidth(Region.USE_PREF_SIZE);
        print.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox buttons = new HBox(10, message, spacer, export, print);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, title, buttons);

        vm.pages().addListener((ListChangeListener<BufferedImage>) c -> rebuildThumbnails());
        ScrollPane pagesPane = new ScrollPane(thumbnails);
        pagesPane.setFitToWidth(true);
        thumbnails.setPadding(new Insets(10));
        vm.reportProperty().addListener((o, a, b) -> rebuildSignatures(b));
        ScrollPane sigPane = new ScrollPane(signatures);
        sigPane.setFitToWidth(true);
        signatures.setPadding(new Insets(10));

        TableView<AuditEntry> audit = new TableView<>(vm.audit());
        audit.setId("detailAudit");
        audit.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        audit.getColumns().add(Forms.column(i18n, "detail.audit.seq", a -> Long.toString(a.seq()), 50));
        audit.getColumns().add(Forms.column(i18n, "detail.audit.at", a -> a.at().replace('T', ' ').substring(0, 19), 150));
        audit.getColumns().add(Forms.column(i18n, "detail.audit.actor", AuditEntry::actor, 90));
        audit.getColumns().add(Forms.column(i18n, "detail.audit.action", a -> auditAction(i18n, a.action()), 150));
        audit.getColumns().add(Forms.column(i18n, "detail.audit.details",
                a -> org.tixun.app.i18n.CoreText.localize(i18n.locale(), a.details()), 200));
        Forms.placeholder(i18n, audit, "detail.audit.empty");

        Label syncState = new Label();
        syncState.setId("detailSync");
        syncState.setWrapText(true);
        syncState.textProperty().bind(vm.syncTextProperty());
        Button retry = new Button();
        retry.setId("detailRetrySync");
        retry.textProperty().bind(i18n.bind("detail.sync.retry"));
        retry.setOnAction(e -> vm.retrySync());
        Button refresh = new Button();
        refresh.setId("detailRefreshSync");
        refresh.textProperty().bind(i18n.bind("detail.sync.refresh"));
        refresh.setOnAction(e -> vm.refreshSync());
        VBox syncPane = new VBox(10, syncState, new HBox(8, refresh, retry));
        syncPane.setPadding(new Insets(12));

        FlowPane photoFlow = new FlowPane(10, 10);
        photoFlow.setId("detailPhotos");
        photoFlow.setPadding(new Insets(10));
        Runnable showPhotos = () -> {
            photoFlow.getChildren().clear();
            for (var photo : vm.photos()) {
                ImageView view = new ImageView(new javafx.scene.image.Image(new java.io.ByteArrayInputStream(photo.jpeg())));
                view.setPreserveRatio(true);
                view.setFitWidth(160);
                Label name = new Label(photoCaption(photo.name()));
                name.getStyleClass().add(Styles.MUTED);
                name.setWrapText(true);
                name.setMaxWidth(160);
                VBox box = new VBox(4, view, name);
                box.getStyleClass().add(Styles.CARD);
                box.setPadding(new Insets(6));
                photoFlow.getChildren().add(box);
            }
        };
        vm.photos().addListener((ListChangeListener<org.tixun.core.archive.EvidencePhotos.Photo>) c -> showPhotos.run());
        vm.reportProperty().addListener((o, a, b) -> showPhotos.run());
        i18n.localeProperty().addListener((o, a, b) -> {
            showPhotos.run();
            rebuildSignatures(vm.reportProperty().get());
            rebuildThumbnails();
        });
        ScrollPane photoPane = new ScrollPane(photoFlow);
        photoPane.setFitToWidth(true);

        TabPane tabs = new TabPane(tab(i18n, "detail.tab.signatures", sigPane), tab(i18n, "detail.tab.pages", pagesPane),
                tab(i18n, "detail.tab.photos", photoPane), tab(i18n, "detail.tab.audit", audit),
                tab(i18n, "detail.tab.sync", syncPane), tab(i18n, "recording.tab", new RecordingTab(ctx, vm.recording())));
        tabs.setId("detailTabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // Narrow windows (150 % on a small screen) shrink the tabs, never the title and the verdict to one line.
        tabs.setMinHeight(160);
        getChildren().addAll(header, tabs);
        setSpacing(8);
        setPadding(new Insets(10, 12, 10, 12));
    }

    private static Tab tab(I18n i18n, String key, javafx.scene.Node content) {
        Tab t = new Tab();
        t.textProperty().bind(i18n.bind(key));
        t.setContent(content);
        t.setClosable(false);
        return t;
    }

    private void rebuildThumbnails() {
        thumbnails.getChildren().clear();
        for (int i = 0; i < vm.pages().size(); i++) {
            int index = i;
            ImageView view = new ImageView(SwingFXUtils.toFXImage(vm.pages().get(i), null));
            view.setPreserveRatio(true);
            view.setFitWidth(150);
            Label label = new Label(ctx.i18n().text("detail.page", i + 1, vm.pages().size()));
            VBox box = new VBox(4, view, label);
            box.setAlignment(Pos.CENTER);
            box.setId("thumbnail-" + i);
            box.getStyleClass().add(Styles.CARD);
            box.setPadding(new Insets(6));
            box.setOnMouseClicked(e -> vm.page(index, img -> openPage(img, index)));
            thumbnails.getChildren().add(box);
        }
    }

    private void rebuildSignatures(VerificationReport report) {
        signatures.getChildren().clear();
        if (report == null) {
            return;
        }
        boolean zh = I18n.CHINESE.getLanguage().equals(ctx.i18n().locale().getLanguage());
        // Replay numbers signers 1..n as the seal's manifests do; the report counts every signature, the
        // institution's certification (revision 0 of the record) included.
        int signerNumber = 0;
        for (RevisionReport r : report.revisions()) {
            Label badge = new Label(ctx.i18n().text(r.ok() ? "detail.valid" : "detail.invalid"));
            badge.getStyleClass().addAll(Styles.STATUS_BADGE, r.ok() ? "badge-ok" : "badge-bad");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            Label who = new Label(ctx.i18n().text("detail.signer", r.revision(), nz(r.signerName()),
                    roleLabel(ctx.i18n(), r.role()),
                    time(r.timestampTime() != null ? r.timestampTime() : r.signingTime())));
            who.setWrapText(true);
            HBox line = new HBox(10, badge, who);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(4, line);
            for (Finding f : r.findings()) {
                if (!f.ok()) {
                    Label problem = new Label("• " + (zh ? f.zh() : f.en()));
                    problem.getStyleClass().add(Styles.ERROR_TEXT);
                    problem.setWrapText(true);
                    box.getChildren().add(problem);
                }
            }
            if ("signer".equals(r.kind())) {
                signerNumber++;
            }
            if (r.signerName() != null && "signer".equals(r.kind())) {
                int signer = signerNumber;
                Button replay = new Button();
                replay.setId("replay-" + signer);
                replay.textProperty().bind(ctx.i18n().bind("detail.replay"));
                replay.setOnAction(e -> askPassphraseAndReplay(signer));
                replay.setMinWidth(Region.USE_PREF_SIZE);
                HBox.setHgrow(who, Priority.ALWAYS);
                line.getChildren().add(replay);
            }
            box.getStyleClass().add(Styles.FORM_SECTION);
            box.setId("revision-" + r.revision());
            signatures.getChildren().add(box);
        }
        for (Finding f : report.document()) {
            if (!f.ok()) {
                Label problem = new Label("• " + (zh ? f.zh() : f.en()));
                problem.getStyleClass().add(Styles.ERROR_TEXT);
                problem.setWrapText(true);
                signatures.getChildren().add(problem);
            }
        }
    }

    private void askPassphraseAndReplay(int revision) {
        Stage dialog = dialog("detail.replay.title");
        PasswordField pass = new PasswordField();
        pass.setId("replayPassphrase");
        pass.promptTextProperty().bind(ctx.i18n().bind("detail.replay.passphrase"));
        Label hint = new Label();
        hint.textProperty().bind(ctx.i18n().bind("detail.replay.hint"));
        hint.setWrapText(true);
        Label error = new Label();
        error.setId("replayError");
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Button ok = new Button();
        ok.setId("replayUnlock");
        ok.textProperty().bind(ctx.i18n().bind("detail.replay.unlock"));
        ok.setDefaultButton(true);
        javafx.scene.control.ProgressIndicator busy = new javafx.scene.control.ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.setVisible(false);
        HBox actions = new HBox(10, ok, busy);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, hint, pass, error, actions);
        root.setPadding(new Insets(16));
        root.setPrefWidth(460);
        ok.setOnAction(e -> {
            char[] p = pass.getText().toCharArray();
            pass.clear();
            error.setText("");
            ok.setDisable(true);
            busy.setVisible(true);
            // The outcome shows in this dialog (not behind it), in the reader's language.
            vm.replay(revision, p, signer -> {
                ReplayView replay = new ReplayView(ctx.i18n(), signer);
                dialog.getScene().setRoot(replay);
                dialog.sizeToScene();
                dialog.setOnHidden(x -> replay.dispose());
            }, failure -> {
                ok.setDisable(false);
                busy.setVisible(false);
                error.setText(org.tixun.app.i18n.CoreText.describe(ctx.i18n(), failure));
                pass.requestFocus();
            });
        });
        dialog.setScene(new Scene(root));
        Theme.style(dialog.getScene());
        dialog.show();
    }

    private void openPage(BufferedImage image, int index) {
        // Its own title (not the dialog()'s bound one: setting a bound title throws).
        Stage viewer = new Stage();
        if (getScene() != null) {
            viewer.initOwner(getScene().getWindow());
        }
        viewer.titleProperty().bind(ctx.i18n().bind("detail.page", index + 1, vm.pages().size()));
        ImageView view = new ImageView(SwingFXUtils.toFXImage(image, null));
        view.setPreserveRatio(true);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setPannable(true);
        // The page fits the window's width; scroll down for the rest.
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(200,
                Math.min(image.getWidth(), scroll.getViewportBounds().getWidth())), scroll.viewportBoundsProperty()));
        Scene scene = new Scene(scroll);
        Theme.style(scene);
        viewer.setScene(scene);
        org.tixun.app.ui.shell.WindowPlacement.shared().apply(viewer,
                org.tixun.app.ui.shell.WindowPlacement.Kind.PAGE_VIEWER);
        viewer.show();
    }

    private Stage dialog(String titleKey) {
        Stage dialog = new Stage();
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.titleProperty().bind(ctx.i18n().bind(titleKey));
        return dialog;
    }

    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            ctx.dialogs().showError(ctx.i18n().text("detail.print"), ctx.i18n().text("detail.noPrinter"));
            return;
        }
        if (!job.showPrintDialog(getScene().getWindow())) {
            return;
        }
        for (BufferedImage page : vm.pages()) {
            ImageView view = new ImageView(SwingFXUtils.toFXImage(page, null));
            view.setPreserveRatio(true);
            view.setFitWidth(job.getJobSettings().getPageLayout().getPrintableWidth());
            if (!job.printPage(view)) {
                ctx.dialogs().showError(ctx.i18n().text("detail.print"), ctx.i18n().text("detail.printFailed"));
                break;
            }
        }
        job.endJob();
    }

    /** ISO instant -> local date and time to the second, as a clerk reads it. */
    private static String time(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(java.time.Instant.parse(iso).atZone(java.time.ZoneId.systemDefault()));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** An audit action in words (the stored code stays in the database and the export). */
    static String auditAction(I18n i18n, String action) {
        try {
            org.tixun.core.audit.AuditAction.valueOf(action);
            return i18n.text("audit.action." + action);
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    private static final java.util.regex.Pattern PHOTO = java.util.regex.Pattern.compile(
            "^s(\\d+)-.*-(pen-down|completion)\\.jpg$");

    /** Whose photo and when it was taken, instead of the attachment's file name. */
    private String photoCaption(String fileName) {
        java.util.regex.Matcher m = PHOTO.matcher(fileName);
        VerificationReport report = vm.reportProperty().get();
        if (!m.matches()) {
            return ctx.i18n().text("detail.photo.other");
        }
        int revision = Integer.parseInt(m.group(1));
        String who = ctx.i18n().text("detail.photo.unknownSigner");
        if (report != null) {
            for (RevisionReport r : report.revisions()) {
                if (r.revision() == revision && r.signerName() != null) {
                    who = ctx.i18n().text("session.signer", r.signerName(), roleLabel(ctx.i18n(), r.role()));
                }
            }
        }
        return ctx.i18n().text("detail.photo.caption", who, ctx.i18n().text("detail.photo." + m.group(2)));
    }

    /** A signer's role as the verifier names it (Chinese), in the reader's language. */
    static String roleLabel(I18n i18n, String role) {
        if (role == null) {
            return "";
        }
        for (org.tixun.core.evidence.model.SignerRole r : org.tixun.core.evidence.model.SignerRole.values()) {
            if (r.zh().equals(role) || r.name().equals(role)) {
                return i18n.text("signerRole." + r.name());
            }
        }
        if (role.equals(EvidenceMessages.of("report.role.documentTimestamp").chinese())) {
            return i18n.text("detail.role.timestamp");
        }
        if (role.equals(EvidenceMessages.of("report.role.seal").chinese())) {
            return i18n.text("detail.role.seal");
        }
        return org.tixun.app.i18n.CoreText.localize(i18n.locale(), role);
    }
}
