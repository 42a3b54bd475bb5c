// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a staged {@code lib/} folder carry only one platform's native libraries (issue 8).
 *
 * <p>The jars of sqlite-jdbc, jSerialComm, JNA, BridJ and Webcam Capture hold the natives of every platform; the
 * JavaFX and JavaCPP/FFmpeg jars are per platform already. For the target platform this tool
 * <ul>
 *   <li>moves the natives of sqlite-jdbc, jSerialComm, JNA, JavaFX and JavaCPP/FFmpeg out of the jars into one
 *       folder (the runtime's library folder, which the launchers pin as {@code java.library.path});</li>
 *   <li>keeps BridJ's and Webcam Capture's own-platform natives inside their jars (both load them as class-path
 *       resources) and deletes the others;</li>
 *   <li>deletes every other platform's natives, and fails on a native library it has no rule for, or on a
 *       per-platform jar built for another platform, naming the jar and the entry.</li>
 * </ul>
 *
 * <p>Single-file program, so every platform's build runs it the same way with only a JDK:
 * {@code java installer/src/main/java/org/tixun/installer/StripNatives.java --platform windows-x86_64
 * --lib target/win-input/lib --natives target/win-natives}; it is used by {@code installer/build.sh} (Linux) and the
 * {@code installer-msi}/{@code installer-dmg} Maven profiles. Exit status 0 on success, 2 on a usage error, 1 on
 * anything else, with the reason on standard error.
 */
public final class StripNatives {

    /** Platforms Tixun is packaged for, in JavaCPP's naming. */
    public static final Set<String> PLATFORMS =
            Set.of("linux-x86_64", "linux-arm64", "windows-x86_64", "macosx-x86_64", "macosx-arm64");

    /**
     * Microsoft's C/C++ runtime, which both JavaFX and JavaCPP bundle for Windows (and the JDK has in its bin): the
     * copies differ, and a newer one serves programs built against an older one, so the highest file version wins.
     */
    private static final Pattern MS_C_RUNTIME = Pattern.compile(
            "(?i)^(api-ms-win-.*|ucrtbase|vcruntime140(_\\d+)?|msvcp140(_\\d+|_atomic_wait|_codecvt_ids)?|concrt140"
                    + "|vcomp140|vccorlib140)\\.dll$");

    private static final Pattern NATIVE_NAME =
            Pattern.compile(".*(\\.so(\\.[0-9]+)*|\\.dll|\\.dylib|\\.jnilib)$");

    /** What happens to a target-platform native. */
    enum Action { EXTRACT, KEEP_IN_JAR }

    /**
     * One library's layout: a pattern on the entry path whose group 1 is the library's own platform token, and the
     * tokens that mean each of our platforms.
     */
    record Rule(String library, Pattern pattern, Action action, Map<String, Set<String>> platformsByToken) {
        Set<String> platformsOf(String token) {
            return platformsByToken.getOrDefault(token, Set.of());
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("sqlite-jdbc", Pattern.compile("^org/sqlite/native/([^/]+/[^/]+)/[^/]+$"), Action.EXTRACT, Map.of(
                    "Linux/x86_64", Set.of("linux-x86_64"), "Linux/aarch64", Set.of("linux-arm64"),
                    "Windows/x86_64", Set.of("windows-x86_64"), "Mac/x86_64", Set.of("macosx-x86_64"),
                    "Mac/aarch64", Set.of("macosx-arm64"))),
            new Rule("jSerialComm", Pattern.compile("^([A-Za-z]+/[^/]+)/[^/]*jSerialComm[^/]*$"), Action.EXTRACT,
                    Map.of("Linux/x86_64", Set.of("linux-x86_64"), "Linux/armv8_64", Set.of("linux-arm64"),
                            "Windows/x86_64", Set.of("windows-x86_64"), "OSX/x86_64", Set.of("macosx-x86_64"),
                            "OSX/aarch64", Set.of("macosx-arm64"))),
            new Rule("JNA", Pattern.compile("^com/sun/jna/([^/]+)/[^/]+$"), Action.EXTRACT, Map.of(
                    "linux-x86-64", Set.of("linux-x86_64"), "linux-aarch64", Set.of("linux-arm64"),
                    "win32-x86-64", Set.of("windows-x86_64"), "darwin-x86-64", Set.of("macosx-x86_64"),
                    "darwin-aarch64", Set.of("macosx-arm64"))),
            new Rule("BridJ", Pattern.compile("^org/bridj/lib/([^/]+)/[^/]+$"), Action.KEEP_IN_JAR, Map.of(
                    "linux_x64", Set.of("linux-x86_64"), "win64", Set.of("windows-x86_64"),
                    "darwin_universal", Set.of("macosx-x86_64", "macosx-arm64"))),
            new Rule("Webcam Capture", Pattern.compile("^com/github/sarxos/webcam/ds/buildin/lib/([^/]+)/[^/]+$"),
                    Action.KEEP_IN_JAR, Map.of(
                    "linux_x64", Set.of("linux-x86_64"), "win64", Set.of("windows-x86_64"),
                    "darwin_universal", Set.of("macosx-x86_64", "macosx-arm64"))),
            // JavaCPP presets: org/bytedeco/<preset>/<platform>[-gpl]/..., libraries and the ffmpeg/ffprobe programs.
            new Rule("JavaCPP", Pattern.compile("^org/bytedeco/[^/]+/([a-z]+-[a-z0-9_]+)(?:-gpl)?/[^/]+$"),
                    Action.EXTRACT, Map.of(
                    "linux-x86_64", Set.of("linux-x86_64"), "linux-arm64", Set.of("linux-arm64"),
                    "windows-x86_64", Set.of("windows-x86_64"), "macosx-x86_64", Set.of("macosx-x86_64"),
                    "macosx-arm64", Set.of("macosx-arm64"))));

    /** JavaFX jars carry their natives at the top level; the jar's classifier names the platform. */
    private static final Pattern JAVAFX_JAR = Pattern.compile("^javafx-[a-z]+-[0-9.]+-([a-z0-9-]+)\\.jar$");
    private static final Map<String, String> JAVAFX_PLATFORMS = Map.of(
            "linux", "linux-x86_64", "linux-aarch64", "linux-arm64", "win", "windows-x86_64",
            "mac", "macosx-x86_64", "mac-aarch64", "macosx-arm64");

    /** What one run did. */
    public record Result(Map<String, Path> extracted, Map<String, Integer> keptInJars, int deleted) {
    }

    private StripNatives() {
    }

    public static void main(String[] args) {
        String platform = null;
        Path lib = null;
        Path natives = null;
        Path copyInto = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length && a.startsWith("--")) {
                usage("missing value after " + a);
            }
            switch (a) {
                case "--platform" -> platform = args[++i];
                case "--lib" -> lib = Path.of(args[++i]);
                case "--natives" -> natives = Path.of(args[++i]);
                case "--copy-into" -> copyInto = Path.of(args[++i]);
                default -> usage("unknown argument '" + a + "'");
            }
        }
        if (copyInto != null) {
            if (natives == null || platform != null || lib != null) {
                usage("--copy-into takes only --natives");
            }
            try {
                int n = copyInto(natives, copyInto);
                System.out.printf(Locale.ROOT, "StripNatives: %d natives copied from %s into %s%n", n, natives, copyInto);
                return;
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("StripNatives: " + e.getMessage());
                System.exit(1);
            }
        }
        if (platform == null || lib == null || natives == null) {
            usage("--platform, --lib and --natives are all required");
        }
        try {
            Result r = strip(platform, lib, natives);
            System.out.printf(Locale.ROOT, "StripNatives %s: %d natives extracted to %s, %d kept inside jars %s,"
                    + " %d other-platform entries deleted%n", platform, r.extracted().size(), natives,
                    r.keptInJars().values().stream().mapToInt(Integer::intValue).sum(), r.keptInJars().keySet(),
                    r.deleted());
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
            System.err.println("StripNatives: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String why) {
        System.err.println("StripNatives: " + why + "\nusage: java StripNatives.java --platform "
                + String.join("|", new TreeSet<>(PLATFORMS)) + " --lib STAGED_LIB_DIR --natives OUT_DIR\n"
                + "       java StripNatives.java --natives OUT_DIR --copy-into RUNTIME_LIBRARY_DIR");
        System.exit(2);
    }

    /**
     * Strips every jar in {@code lib} (in place) down to {@code platform}'s natives.
     *
     * @param platform one of {@link #PLATFORMS}
     * @param lib folder of staged jars (modified)
     * @param natives folder receiving the extracted natives (created)
     * @return what was done
     * @throws IllegalStateException on an unknown native, a jar for another platform, or two different files of one
     *     name
     */
    public static Result strip(String platform, Path lib, Path natives) throws IOException {
        if (!PLATFORMS.contains(platform)) {
            throw new IllegalArgumentException("unknown platform '" + platform + "'; expected one of "
                    + new TreeSet<>(PLATFORMS));
        }
        if (!Files.isDirectory(lib)) {
            throw new IllegalArgumentException(lib + " is not a folder of jars");
        }
        Files.createDirectories(natives);
        List<Path> jars;
        try (Stream<Path> s = Files.list(lib)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        Map<String, Path> extracted = new TreeMap<>();
        Map<String, String> extractedFrom = new LinkedHashMap<>();
        Map<String, Integer> kept = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int deleted = 0;
        for (Path jar : jars) {
            String jarName = jar.getFileName().toString();
            Matcher fx = JAVAFX_JAR.matcher(jarName);
            String fxPlatform = fx.matches() ? JAVAFX_PLATFORMS.get(fx.group(1)) : null;
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
                List<Path> entries;
                try (Stream<Path> s = Files.walk(zip.getPath("/"))) {
                    entries = s.filter(Files::isRegularFile).toList();
                }
                if (isSigned(entries)) {
                    if (entries.stream().anyMatch(e -> NATIVE_NAME.matcher(e.toString()).matches())) {
                        problems.add(jarName + " is signed and holds natives: stripping it would break its signature");
                    }
                    continue;
                }
                List<Path> toDelete = new ArrayList<>();
                for (Path entry : entries) {
                    String name = entry.toString().substring(1);
                    if (name.startsWith("META-INF/")) {
                        continue;
                    }
                    Rule rule = null;
                    String token = null;
                    for (Rule r : RULES) {
                        Matcher m = r.pattern().matcher(name);
                        if (m.matches()) {
                            rule = r;
                            token = m.group(1);
                            break;
                        }
                    }
                    boolean isNative = NATIVE_NAME.matcher(name).matches();
                    if (rule == null && fx.matches() && isNative && !name.contains("/")) {
                        if (fxPlatform == null) {
                            problems.add(jarName + ": JavaFX classifier '" + fx.group(1) + "' is not a platform"
                                    + " Tixun packages for");
                            continue;
                        }
                        if (!fxPlatform.equals(platform)) {
                            problems.add(jarName + " is JavaFX for " + fxPlatform + ", not " + platform
                                    + ": build on the target system (Maven picks JavaFX's natives by the build OS)");
                            break;
                        }
                        extract(entry, name, jarName, natives, extracted, extractedFrom, problems);
                        toDelete.add(entry);
                        continue;
                    }
                    if (rule == null) {
                        if (isNative) {
                            problems.add(jarName + ": native library " + name + " has no rule in StripNatives:"
                                    + " add its library's layout to StripNatives.RULES");
                        }
                        continue;
                    }
                    Set<String> its = rule.platformsOf(token);
                    if (!its.contains(platform)) {
                        if (rule.library().equals("JavaCPP") && PLATFORMS.contains(token)) {
                            problems.add(jarName + " holds JavaCPP natives for " + token + ", not " + platform
                                    + ": build with -Djavacpp.platform=" + platform + " (the parent pom sets it by OS)");
                            break;
                        }
                        toDelete.add(entry);
                        deleted++;
                        continue;
                    }
                    if (rule.action() == Action.KEEP_IN_JAR) {
                        kept.merge(jarName, 1, Integer::sum);
                    } else {
                        extract(entry, name, jarName, natives, extracted, extractedFrom, problems);
                        toDelete.add(entry);
                    }
                }
                for (Path e : toDelete) {
                    Files.delete(e);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n  ", problems));
        }
        return new Result(extracted, kept, deleted);
    }

    /**
     * Copies the extracted natives into the jlinked runtime's library folder (after jlink, which wants an empty
     * output folder), keeping the executable bits.
     *
     * @return the number of files copied
     */
    public static int copyInto(Path natives, Path runtimeLibraryDir) throws IOException {
        if (!Files.isDirectory(natives)) {
            throw new IllegalArgumentException(natives + " is not a folder: run with --platform/--lib/--natives first");
        }
        if (!Files.isDirectory(runtimeLibraryDir)) {
            throw new IllegalArgumentException(runtimeLibraryDir + " does not exist: run jlink first");
        }
        int n = 0;
        try (Stream<Path> s = Files.list(natives)) {
            for (Path p : s.toList()) {
                Path existing = runtimeLibraryDir.resolve(p.getFileName());
                if (Files.exists(existing) && MS_C_RUNTIME.matcher(p.getFileName().toString()).matches()
                        && fileVersion(Files.readAllBytes(existing)) >= fileVersion(Files.readAllBytes(p))) {
                    continue; // the runtime's own C runtime is as new or newer
                }
                Files.copy(p, runtimeLibraryDir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                n++;
            }
        }
        return n;
    }

    private static void extract(Path entry, String name, String jarName, Path natives, Map<String, Path> extracted,
                                Map<String, String> extractedFrom, List<String> problems) throws IOException {
        String file = entry.getFileName().toString();
        Path target = natives.resolve(file);
        if (extracted.containsKey(file)) {
            if (sha256(entry).equals(sha256(target))) {
                return;
            }
            if (MS_C_RUNTIME.matcher(file).matches()) {
                long mine = fileVersion(Files.readAllBytes(entry));
                long theirs = fileVersion(Files.readAllBytes(target));
                if (mine >= 0 && theirs >= 0) {
                    if (mine > theirs) {
                        Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
                        extractedFrom.put(file, jarName + "!" + name);
                    }
                    return;
                }
            }
            problems.add("two different natives named " + file + ": " + extractedFrom.get(file) + " and "
                    + jarName + "!" + name);
            return;
        }
        Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
        if (!file.endsWith(".dll")) {
            target.toFile().setExecutable(file.equals("ffmpeg") || file.equals("ffprobe") || !file.contains("."),
                    false);
        }
        extracted.put(file, target);
        extractedFrom.put(file, jarName + "!" + name);
    }

    /**
     * The file version of a Windows PE image from its {@code VS_FIXEDFILEINFO} (signature {@code 0xFEEF04BD}), as
     * {@code dwFileVersionMS << 32 | dwFileVersionLS}, or -1 if the image has none.
     */
    static long fileVersion(byte[] image) {
        for (int i = 0; i + 16 <= image.length; i += 4) {
            if ((image[i] & 0xff) == 0xBD && (image[i + 1] & 0xff) == 0x04 && (image[i + 2] & 0xff) == 0xEF
                    && (image[i + 3] & 0xff) == 0xFE) {
                long ms = le32(image, i + 8);
                long ls = le32(image, i + 12);
                return ms << 32 | ls;
            }
        }
        return -1;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    /** Whether the jar (its regular entries) carries a signature file. */
    private static boolean isSigned(List<Path> entries) {
        return entries.stream().anyMatch(e -> {
            String n = e.toString().toUpperCase(Locale.ROOT);
            return n.startsWith("/META-INF/") && n.lastIndexOf('/') == "/META-INF".length() && n.endsWith(".SF");
        });
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }
}
