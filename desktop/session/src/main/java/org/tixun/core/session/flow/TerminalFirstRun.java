// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.Objects;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.i18n.LocalizedArgumentException;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.i18n.SessionMessages;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.store.Settings;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.Role;

/**
 * First run of a detention-centre terminal: only what a terminal needs. Its name, the local administrator, the kiosk
 * PIN and the port it listens on; no institution keys, seal or case-system address (a terminal holds none: it gets
 * its certificate and the institution's root by enrolling with a workstation, see {@link TerminalStation.Enrolment}).
 * Audited; re-running after an interruption reuses the administrator already there.
 */
public final class TerminalFirstRun {
    /** The port a terminal listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 7443;

    private final CoreServices core;
    private final PasswordHasher hasher;

    public TerminalFirstRun(CoreServices core, PasswordHasher hasher) {
        this.core = core;
        this.hasher = hasher;
    }

    /**
     * What the terminal's wizard collected. Char arrays are wiped by the caller.
     *
     * @param terminalName the name the workstation shows (e.g. the detention centre and the room)
     * @param adminUsername the local administrator's user name
     * @param adminName the administrator's display name
     * @param adminPassword the administrator's password
     * @param kioskPin the PIN that leaves the kiosk
     * @param port the port the terminal listens on for the workstation (all interfaces)
     */
    public record Request(String terminalName, String adminUsername, String adminName, char[] adminPassword,
            char[] kioskPin, int port) {
        public Request {
            Objects.requireNonNull(terminalName, "terminalName");
            Objects.requireNonNull(adminUsername, "adminUsername");
            if (terminalName.isBlank()) {
                throw new LocalizedArgumentException(SessionMessages.of("firstRun.noName"));
            }
            if (port < 1 || port > 65535) {
                throw new LocalizedArgumentException(SessionMessages.of("firstRun.port", port));
            }
        }
    }

    /** Saves the terminal's settings, the administrator and the kiosk PIN; the machine's role becomes terminal. */
    public void run(Request r) {
        if (core.users().find(r.adminUsername()).isEmpty()) {
            core.users().add("setup", r.adminUsername(), r.adminName(), Role.ADMINISTRATOR, r.adminPassword());
        }
        core.settings().put(TerminalStation.NAME_SETTING, r.terminalName().strip());
        core.settings().put(TerminalStation.LISTEN_SETTING, "0.0.0.0:" + r.port());
        core.settings().put(Settings.KIOSK_PIN, hasher.hash(r.kioskPin()));
        new MachineConfig(AppMode.TERMINAL, "", "").save(core.settings());
        core.settings().put(Settings.SETUP_DONE, "true");
        core.audit().append(r.adminUsername(), AuditAction.SETUP_COMPLETED, r.terminalName().strip(),
                "role=TERMINAL port=" + r.port());
    }
}
