// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tixun.app.i18n.I18n;
import org.tixun.core.services.CoreServices;
import org.tixun.core.users.User;

/** The app composition root: core services, i18n, theme, tasks and dialogs, wired by constructor. */
public final class AppContext {
    private final CoreServices core;
    private final I18n i18n;
    private final Theme theme;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final boolean demo;
    private final Supplier<List<TemplateChoice>> templates;
    private final ObjectProperty<User> currentUser = new SimpleObjectProperty<>();
    private volatile org.tixun.core.media.MediaDevices devices;

    public AppContext(CoreServices core, I18n i18n, Theme theme, TaskRunner tasks, DialogService dialogs, boolean demo,
                      Supplier<List<TemplateChoice>> templates) {
        this.core = core;
        this.i18n = i18n;
        this.theme = theme;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.demo = demo;
        this.templates = templates;
        this.devices = new org.tixun.core.devices.config.ConfiguredDevices(core.settings());
    }

    /** The session camera and microphone: the configured devices (a simulator only where the demo put one). */
    public org.tixun.core.media.MediaDevices devices() {
        return devices;
    }

    /** The demo and the tests give their simulated devices here; a production start never calls it. */
    public void useDevices(org.tixun.core.media.MediaDevices devices) {
        this.devices = java.util.Objects.requireNonNull(devices, "devices");
    }

    /** A template kind offered when starting a record. */
    public record TemplateChoice(String kind, String titleZh, String titleEn) {
        public String title(java.util.Locale locale) {
            return I18n.CHINESE.getLanguage().equals(locale.getLanguage()) ? titleZh : titleEn;
        }
    }

    public CoreServices core() {
        return core;
    }

    public I18n i18n() {
        return i18n;
    }

    public Theme theme() {
        return theme;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public boolean demo() {
        return demo;
    }

    public List<TemplateChoice> templates() {
        return templates.get();
    }

    public ObjectProperty<User> currentUserProperty() {
        return currentUser;
    }

    public String actor() {
        User u = currentUser.get();
        return u == null ? "anonymous" : u.username();
    }
}
