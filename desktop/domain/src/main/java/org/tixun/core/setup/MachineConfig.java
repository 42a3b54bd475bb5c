// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tixun.core.i18n.Message;
import org.tixun.core.store.Settings;
import org.tixun.core.users.AppMode;
import org.tixun.core.util.Messages;

/**
 * Per-machine configuration chosen at setup and changed later in Settings: the machine's role, the
 * terminal a workstation dials, and the case-system endpoint it syncs to.
 */
public record MachineConfig(AppMode role, String terminalAddress, String caseSystemUrl) {

    /** A field and the message key (core bundle) of what is wrong with it. */
    public record Problem(String field, String key) {
        /** The problem's text (the key in the domain bundle). */
        public Message message() {
            return Messages.of(key);
        }
    }

    public static MachineConfig load(Settings settings) {
        AppMode role = settings.get(Settings.MACHINE_ROLE).map(AppMode::valueOf).orElse(null);
        return new MachineConfig(role, settings.get(Settings.TERMINAL_ADDRESS).orElse(""),
                settings.get(Settings.CASE_SYSTEM_URL).orElse(""));
    }

    /** Checks the fields; empty address and URL are allowed (configured later). */
    public List<Problem> validate() {
        List<Problem> out = new ArrayList<>();
        if (role == null) {
            out.add(new Problem("role", "machineConfig.role.required"));
        }
        if (!blank(terminalAddress) && parseAddress(terminalAddress).isEmpty()) {
            out.add(new Problem("terminalAddress", "machineConfig.terminalAddress.invalid"));
        }
        if (!blank(caseSystemUrl) && !validUrl(caseSystemUrl.strip())) {
            out.add(new Problem("caseSystemUrl", "machineConfig.caseSystemUrl.invalid"));
        }
        return out;
    }

    public void save(Settings settings) {
        List<Problem> problems = validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid machine configuration: " + problems);
        }
        settings.put(Settings.MACHINE_ROLE, role.name());
        settings.put(Settings.TERMINAL_ADDRESS, nz(terminalAddress).strip());
        settings.put(Settings.CASE_SYSTEM_URL, nz(caseSystemUrl).strip());
    }

    /** host:port with a port in 1..65535; IPv6 in brackets. */
    public static Optional<String[]> parseAddress(String address) {
        String a = address.strip();
        int colon = a.lastIndexOf(':');
        if (colon <= 0 || colon == a.length() - 1) {
            return Optional.empty();
        }
        String host = a.substring(0, colon);
        String port = a.substring(colon + 1);
        if (host.startsWith("[") != host.endsWith("]") || host.contains(" ")) {
            return Optional.empty();
        }
        try {
            int p = Integer.parseInt(port);
            return p >= 1 && p <= 65535 ? Optional.of(new String[] {host, port}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean validUrl(String url) {
        try {
            URI u = new URI(url);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
