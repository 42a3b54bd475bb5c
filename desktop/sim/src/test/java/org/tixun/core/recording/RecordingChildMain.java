// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import org.tixun.sim.TestPattern;
import java.nio.file.Path;
import java.time.Clock;

/** Child JVM for the crash test: records into the directory given until it is killed. */
public final class RecordingChildMain {
    private RecordingChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        SessionRecorder r = SessionRecorder.start(Path.of(args[0]), "CRASH", null, "tester",
                SessionRecorderTest.small(), RecordingListener.NONE, clock);
        TestPattern.start(r, 320, 240, 25, true, clock);
        System.out.println("recording");
        Thread.sleep(Long.MAX_VALUE);
    }
}
