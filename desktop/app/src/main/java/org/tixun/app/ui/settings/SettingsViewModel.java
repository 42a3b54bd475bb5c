// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.settings;

import java.io.IOException;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.tixun.app.ui.AppContext;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.devices.config.DeviceDiscovery;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.store.Settings;
import org.tixun.core.users.AppMode;
import org.tixun.core.util.Messages;

/** Settings an administrator may change after setup: the machine's role, its connections and its devices. */
public final class SettingsViewModel {
    private final AppContext ctx;
    private final ObjectProperty<AppMode> role = new SimpleObjectProperty<>();
    private final StringProperty terminalAddress = new SimpleStringProperty("");
    private final StringProperty caseSystemUrl = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final DeviceSettingsViewModel devices;

    public SettingsViewModel(AppContext ctx) {
        this(ctx, new DeviceDiscovery());
    }

    /** With another device discovery (tests list devices from another sysfs tree). */
    public SettingsViewModel(AppContext ctx, DeviceDiscovery discovery) {
        this.ctx = ctx;
        this.devices = new DeviceSettingsViewModel(ctx, discovery);
        MachineConfig current = MachineConfig.load(ctx.core().settings());
        role.set(current.role() == null ? AppMode.WORKSTATION : current.role());
        terminalAddress.set(current.terminalAddress());
        caseSystemUrl.set(current.caseSystemUrl());
    }

    /** Validates and stores; returns true when saved. */
    public boolean save() {
        errors.clear();
        MachineConfig config = new MachineConfig(role.get(), terminalAddress.get(), caseSystemUrl.get());
        for (MachineConfig.Problem p : config.validate()) {
            errors.put(p.field(), Messages.get(ctx.i18n().locale(), p.key(), List.of()));
        }
        devices.validate(errors);
        if (!errors.isEmpty()) {
            return false;
        }
        String deviceLine;
        try {
            deviceLine = devices.save(ctx.core().settings());
        } catch (IOException e) {
            errors.put("tsaAnchor", e.getMessage());
            return false;
        }
        config.save(ctx.core().settings());
        ctx.core().audit().append(ctx.actor(), AuditAction.SETTINGS_CHANGED, "machine",
                "role=" + config.role() + " terminal=" + config.terminalAddress() + " caseSystem="
                        + config.caseSystemUrl() + " " + deviceLine);
        message.set(ctx.i18n().text("settings.saved"));
        return true;
    }

    public String keystoreDescription() {
        String source = ctx.core().settings().get(Settings.KEYS_SOURCE).orElse("GENERATE");
        return "PKCS11".equals(source)
                ? ctx.i18n().text("settings.keys.pkcs11", ctx.core().settings().get(Settings.PKCS11_CONFIG).orElse(""))
                : ctx.i18n().text("settings.keys.p12", ctx.core().dataDir().keystore());
    }

    public ObjectProperty<AppMode> roleProperty() {
        return role;
    }

    public StringProperty terminalAddressProperty() {
        return terminalAddress;
    }

    public StringProperty caseSystemUrlProperty() {
        return caseSystemUrl;
    }

    /** The devices part. */
    public DeviceSettingsViewModel devices() {
        return devices;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
