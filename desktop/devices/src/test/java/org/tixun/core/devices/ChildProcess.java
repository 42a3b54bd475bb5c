// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Test code: a child process (a JVM on the test class path, or any program) with its own environment, whose output
 * lines are collected. Device tests use it where a library reads its configuration from the environment at start
 * (PulseAudio's server address, libfprint's virtual device socket), so the test JVM's own environment stays clean.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("[output closed: " + e.getMessage() + "]");
            }
        }, "child-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** A JVM running {@code main} on the test class path with these extra environment variables. */
    public static ChildProcess jvm(Class<?> main, Map<String, String> env, String... args) {
        List<String> cmd = org.tixun.core.ChildJvms.command(List.of("-Xmx256m"), main.getName(), List.of(args));
        return start(main.getSimpleName(), cmd, env, null);
    }

    /** Any program. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        try {
            return new ChildProcess(name, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    public Process process() {
        return process;
    }

    /** The output so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits (bounded) for a line starting with {@code prefix}; fails with the output otherwise. */
    public String await(String prefix, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (String l : lines) {
                if (l.startsWith(prefix)) {
                    return l;
                }
            }
            if (!process.isAlive()) {
                // Let the reader thread take the last lines before giving up.
                Thread.sleep(100);
                for (String l : lines) {
                    if (l.startsWith(prefix)) {
                        return l;
                    }
                }
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " did not print '" + prefix + "'; output:\n" + String.join("\n", lines));
    }

    /** Waits for the process to end and returns its exit code; fails after the timeout. */
    public int waitFor(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not end within " + timeoutMillis + " ms; output:\n"
                    + String.join("\n", lines));
        }
        return process.exitValue();
    }

    /** Ends the process (SIGTERM, then SIGKILL after 5 s). */
    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
