// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Key/value settings kept in the database (institution name, kiosk PIN hash, machine role...). */
public final class Settings {
    public static final String INSTITUTION = "institution.name";
    public static final String KIOSK_PIN = "kiosk.pin.hash";
    public static final String SETUP_DONE = "setup.completed";
    public static final String DEMO = "demo";
    public static final String MACHINE_ROLE = "machine.role";
    public static final String KEYS_SOURCE = "keys.source";
    public static final String PKCS11_CONFIG = "keys.pkcs11.config";
    public static final String TERMINAL_ADDRESS = "terminal.address";
    public static final String CASE_SYSTEM_URL = "casesystem.url";
    /**
     * The workstation's own signature pad for its signers in a remote session, {@code PROTOCOL:PORT} (e.g.
     * {@code ISDV4:/dev/ttyUSB0}, see {@code org.tixun.core.devices.PadSpec}); blank: sign on the screen canvas only.
     */
    public static final String WORKSTATION_PAD = "workstation.pad";

    private final Database db;

    public Settings(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM app_setting WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO app_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }
}
