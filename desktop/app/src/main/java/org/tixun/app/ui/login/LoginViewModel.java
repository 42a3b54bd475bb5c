// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.login;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tixun.app.ui.AppContext;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.User;

/** Login: checks the credentials in the background and admits only roles allowed in this mode. */
public final class LoginViewModel {
    private final AppContext ctx;
    private final AppMode mode;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public LoginViewModel(AppContext ctx, AppMode mode) {
        this.ctx = ctx;
        this.mode = mode;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public AppMode mode() {
        return mode;
    }

    /** Attempts the login; {@code onSuccess} runs on the FX thread with the user. */
    public void login(Consumer<User> onSuccess) {
        String user = username.get() == null ? "" : username.get().strip();
        char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
        if (user.isEmpty() || pw.length == 0) {
            error.set(ctx.i18n().text("login.error.empty"));
            return;
        }
        busy.set(true);
        error.set("");
        ctx.tasks().run(() -> {
            try {
                return ctx.core().users().authenticate(user, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, result -> {
            busy.set(false);
            password.set("");
            if (result.isEmpty()) {
                error.set(ctx.i18n().text("login.error.invalid"));
            } else if (!result.get().role().mayUse(mode)) {
                error.set(ctx.i18n().text("login.error.role", ctx.i18n().text("role." + result.get().role().name()),
                        ctx.i18n().text("mode." + mode.name())));
            } else {
                ctx.currentUserProperty().set(result.get());
                onSuccess.accept(result.get());
            }
        }, failure -> {
            busy.set(false);
            error.set(ctx.i18n().text("error.unexpected",
                    org.tixun.app.i18n.CoreText.describe(ctx.i18n(), failure)));
        });
    }
}
