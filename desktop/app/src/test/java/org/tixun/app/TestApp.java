// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.DialogService;
import org.tixun.app.ui.TaskRunner;
import org.tixun.app.ui.Theme;
import org.tixun.core.services.CoreServices;
import org.tixun.core.config.DataDir;
import org.tixun.core.users.PasswordHasher;
import org.tixun.templates.Lang;
import org.tixun.templates.TemplateRegistry;

/** Builds an {@link AppContext} on a temp data dir with same-thread tasks and recorded dialogs. */
public final class TestApp {
    public static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);

    private TestApp() {
    }

    /** Dialog service that remembers the last message instead of opening a window. */
    public static final class RecordingDialogs implements DialogService {
        public final List<String> shown = new java.util.ArrayList<>();
        /** The answer {@link #ask} gives (index; the first, the default, unless a test sets another). */
        public volatile int answer;

        @Override
        public void showError(String title, String message) {
            shown.add("ERROR " + title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
            shown.add("INFO " + title + ": " + message);
        }

        @Override
        public int ask(String title, String message, List<String> answers) {
            shown.add("ASK " + title + ": " + message);
            return answer;
        }
    }

    public static CoreServices core(Path dir) {
        return CoreServices.open(DataDir.at(dir), Clock.systemUTC(), FAST);
    }

    public static AppContext context(CoreServices core, Locale locale, boolean demo) {
        TemplateRegistry registry = TemplateRegistry.builtIn();
        AppContext ctx = new AppContext(core, new I18n(locale), new Theme(), TaskRunner.SAME_THREAD,
                new RecordingDialogs(), demo, () -> registry.templates().stream()
                        .map(t -> new AppContext.TemplateChoice(t.kind(), t.title(Lang.ZH), t.title(Lang.EN))).toList());
        // The tests' session camera and microphone are the simulators (this machine has none).
        ctx.useDevices(new org.tixun.sim.SimulatedDevices("synthetic:0"));
        return ctx;
    }
}
