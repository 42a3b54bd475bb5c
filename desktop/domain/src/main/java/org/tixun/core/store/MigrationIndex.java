// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The index of a migration location ({@value #FILE} next to the scripts): each script Flyway resolves there, in
 * Flyway's order, with the version, description and checksum Flyway computes for it. It lets {@link Migrations} tell
 * an up-to-date store without loading Flyway.
 *
 * <p>The index is trusted only when the location holds exactly the indexed scripts (nothing else but the index, in
 * any directory the classpath has for it) and each script's checksum, computed here the way Flyway does, is the
 * indexed one; otherwise {@link #verify} says why and the caller uses Flyway. A test in each module checks the index
 * against what Flyway itself resolves.
 */
final class MigrationIndex {
    /** The index's file name inside the location. */
    static final String FILE = "index.txt";

    /** One script: {@code V<version>__<description>.sql} with Flyway's CRC32 checksum of its lines. */
    record Script(String version, String description, String script, int checksum) {
        String line() {
            return version + "\t" + script + "\t" + checksum + "\t" + description;
        }
    }

    /** The verified scripts of a location, or why the index cannot be trusted. */
    record Verified(List<Script> scripts, String problem) {
        boolean trusted() {
            return problem == null;
        }

        String latest() {
            return scripts.isEmpty() ? "0" : scripts.get(scripts.size() - 1).version();
        }
    }

    private MigrationIndex() {
    }

    /** The index's text for the given scripts (what {@value #FILE} must hold). */
    static String render(String location, List<Script> scripts) {
        StringBuilder out = new StringBuilder();
        out.append("# The migration scripts of ").append(location).append(" as Flyway resolves them, in its order:\n");
        out.append("# version<TAB>script<TAB>Flyway checksum (CRC32 of the lines)<TAB>description.\n");
        out.append("# Read at start-up to skip Flyway on an up-to-date store (org.tixun.core.store.Migrations).\n");
        out.append("# Generated: run the module's MigrationIndexTest with -Dtixun.writeMigrationIndex=true.\n");
        scripts.forEach(s -> out.append(s.line()).append('\n'));
        return out.toString();
    }

    /** Parses an index's text. */
    static List<Script> parse(String text) {
        List<Script> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("not version<TAB>script<TAB>checksum<TAB>description: " + line);
            }
            out.add(new Script(f[0], f[3], f[1], Integer.parseInt(f[2])));
        }
        return List.copyOf(out);
    }

    /** Flyway's checksum of a script: CRC32 over the UTF-8 bytes of each line without its terminator, BOM dropped. */
    static int checksum(byte[] script) {
        CRC32 crc = new CRC32();
        try (BufferedReader in = new BufferedReader(new StringReader(new String(script, StandardCharsets.UTF_8)))) {
            String line = in.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = in.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc.getValue();
    }

    /** {@link #verify} results per class loader and location (weak keys: a test's loader may go). */
    private static final Map<ClassLoader, Map<String, Verified>> VERIFIED = new WeakHashMap<>();

    /**
     * {@link #verify}, once per class loader and location: what a class loader finds does not change while the
     * program runs, and opening a store asks twice (the newest version known, then the migration).
     */
    static Verified verified(ClassLoader loader, String location) {
        if (loader == null) {
            return verify(null, location);
        }
        synchronized (VERIFIED) {
            return VERIFIED.computeIfAbsent(loader, l -> new HashMap<>())
                    .computeIfAbsent(location, l -> verify(loader, l));
        }
    }

    /**
     * Reads the index of {@code location} and checks it against every file the class loader has under it (the
     * directories and jars Flyway would scan).
     */
    static Verified verify(ClassLoader loader, String location) {
        if (loader == null) {
            return new Verified(List.of(), "no class loader");
        }
        List<Script> indexed;
        Map<String, byte[]> files = new HashMap<>();
        try {
            List<URL> roots = Collections.list(loader.getResources(location));
            if (roots.isEmpty()) {
                return new Verified(List.of(), "the location is not on the class path");
            }
            for (URL root : roots) {
                String problem = list(root, files);
                if (problem != null) {
                    return new Verified(List.of(), problem);
                }
            }
            byte[] index = files.remove(FILE);
            if (index == null) {
                return new Verified(List.of(), "no " + FILE);
            }
            indexed = parse(new String(index, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new Verified(List.of(), "cannot read the location: " + e);
        }
        for (Script s : indexed) {
            byte[] bytes = files.remove(s.script());
            if (bytes == null) {
                return new Verified(List.of(), "indexed script " + s.script() + " is missing");
            }
            if (checksum(bytes) != s.checksum()) {
                return new Verified(List.of(), s.script() + " differs from its index entry");
            }
        }
        if (!files.isEmpty()) {
            return new Verified(List.of(), "not in the index: " + new java.util.TreeSet<>(files.keySet()));
        }
        return new Verified(indexed, null);
    }

    /** Adds every file under {@code root} (by path relative to it) to {@code files}; a problem, or null. */
    private static String list(URL root, Map<String, byte[]> files) throws IOException {
        switch (root.getProtocol()) {
            case "file" -> {
                Path dir;
                try {
                    dir = Path.of(root.toURI());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return "cannot read " + root + ": " + e;
                }
                List<Path> all;
                try (Stream<Path> walk = Files.walk(dir)) {
                    all = walk.filter(Files::isRegularFile).toList();
                }
                for (Path p : all) {
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    if (files.put(name, Files.readAllBytes(p)) != null) {
                        return name + " is on the class path twice";
                    }
                }
                return null;
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false); // our own JarFile, closed below
                String entry = connection.getEntryName();
                String prefix = (entry.endsWith("/") ? entry : entry + "/");
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (e.isDirectory() || !e.getName().startsWith(prefix)) {
                            continue;
                        }
                        byte[] bytes;
                        try (InputStream in = jar.getInputStream(e)) {
                            bytes = in.readAllBytes();
                        }
                        String name = e.getName().substring(prefix.length());
                        if (files.put(name, bytes) != null) {
                            return name + " is on the class path twice";
                        }
                    }
                }
                return null;
            }
            default -> {
                return "cannot list a " + root.getProtocol() + ": location";
            }
        }
    }

    /**
     * Whether the SQLite store at {@code jdbcUrl} has applied exactly the verified scripts: its history table lists
     * them in order (optionally after one baseline row at an indexed version, for a store written before Flyway),
     * each with the indexed version, description, script and checksum, and every row succeeded. Empty when it has;
     * otherwise why not (including any SQL error: the caller then uses Flyway, which reports real errors).
     */
    static Optional<String> mismatch(String jdbcUrl, String user, String password, List<Script> scripts) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, version, description, script, checksum, success"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                int checksum = rs.getInt(5);
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.wasNull() ? null : Integer.toString(checksum), Integer.toString(rs.getInt(6))});
            }
        } catch (SQLException e) {
            return Optional.of("cannot read the history: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return Optional.of("empty history");
        }
        int next = 0; // the index of the script the next row must be
        int first = 0;
        String[] r0 = rows.get(0);
        if ("BASELINE".equals(r0[0])) {
            int at = -1;
            for (int i = 0; i < scripts.size(); i++) {
                if (scripts.get(i).version().equals(r0[1])) {
                    at = i;
                }
            }
            if (at < 0 || !"1".equals(r0[5])) {
                return Optional.of("baseline at an unknown version or failed: " + r0[1]);
            }
            next = at + 1;
            first = 1;
        }
        if (rows.size() - first != scripts.size() - next) {
            return Optional.of((rows.size() - first) + " applied row(s) after the baseline, "
                    + (scripts.size() - next) + " script(s)");
        }
        for (int i = first; i < rows.size(); i++, next++) {
            String[] r = rows.get(i);
            Script want = scripts.get(next);
            if (!"SQL".equals(r[0]) || !want.version().equals(r[1]) || !want.description().equals(r[2])
                    || !want.script().equals(r[3]) || !Integer.toString(want.checksum()).equals(r[4])
                    || !"1".equals(r[5])) {
                return Optional.of("history row " + String.join("|", java.util.Arrays.asList(r)) + " is not "
                        + want.line());
            }
        }
        return Optional.empty();
    }
}
