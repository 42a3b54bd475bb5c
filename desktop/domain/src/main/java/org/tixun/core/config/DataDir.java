// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import org.tixun.core.TixunException;
import org.tixun.core.util.Messages;

/** Locates the data directory (database, keystore, logs, templates) and checks it is usable. */
public final class DataDir {
    /** System property set by the launcher's {@code --data-dir}. */
    public static final String PROPERTY = "tixun.home";
    public static final String ENV = "TIXUN_HOME";

    private final Path root;

    private DataDir(Path root) {
        this.root = root;
    }

    public static DataDir at(Path root) {
        return new DataDir(root.toAbsolutePath().normalize());
    }

    /**
     * Resolves the data dir: explicit option, then {@value #PROPERTY}, then {@value #ENV}, then the
     * platform default (XDG on Linux, %APPDATA% on Windows, Application Support on macOS).
     */
    public static DataDir resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperties().getProperty(PROPERTY));
    }

    static DataDir resolve(Path explicit, Map<String, String> env, String property) {
        if (explicit != null) {
            return at(explicit);
        }
        if (property != null && !property.isBlank()) {
            return at(Paths.get(property));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return at(Paths.get(fromEnv));
        }
        String os = System.getProperty("os.name", "");
        String home = System.getProperty("user.home");
        Path pointer = pointerFile(env, os, home);
        if (Files.isRegularFile(pointer)) {
            try {
                String chosen = Files.readString(pointer, java.nio.charset.StandardCharsets.UTF_8).strip();
                if (!chosen.isEmpty()) {
                    return at(Paths.get(chosen));
                }
            } catch (IOException e) {
                throw new TixunException(TixunException.Exit.DATA_DIR, Messages.of("dataDir.pointerUnreadable", pointer,
                        e), e);
            }
        }
        return at(platformDefault(env, os, home));
    }

    /**
     * Where the chosen data dir is remembered (set at first run or in Settings): a one-line file in
     * the user's configuration directory, read when neither an option nor TIXUN_HOME says otherwise.
     */
    public static Path pointerFile() {
        return pointerFile(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path pointerFile(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Paths.get(appData) : Paths.get(home, "AppData", "Roaming"))
                    .resolve("Tixun").resolve("data-dir.txt");
        }
        if (os.contains("mac")) {
            return Paths.get(home, "Library", "Preferences", "Tixun", "data-dir.txt");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(home, ".config");
        return base.resolve("tixun").resolve("data-dir");
    }

    /** Remembers {@code dir} as the data dir for the next start (atomic write); checks it is usable first. */
    public static void choose(Path pointer, Path dir) {
        DataDir.at(dir).ensureWritable();
        try {
            Files.createDirectories(pointer.getParent());
            Path tmp = pointer.resolveSibling(pointer.getFileName() + ".tmp");
            Files.writeString(tmp, dir.toAbsolutePath().normalize() + "\n", java.nio.charset.StandardCharsets.UTF_8);
            Files.move(tmp, pointer, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR, Messages.of("dataDir.pointerUnwritable", pointer,
                    e), e);
        }
    }

    static Path platformDefault(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Paths.get(appData, "Tixun") : Paths.get(home, "AppData", "Roaming", "Tixun");
        }
        if (os.contains("mac")) {
            return Paths.get(home, "Library", "Application Support", "Tixun");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(home, ".local", "share");
        return base.resolve("tixun");
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve("tixun.db");
    }

    public Path keystore() {
        return root.resolve("institution.p12");
    }

    /** The institution root certificate (public), the trust anchor for verifying sealed records. */
    public Path rootCertificate() {
        return root.resolve("institution-root.pem");
    }

    /**
     * Trust anchors of the external time-stamp authorities this installation has sealed with (public, PEM, every one
     * kept: records stamped before a change of authority must still verify).
     */
    public Path timeStampAnchors() {
        return root.resolve("tsa-trust-anchors.pem");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path auditAnchor() {
        return root.resolve("audit-head");
    }

    public Path templates() {
        return root.resolve("templates");
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    /** Creates the directory if needed and proves it is writable; otherwise fails with advice. */
    public DataDir ensureWritable() {
        try {
            Files.createDirectories(root);
        } catch (IOException | SecurityException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR,
                    Messages.of("dataDir.cannotCreate", root, e), e);
        }
        if (!Files.isWritable(root)) {
            throw new TixunException(TixunException.Exit.DATA_DIR,
                    Messages.of("dataDir.notWritable", root));
        }
        Path probe = root.resolve(".write-probe");
        try {
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR,
                    Messages.of("dataDir.probeFailed", root, e), e);
        }
        return this;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
