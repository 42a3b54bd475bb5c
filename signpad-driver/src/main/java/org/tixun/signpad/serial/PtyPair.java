// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A pair of connected ptys made by socat: bytes written to one end are read at the other. */
public final class PtyPair implements AutoCloseable {

    /** The Debian package that provides the helper. */
    public static final String PACKAGE = "socat";

    private final Process process;
    private final Path deviceEnd;
    private volatile Path hostEnd;
    private final StringBuffer log = new StringBuffer();

    private PtyPair(Process process, Path deviceEnd, Path hostEnd) {
        this.process = process;
        this.deviceEnd = deviceEnd;
        this.hostEnd = hostEnd;
    }

    /** Returns the socat executable, or null when it is not installed. */
    public static Path findSocat() {
        String path = System.getenv("PATH");
        if (path == null) {
            path = "/usr/bin:/bin";
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "socat");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Starts socat linking two new ptys at {@code deviceEnd} (for the simulator) and {@code hostEnd} (for the app).
     *
     * @throws IOException if socat is missing (naming the package to install) or does not create the links in time
     */
    public static PtyPair start(Path deviceEnd, Path hostEnd) throws IOException {
        Path socat = findSocat();
        if (socat == null) {
            throw new IOException("socat is not installed: install the Debian package '" + PACKAGE
                    + "' (sudo apt-get install socat) to create pty pairs");
        }
        Files.deleteIfExists(deviceEnd);
        Files.deleteIfExists(hostEnd);
        ProcessBuilder pb = new ProcessBuilder(socat.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + deviceEnd.toAbsolutePath(),
                "pty,raw,echo=0,link=" + hostEnd.toAbsolutePath());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        PtyPair pair = new PtyPair(p, deviceEnd, hostEnd);
        Thread drain = new Thread(() -> pair.drain(p.getInputStream()), "socat-log");
        drain.setDaemon(true);
        drain.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!(Files.exists(deviceEnd) && Files.exists(hostEnd) && pair.log.indexOf("starting data transfer") >= 0)) {
            if (!p.isAlive()) {
                throw new IOException("socat exited with " + p.exitValue() + ": " + pair.log);
            }
            if (System.nanoTime() - deadline > 0) {
                pair.close();
                throw new IOException("socat did not create " + deviceEnd + " and " + hostEnd + " within 5 s: "
                        + pair.log);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                pair.close();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting socat", e);
            }
        }
        return pair;
    }

    private void drain(InputStream in) {
        byte[] b = new byte[512];
        try {
            int n;
            while ((n = in.read(b)) > 0) {
                log.append(new String(b, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            log.append("[log closed: ").append(e.getMessage()).append(']');
        }
    }

    /**
     * Renames the host end's link to {@code published}, atomically, so an application polling for that path only
     * sees it once the simulator is already listening on the device end.
     */
    public void publishHostEnd(Path published) throws IOException {
        Files.move(hostEnd, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        hostEnd = published;
    }

    /** The end the simulator (the "device") writes to. */
    public Path deviceEnd() {
        return deviceEnd;
    }

    /** The end the application opens as its serial port. */
    public Path hostEnd() {
        return hostEnd;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Returns what socat logged (useful in error messages). */
    public String log() {
        return log.toString();
    }

    /** Stops socat; both ptys disappear, as when a pad is unplugged. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(deviceEnd);
            Files.deleteIfExists(hostEnd);
        } catch (IOException e) {
            log.append("[cannot remove links: ").append(e.getMessage()).append(']');
        }
    }
}
