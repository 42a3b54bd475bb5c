// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.settings;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Forms;
import org.tixun.app.ui.Styles;
import org.tixun.core.users.AppMode;

/**
 * The administrator's settings: role of this machine, terminal address, case-system address, the devices (camera,
 * microphone, signature pad, fingerprint reader) with their self-tests, the time-stamp authority and GM track, keys.
 */
public final class SettingsView extends VBox {
    public SettingsView(AppContext ctx, SettingsViewModel vm, Runnable onClose) {
        I18n i18n = ctx.i18n();
        Label title = new Label();
        title.textProperty().bind(i18n.bind("settings.title"));
        title.getStyleClass().add(Styles.APP_TITLE);
        ComboBox<AppMode> role = new ComboBox<>(FXCollections.observableArrayList(AppMode.values()));
        role.setId("settingsRole");
        role.valueProperty().bindBidirectional(vm.roleProperty());
        Forms.localize(i18n, role, "mode.");
        role.setMaxWidth(Double.MAX_VALUE);
        TextField terminal = new TextField();
        terminal.setId("settingsTerminalAddress");
        terminal.textProperty().bindBidirectional(vm.terminalAddressProperty());
        TextField caseSystem = new TextField();
        caseSystem.setId("settingsCaseSystemUrl");
        caseSystem.textProperty().bindBidirectional(vm.caseSystemUrlProperty());
        DeviceSettingsPane devices = new DeviceSettingsPane(i18n, vm.devices(), vm.errors());
        vm.devices().refresh();
        Label keys = new Label(vm.keystoreDescription());
        keys.setWrapText(true);
        keys.getStyleClass().add(Styles.MUTED);
        Label message = new Label();
        message.setId("settingsMessage");
        message.textProperty().bind(vm.messageProperty());
        Button save = new Button();
        save.setId("settingsSave");
        save.textProperty().bind(i18n.bind("settings.save"));
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Button close = new Button();
        close.setId("settingsClose");
        close.textProperty().bind(i18n.bind("settings.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        VBox form = new VBox(12,
                Forms.field(i18n, "setup.role", role, vm.errors(), "role"),
                Forms.field(i18n, "setup.terminalAddress", terminal, vm.errors(), "terminalAddress"),
                Forms.field(i18n, "setup.caseSystemUrl", caseSystem, vm.errors(), "caseSystemUrl"),
                devices,
                Forms.field(i18n, "settings.keys", keys, null, null),
                Forms.field(i18n, "datadir.label", new org.tixun.app.ui.DataDirField(ctx), null, null));
        form.setPadding(new Insets(0, 16, 0, 0));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId("settingsScroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        message.setWrapText(true);
        getChildren().addAll(title, scroll, new HBox(8, save, close, message));
        setSpacing(12);
        setPadding(new Insets(24));
        setPrefWidth(680);
        setPrefHeight(760);
    }
}
