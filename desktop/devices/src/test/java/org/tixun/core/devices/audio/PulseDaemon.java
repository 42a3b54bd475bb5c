// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.tixun.core.devices.ChildProcess;

/**
 * Test code: a private PulseAudio daemon (Debian {@code pulseaudio}) started by the test in its own runtime
 * directory, with a null sink ({@code tixun_test}) whose monitor is the default source, and its native socket at
 * {@code DIR/native}. Clients reach it with {@code PULSE_SERVER=unix:DIR/native}; no running sound server is assumed
 * and no other one is touched.
 */
public final class PulseDaemon implements AutoCloseable {
    static final String SINK = "tixun_test";
    private static final Path PULSEAUDIO = Path.of("/usr/bin/pulseaudio");
    private static final Path PACTL = Path.of("/usr/bin/pactl");
    private static final Path PAPLAY = Path.of("/usr/bin/paplay");

    private final Path dir;
    private ChildProcess daemon;

    /** A daemon whose runtime directory, socket and home are under {@code dir}. */
    public PulseDaemon(Path dir) {
        this.dir = dir;
    }

    /** Aborts the test with the reason if PulseAudio, its tools or ALSA's pulse plugin are missing. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(PULSEAUDIO) && Files.isExecutable(PACTL)
                && Files.isExecutable(PAPLAY), "PulseAudio (Debian pulseaudio, pulseaudio-utils) is not installed: "
                + "run .ci/install-deps.sh");
        boolean plugin = false;
        for (String d : new String[] {"/usr/lib/x86_64-linux-gnu/alsa-lib", "/usr/lib/aarch64-linux-gnu/alsa-lib",
            "/usr/lib64/alsa-lib", "/usr/lib/alsa-lib"}) {
            plugin |= Files.exists(Path.of(d, "libasound_module_pcm_pulse.so"));
        }
        Assumptions.assumeTrue(plugin, "ALSA's pulse plugin (Debian libasound2-plugins) is not installed: run "
                + ".ci/install-deps.sh");
    }

    /** The environment a client needs to reach this daemon. */
    public Map<String, String> clientEnv() {
        return Map.of("PULSE_SERVER", "unix:" + dir.resolve("native"), "HOME", dir.resolve("home").toString(),
                "XDG_RUNTIME_DIR", dir.resolve("run").toString());
    }

    /** Starts the daemon and waits until {@code pactl info} answers. */
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("home"));
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        Path script = dir.resolve("tixun-test.pa");
        Files.writeString(script, "load-module module-native-protocol-unix socket=" + dir.resolve("native")
                + " auth-anonymous=1\n"
                + "load-module module-null-sink sink_name=" + SINK + " rate=48000 channels=1\n"
                + "set-default-sink " + SINK + "\n"
                + "set-default-source " + SINK + ".monitor\n");
        daemon = ChildProcess.start("pulseaudio", List.of(PULSEAUDIO.toString(), "-n", "-F", script.toString(),
                "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--disallow-exit=no",
                "--log-target=stderr"), clientEnv(), dir);
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (run(List.of(PACTL.toString(), "info"), 5) == 0) {
                return;
            }
            if (!daemon.process().isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("PulseAudio did not start: " + String.join("\n", daemon.lines()));
    }

    /** Plays a WAV file into the null sink and waits until it has been played. */
    public void play(Path wav) throws IOException, InterruptedException {
        int rc = run(List.of(PAPLAY.toString(), "--device=" + SINK, wav.toString()), 60);
        if (rc != 0) {
            throw new IllegalStateException("paplay failed with " + rc + "; daemon: " + String.join("\n",
                    daemon.lines()));
        }
    }

    private int run(List<String> command, long seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(clientEnv());
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (daemon != null) {
            daemon.stop();
        }
    }
}
