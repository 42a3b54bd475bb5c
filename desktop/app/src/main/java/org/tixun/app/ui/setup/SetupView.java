// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.setup;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;
import org.tixun.core.setup.KeySource;
import org.tixun.core.users.AppMode;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Forms;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.shell.TopBar;

/** The first-run wizard: one page, three sections, progress while the keys are generated. */
public final class SetupView extends VBox {
    public SetupView(AppContext ctx, SetupViewModel vm, java.util.function.Consumer<AppMode> onDone) {
        I18n i18n = ctx.i18n();
        var errors = vm.errors();
        Label title = new Label();
        title.textProperty().bind(i18n.bind("setup.title"));
        title.getStyleClass().add(Styles.APP_TITLE);
        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("setup.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.MUTED);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        int r = 0;
        grid.add(section(i18n, "setup.section.institution"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "setup.institution", input(new TextField(), "setupInstitution",
                vm.institutionProperty()), errors, "institution"), 0, r++, 2, 1);
        grid.add(section(i18n, "setup.section.admin"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "setup.adminUsername", input(new TextField(), "setupAdminUsername",
                vm.adminUsernameProperty()), errors, "adminUsername"), 0, r);
        grid.add(Forms.field(i18n, "setup.adminName", input(new TextField(), "setupAdminName",
                vm.adminNameProperty()), errors, "adminName"), 1, r++);
        grid.add(Forms.field(i18n, "setup.adminPassword", input(new PasswordField(), "setupAdminPassword",
                vm.adminPasswordProperty()), errors, "adminPassword"), 0, r);
        grid.add(Forms.field(i18n, "setup.adminPassword2", input(new PasswordField(), "setupAdminPassword2",
                vm.adminPassword2Property()), errors, "adminPassword2"), 1, r++);
        grid.add(Forms.field(i18n, "setup.kioskPin", input(new PasswordField(), "setupKioskPin",
                vm.kioskPinProperty()), errors, "kioskPin"), 0, r++);
        grid.add(section(i18n, "setup.section.machine"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "datadir.label", new org.tixun.app.ui.DataDirField(ctx), null, null), 0, r++, 2, 1);
        ComboBox<AppMode> role = new ComboBox<>(FXCollections.observableArrayList(AppMode.values()));
        role.setId("setupRole");
        role.valueProperty().bindBidirectional(vm.roleProperty());
        Forms.localize(i18n, role, "mode.");
        role.setMaxWidth(Double.MAX_VALUE);
        grid.add(Forms.field(i18n, "setup.role", role, errors, "role"), 0, r++);
        grid.add(Forms.field(i18n, "setup.terminalAddress", input(new TextField(), "setupTerminalAddress",
                vm.terminalAddressProperty()), errors, "terminalAddress"), 0, r);
        grid.add(Forms.field(i18n, "setup.caseSystemUrl", input(new TextField(), "setupCaseSystemUrl",
                vm.caseSystemUrlProperty()), errors, "caseSystemUrl"), 1, r++);
        grid.add(section(i18n, "setup.section.keys"), 0, r++, 2, 1);
        ToggleGroup sources = new ToggleGroup();
        javafx.scene.layout.FlowPane sourceBox = new javafx.scene.layout.FlowPane(16, 8);
        for (KeySource source : KeySource.values()) {
            RadioButton b = new RadioButton();
            b.setId("setupKeys-" + source.name());
            b.textProperty().bind(i18n.bind("setup.keys." + source.name()));
            b.setToggleGroup(sources);
            b.setUserData(source);
            b.setSelected(vm.keySourceProperty().get() == source);
            sourceBox.getChildren().add(b);
        }
        sources.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.keySourceProperty().set((KeySource) b.getUserData());
            }
        });
        grid.add(sourceBox, 0, r++, 2, 1);
        var importField = pathField(i18n, stage -> chooseFile(stage, "*.p12", "*.pfx"), "setupImportPath",
                vm.importPathProperty());
        var importBox = Forms.field(i18n, "setup.importPath", importField, errors, "importPath");
        var pkcs11Field = pathField(i18n, stage -> chooseFile(stage, "*.cfg", "*.conf"), "setupPkcs11Path",
                vm.pkcs11PathProperty());
        var pkcs11Box = Forms.field(i18n, "setup.pkcs11Path", pkcs11Field, errors, "pkcs11Path");
        importBox.visibleProperty().bind(vm.keySourceProperty().isEqualTo(KeySource.IMPORT_PKCS12));
        importBox.managedProperty().bind(importBox.visibleProperty());
        pkcs11Box.visibleProperty().bind(vm.keySourceProperty().isEqualTo(KeySource.PKCS11));
        pkcs11Box.managedProperty().bind(pkcs11Box.visibleProperty());
        grid.add(importBox, 0, r++, 2, 1);
        grid.add(pkcs11Box, 0, r++, 2, 1);
        Label keysHint = new Label();
        keysHint.textProperty().bind(i18n.bind("setup.keysHint"));
        keysHint.setWrapText(true);
        keysHint.getStyleClass().add(Styles.MUTED);
        grid.add(keysHint, 0, r++, 2, 1);
        var passphrase = Forms.field(i18n, "setup.passphrase", input(new PasswordField(), "setupPassphrase",
                vm.passphraseProperty()), errors, "passphrase");
        passphrase.visibleProperty().bind(vm.keySourceProperty().isNotEqualTo(KeySource.PKCS11));
        grid.add(passphrase, 0, r);
        var passphrase2 = Forms.field(i18n, "setup.passphrase2", input(new PasswordField(), "setupPassphrase2",
                vm.passphrase2Property()), errors, "passphrase2");
        passphrase2.visibleProperty().bind(vm.keySourceProperty().isEqualTo(KeySource.GENERATE));
        grid.add(passphrase2, 1, r++);
        for (int i = 0; i < 2; i++) {
            var c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
        }

        Button finish = new Button();
        finish.setId("setupFinish");
        finish.textProperty().bind(i18n.bind("setup.finish"));
        finish.getStyleClass().add("accent");
        finish.setDefaultButton(true);
        finish.disableProperty().bind(vm.busyProperty());
        finish.setOnAction(e -> vm.complete(onDone));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(vm.busyProperty());
        Label working = new Label();
        working.textProperty().bind(i18n.bind("setup.working"));
        working.visibleProperty().bind(vm.busyProperty());
        HBox actions = new HBox(10, finish, progress, working);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(14, title, intro, grid, Forms.errorLabel(errors, "form"), actions);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(28));
        card.setMaxWidth(720);
        VBox holder = new VBox(card);
        holder.setAlignment(Pos.TOP_CENTER);
        holder.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(new TopBar(ctx, i18n.bind("setup.subtitle"), null), scroll);
    }

    private static HBox pathField(I18n i18n, java.util.function.Function<javafx.stage.Window, java.io.File> chooser,
                                  String id, StringProperty property) {
        TextField path = (TextField) input(new TextField(), id, property);
        Button browse = new Button();
        browse.setId(id + "Browse");
        browse.textProperty().bind(i18n.bind("setup.browse"));
        browse.setOnAction(e -> {
            java.io.File f = chooser.apply(browse.getScene().getWindow());
            if (f != null) {
                property.set(f.getAbsolutePath());
            }
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        return new HBox(8, path, browse);
    }

    private static java.io.File chooseFile(javafx.stage.Window owner, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
        return fc.showOpenDialog(owner);
    }

    private static Label section(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TextInputControl input(TextInputControl c, String id, StringProperty p) {
        c.setId(id);
        c.textProperty().bindBidirectional(p);
        return c;
    }
}
