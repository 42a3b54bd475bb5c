// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.Direction;
import org.tixun.core.media.MediaSink;
import org.tixun.core.media.VideoFrame;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.recording.RecordingListener;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.SessionRecorder;
import org.tixun.sim.TestPattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tixun recording bench}: CPU (% of one core) and bytes per minute of the recorder, fed by the synthetic test
 * pattern in both directions. The source alone is measured first and subtracted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Recorder CPU and bytes per minute.")
public final class RecordingBenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "20")
    int seconds;
    @Option(names = "--size", split = ",", defaultValue = "640x480,1280x720")
    java.util.List<String> sizes;
    @Option(names = "--preset", defaultValue = "veryfast")
    String preset;
    @Spec
    CommandSpec spec;

    /** Stand-alone: {@code java -cp ... org.tixun.bench.RecordingBenchCommand [--seconds N]}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new RecordingBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Clock clock = Clock.systemUTC();
        out.printf("%-10s %-9s %8s %8s %10s %8s %8s%n", "size", "preset", "cpu%", "src%", "MB/min", "frames",
                "dropped");
        for (String size : sizes) {
            String[] wh = size.split("x");
            int w = Integer.parseInt(wh[0]);
            int h = Integer.parseInt(wh[1]);
            MediaSink nothing = new MediaSink() {
                @Override
                public void video(Direction d, VideoFrame f) {
                }

                @Override
                public void audio(Direction d, AudioChunk c) {
                }
            };
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (TestPattern p = TestPattern.start(nothing, w, h, 25, true, clock)) {
                Thread.sleep(Math.max(2, seconds / 4) * 1000L);
            }
            double source = 100.0 * (os.getProcessCpuTime() - c0) / (System.nanoTime() - t0);
            Path dir = Files.createTempDirectory("tixun-recording-bench");
            RecordingConfig config = RecordingConfig.sd().withSize(w, h).withPreset(preset)
                    .withSegmentLength(Duration.ofSeconds(60));
            c0 = os.getProcessCpuTime();
            t0 = System.nanoTime();
            SessionRecorder r = SessionRecorder.start(dir, "BENCH", null, "bench", config, RecordingListener.NONE,
                    clock);
            try (TestPattern p = TestPattern.start(r, w, h, 25, true, clock)) {
                Thread.sleep(seconds * 1000L);
            }
            RecordingManifest m = r.finish("bench");
            long wall = System.nanoTime() - t0;
            double cpu = 100.0 * (os.getProcessCpuTime() - c0) / wall - source;
            double mbPerMin = m.totalBytes() / 1e6 / (wall / 1e9) * 60;
            SessionRecorder.Stats s = r.stats();
            out.printf("%-10s %-9s %8.1f %8.1f %10.2f %8d %8d%n", size, preset, cpu, source, mbPerMin,
                    s.framesEncoded(), s.videoDropped() + s.audioDropped() + s.framesSkipped());
            out.flush();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
        return 0;
    }
}
