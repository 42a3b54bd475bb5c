// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the stripper on the real third-party jars of the app's class path (copies). */
class StripNativesTest {
    private static final Pattern NATIVE = Pattern.compile(".*(\\.so(\\.[0-9]+)*|\\.dll|\\.dylib|\\.jnilib)$");

    @TempDir
    Path tmp;

    private static Path jar(String prefix) {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (p.getFileName().toString().startsWith(prefix) && e.endsWith(".jar")) {
                return p;
            }
        }
        throw new AssertionError("no " + prefix + "*.jar on the test class path");
    }

    private Path stage(String... prefixes) throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        for (String prefix : prefixes) {
            Path j = jar(prefix);
            Files.copy(j, lib.resolve(j.getFileName()));
        }
        return lib;
    }

    private static List<String> nativesIn(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().map(ZipEntry::getName).filter(n -> NATIVE.matcher(n).matches()).forEach(out::add);
        }
        return out;
    }

    @Test
    void linuxKeepsOnlyLinuxNativesAndMovesTheLoadableOnesOut() throws IOException {
        Path lib = stage("sqlite-jdbc-", "jSerialComm-", "jna-", "javafx-graphics-21.0.12-linux", "bridj-",
                "webcam-capture-", "ffmpeg-8.1.2-1.5.14-linux-x86_64-gpl", "javacpp-1.5.14-linux-x86_64");
        Path natives = tmp.resolve("natives");

        StripNatives.Result r = StripNatives.strip("linux-x86_64", lib, natives);

        assertThat(r.extracted()).containsKeys("libsqlitejdbc.so", "libjSerialComm.so", "libjnidispatch.so",
                "libprism_es2.so", "libglass.so", "libjnijavacpp.so", "libjniavcodec.so", "libavcodec.so.62",
                "ffmpeg");
        assertThat(natives.resolve("libavcodec.so.62")).isNotEmptyFile();
        assertThat(r.extracted().keySet()).noneMatch(n -> n.endsWith(".dll") || n.endsWith(".dylib")
                || n.endsWith(".jnilib"));
        assertThat(r.deleted()).isGreaterThan(50);
        try (var s = Files.list(lib)) {
            for (Path j : s.toList()) {
                List<String> left = nativesIn(j);
                String name = j.getFileName().toString();
                if (name.startsWith("bridj-")) {
                    assertThat(left).isNotEmpty().allMatch(n -> n.startsWith("org/bridj/lib/linux_x64/"));
                } else if (name.startsWith("webcam-capture-")) {
                    assertThat(left).isNotEmpty()
                            .allMatch(n -> n.startsWith("com/github/sarxos/webcam/ds/buildin/lib/linux_x64/"));
                } else {
                    assertThat(left).as(name).isEmpty();
                }
            }
        }
        assertThat(r.keptInJars()).containsOnlyKeys(jar("bridj-").getFileName().toString(),
                jar("webcam-capture-").getFileName().toString());
    }

    @Test
    void windowsGetsOnlyWindowsNativesFromTheAllPlatformJars() throws IOException {
        Path lib = stage("sqlite-jdbc-", "jSerialComm-", "jna-", "bridj-", "webcam-capture-");
        Path natives = tmp.resolve("natives");

        StripNatives.Result r = StripNatives.strip("windows-x86_64", lib, natives);

        assertThat(r.extracted()).containsOnlyKeys("sqlitejdbc.dll", "jSerialComm.dll", "jnidispatch.dll");
        try (var s = Files.list(lib)) {
            for (Path j : s.toList()) {
                assertThat(nativesIn(j)).as(j.getFileName().toString())
                        .allMatch(n -> n.contains("/win64/"));
            }
        }
    }

    @Test
    void macArmGetsTheAarch64Natives() throws IOException {
        Path lib = stage("sqlite-jdbc-", "jSerialComm-", "jna-");
        StripNatives.Result r = StripNatives.strip("macosx-arm64", lib, tmp.resolve("natives"));
        assertThat(r.extracted()).containsOnlyKeys("libsqlitejdbc.dylib", "libjSerialComm.jnilib",
                "libjnidispatch.jnilib");
    }

    @Test
    void aPerPlatformJarForAnotherPlatformIsRefusedByName() throws IOException {
        Path lib = stage("javafx-graphics-21.0.12-linux", "ffmpeg-8.1.2-1.5.14-linux-x86_64-gpl");
        assertThatThrownBy(() -> StripNatives.strip("windows-x86_64", lib, tmp.resolve("natives")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("javafx-graphics-21.0.12-linux.jar is JavaFX for linux-x86_64, not windows-x86_64")
                .hasMessageContaining("holds JavaCPP natives for linux-x86_64, not windows-x86_64");
    }

    @Test
    void aNativeWithoutARuleIsNamed() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        try (OutputStream o = Files.newOutputStream(lib.resolve("mystery-1.0.jar"));
             ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("native/linux/libmystery.so"));
            z.write(new byte[] {0x7f, 'E', 'L', 'F'});
            z.closeEntry();
        }
        assertThatThrownBy(() -> StripNatives.strip("linux-x86_64", lib, tmp.resolve("natives")))
                .hasMessageContaining("mystery-1.0.jar: native library native/linux/libmystery.so has no rule");
    }

    /** A fake PE image: some bytes, then VS_FIXEDFILEINFO with the given file version. */
    private static byte[] dll(int major, int minor, int build, int fill) {
        byte[] b = new byte[64];
        java.util.Arrays.fill(b, (byte) fill);
        int at = 32;
        int[] sig = {0xBD, 0x04, 0xEF, 0xFE, 0, 0, 1, 0};
        for (int i = 0; i < sig.length; i++) {
            b[at + i] = (byte) sig[i];
        }
        long ms = (long) major << 16 | minor;
        long ls = (long) build << 16;
        for (int i = 0; i < 4; i++) {
            b[at + 8 + i] = (byte) (ms >>> (8 * i));
            b[at + 12 + i] = (byte) (ls >>> (8 * i));
        }
        return b;
    }

    private static void zip(Path jar, String entry, byte[] content) throws IOException {
        try (OutputStream o = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
    }

    @Test
    void theNewestMicrosoftCRuntimeWinsAndTheRuntimesOwnIsNotDowngraded() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        byte[] older = dll(14, 36, 100, 1);
        byte[] newer = dll(14, 44, 200, 2);
        zip(lib.resolve("javacpp-1.5.14-windows-x86_64.jar"), "org/bytedeco/javacpp/windows-x86_64/vcruntime140.dll",
                newer);
        zip(lib.resolve("javafx-graphics-21.0.12-win.jar"), "vcruntime140.dll", older);
        Path natives = tmp.resolve("natives");

        StripNatives.strip("windows-x86_64", lib, natives);

        assertThat(natives.resolve("vcruntime140.dll")).hasBinaryContent(newer);
        assertThat(StripNatives.fileVersion(newer)).isGreaterThan(StripNatives.fileVersion(older));

        Path runtimeBin = Files.createDirectories(tmp.resolve("runtime/bin"));
        byte[] jdkOwn = dll(14, 50, 1, 3);
        Files.write(runtimeBin.resolve("vcruntime140.dll"), jdkOwn);
        StripNatives.copyInto(natives, runtimeBin);
        assertThat(runtimeBin.resolve("vcruntime140.dll")).hasBinaryContent(jdkOwn);
    }

    @Test
    void twoDifferentLibrariesOfOneNameAreRefused() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        zip(lib.resolve("javacpp-1.5.14-windows-x86_64.jar"), "org/bytedeco/javacpp/windows-x86_64/glass.dll",
                new byte[] {1});
        zip(lib.resolve("javafx-graphics-21.0.12-win.jar"), "glass.dll", new byte[] {2});
        assertThatThrownBy(() -> StripNatives.strip("windows-x86_64", lib, tmp.resolve("natives")))
                .hasMessageContaining("two different natives named glass.dll");
    }

    @Test
    void anUnknownPlatformIsAUsageError() {
        assertThatThrownBy(() -> StripNatives.strip("solaris-sparc", tmp, tmp.resolve("n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown platform 'solaris-sparc'");
    }
}
