// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system for full-disk tests: a tmpfs of a fixed size mounted on a test folder (needs root, or
 * CAP_SYS_ADMIN). Where mounting is not allowed the test is aborted with the reason, not faked.
 */
public final class TmpfsMount implements AutoCloseable {
    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code bytes} (rounded up to pages) on {@code dir}, created if absent. */
    public static TmpfsMount mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String out = run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700", "tixun-test", dir.toString());
        if (out != null) {
            Assumptions.abort("cannot mount a tmpfs for the full-disk test (needs root or CAP_SYS_ADMIN): " + out);
        }
        return new TmpfsMount(dir);
    }

    /** Gives the file system a new size (e.g. the clerk freed space). */
    public void resize(long bytes) throws IOException, InterruptedException {
        String out = run("mount", "-o", "remount,size=" + bytes, dir.toString());
        if (out != null) {
            throw new IOException("remount failed: " + out);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Runs a command; null on success, else its output. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + " did not finish";
        }
        return p.exitValue() == 0 ? null : new String(out, StandardCharsets.UTF_8).trim() + " (exit " + p.exitValue() + ")";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String out = run("umount", dir.toString());
        if (out != null) {
            throw new IOException("umount " + dir + " failed: " + out);
        }
    }
}
