// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tixun.app.ui.AppContext;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.store.Settings;
import org.tixun.core.users.PasswordHasher;

/** Terminal kiosk state: leaving the kiosk needs the administrator PIN; attempts are audited. */
public final class KioskViewModel {
    private final AppContext ctx;
    private final PasswordHasher hasher;
    private final ReadOnlyStringWrapper exitError = new ReadOnlyStringWrapper("");

    public KioskViewModel(AppContext ctx, PasswordHasher hasher) {
        this.ctx = ctx;
        this.hasher = hasher;
    }

    /** True when the PIN matches the administrator's kiosk PIN; the caller then closes the kiosk. */
    public boolean tryExit(char[] pin) {
        try {
            String stored = ctx.core().settings().get(Settings.KIOSK_PIN).orElse(null);
            boolean ok = stored != null && pin.length > 0 && hasher.verify(pin, stored);
            ctx.core().audit().append(ctx.actor(), ok ? AuditAction.KIOSK_EXIT : AuditAction.KIOSK_EXIT_REFUSED,
                    "kiosk");
            exitError.set(ok ? "" : ctx.i18n().text(stored == null ? "kiosk.exit.noPin" : "kiosk.exit.wrongPin"));
            return ok;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    public ReadOnlyStringProperty exitErrorProperty() {
        return exitError.getReadOnlyProperty();
    }

    public String institution() {
        return ctx.core().settings().get(Settings.INSTITUTION).orElse("");
    }
}
