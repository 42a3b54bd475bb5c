// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.recording.RecordingEventKind;
import org.tixun.core.recording.RecordingManifest;

/** Private mute on the workstation is noted in the master recording's log, with the user, start and end. */
class RecorderRecordingMuteTest {
    @TempDir
    Path dir;

    @Test
    void privateMuteIntervalIsInTheSealedManifestEvents() throws Exception {
        RecordingManifest m;
        try (RecorderRecording r = RecorderRecording.start(dir.resolve("rec"), "mute-1", null, "zhangwei",
                RecordingConfig.sd().withSize(320, 240).withSegmentLength(java.time.Duration.ofSeconds(2)))) {
            r.privateMute(true, "zhangwei");
            Thread.sleep(200);
            r.privateMute(false, "zhangwei");
            r.finish("zhangwei");
            m = r.manifest();
        }
        assertThat(m.events()).filteredOn(e -> e.kind() == RecordingEventKind.PRIVATE_MUTE_START).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains("zhangwei"));
        assertThat(m.events()).filteredOn(e -> e.kind() == RecordingEventKind.PRIVATE_MUTE_END).hasSize(1);
        assertThat(RecordingManifest.read(dir.resolve("rec").resolve(RecordingManifest.FILE_NAME)).events())
                .anyMatch(e -> e.kind() == RecordingEventKind.PRIVATE_MUTE_START);
    }
}
