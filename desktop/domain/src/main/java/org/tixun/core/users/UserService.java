// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.users;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.store.Database;
import org.tixun.core.util.Messages;

/** Local users: create, list, authenticate; every change and every login goes to the audit log. */
public final class UserService {
    /** Minimum password length for local users. */
    public static final int MIN_PASSWORD = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private final Database db;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(Database db, AuditLog audit, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    public User add(String actor, String username, String displayName, Role role, char[] password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new TixunException(TixunException.Exit.USAGE, Messages.of("users.invalidName", username));
        }
        if (displayName == null || displayName.isBlank()) {
            throw new TixunException(TixunException.Exit.USAGE, Messages.of("users.displayNameEmpty", username));
        }
        if (password == null || password.length < MIN_PASSWORD) {
            throw new TixunException(TixunException.Exit.USAGE,
                    Messages.of("users.passwordTooShort", MIN_PASSWORD));
        }
        if (find(username).isPresent()) {
            throw new TixunException(TixunException.Exit.USAGE, Messages.of("users.exists", username));
        }
        String hash = hasher.hash(password);
        String now = Instant.now(clock).toString();
        long id = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO app_user(username, display_name, role, password_hash, created_at) VALUES (?,?,?,?,?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, username);
                ps.setString(2, displayName.strip());
                ps.setString(3, role.name());
                ps.setString(4, hash);
                ps.setString(5, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        audit.append(actor, AuditAction.USER_ADDED, username, "role=" + role.name());
        return new User(id, username, displayName.strip(), role, now, false);
    }

    public Optional<User> find(String username) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, username, display_name, role, created_at, disabled FROM app_user WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<User>empty();
                }
            }
        });
    }

    public List<User> list() {
        return db.withConnection(c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, username, display_name, role, created_at, disabled FROM app_user ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    public boolean hasAdministrator() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM app_user WHERE role = 'ADMINISTRATOR' AND disabled = 0 LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Checks credentials; a failure is audited and gives no hint which part was wrong. */
    public Optional<User> authenticate(String username, char[] password) {
        Optional<String> stored = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash FROM app_user WHERE username = ? AND disabled = 0")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        boolean ok = stored.isPresent() && hasher.verify(password, stored.get());
        if (!ok) {
            audit.append(safeActor(username), AuditAction.LOGIN_FAILED, safeActor(username));
            return Optional.empty();
        }
        audit.append(username, AuditAction.LOGIN, username);
        return find(username);
    }

    /** Checks an administrator's password without logging anyone in (kiosk exit). */
    public boolean isAdministratorPassword(String username, char[] password) {
        Optional<User> user = find(username);
        if (user.isEmpty() || user.get().role() != Role.ADMINISTRATOR || user.get().disabled()) {
            return false;
        }
        String stored = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
                ps.setLong(1, user.get().id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        return hasher.verify(password, stored);
    }

    private static String safeActor(String username) {
        return username == null ? "" : username.length() > 32 ? username.substring(0, 32) : username;
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getString(5), rs.getInt(6) != 0);
    }
}
