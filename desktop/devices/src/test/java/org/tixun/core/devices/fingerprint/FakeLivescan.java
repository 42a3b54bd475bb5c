// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test code: the fake GA/T 626.1 live scanner ({@code fake-livescan.c}) compiled with the system C compiler into a
 * shared library once per test JVM, and the test-only functions that set what it serves. The production {@link
 * LivescanReader} loads the same file, so both see the same library state.
 */
public final class FakeLivescan {
    private static Path library;

    private FakeLivescan() {
    }

    /** The test controls of the fake. */
    @SuppressWarnings("checkstyle:MethodName")
    public interface Controls extends Library {
        int FAKE_SetImage(String rawPath);

        void FAKE_SetBlankFrames(int frames);

        void FAKE_SetInitResult(int rc);

        int FAKE_Count(String function);

        int FAKE_Capturing();
    }

    /** Builds the library (once) and returns its path; aborts the test with a reason if there is no C compiler. */
    public static synchronized Path library() throws IOException, InterruptedException {
        if (library == null) {
            library = compile("fake-livescan.c", "libfakelivescan.so");
        }
        return library;
    }

    public static Controls controls() throws IOException, InterruptedException {
        return Native.load(library().toString(), Controls.class);
    }

    /** Compiles a C file from this package's test resources into a shared library in a fresh temp directory. */
    public static Path compile(String source, String output) throws IOException, InterruptedException {
        Path gcc = Path.of("/usr/bin/gcc");
        Assumptions.assumeTrue(Files.isExecutable(gcc), "no C compiler (gcc): run .ci/install-deps.sh");
        Path dir = Files.createTempDirectory("tixun-fake-livescan");
        Path c = dir.resolve(source);
        try (InputStream in = FakeLivescan.class.getResourceAsStream(source)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + source + " missing");
            }
            Files.copy(in, c);
        }
        Path so = dir.resolve(output);
        Process p = new ProcessBuilder(gcc.toString(), "-shared", "-fPIC", "-O2", "-Wall", "-o", so.toString(),
                c.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("gcc failed for " + source + ":\n" + log);
        }
        return so;
    }

    /** Writes raw grey pixels to a file the fake reads. */
    public static Path raw(Path dir, String name, byte[] pixels) {
        try {
            return Files.write(dir.resolve(name), pixels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
