// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.demo.SampleRecord;

class SignatureEventJournalTest {
    @TempDir
    Path dir;

    private static List<SignatureEvent> sampleEvents() {
        return SampleRecord.events(SampleRecord.slots(2), "ab".repeat(32));
    }

    @Test
    void eventsRoundTripWithEveryField() throws Exception {
        SignatureEventJournal journal = new SignatureEventJournal(dir);
        List<SignatureEvent> events = sampleEvents();
        for (SignatureEvent e : events) {
            journal.append("REC-1", e);
        }
        List<SignatureEvent> loaded = journal.load("REC-1");
        assertThat(loaded).hasSize(events.size());
        SignatureEvent first = loaded.get(0);
        assertThat(first.samples()).isEqualTo(events.get(0).samples());
        assertThat(first.photoAtPenDownJpeg()).isEqualTo(events.get(0).photoAtPenDownJpeg());
        assertThat(first.times().hostStart()).isEqualTo(events.get(0).times().hostStart());
        assertThat(first.recording()).isEqualTo(events.get(0).recording());
        assertThat(journal.contains("REC-1", first.eventId())).isTrue();
    }

    @Test
    void resendingTheSameEventIsIdempotentButAConflictingOneIsRefused() throws Exception {
        SignatureEventJournal journal = new SignatureEventJournal(dir);
        SignatureEvent e = sampleEvents().get(0);
        journal.append("REC-1", e);
        journal.append("REC-1", e);
        assertThat(journal.load("REC-1")).hasSize(1);
        SignatureEvent other = new SignatureEvent(e.eventId(), e.signer(), "p2-suspect-sig", e.samples(), null, null,
                null, null, e.times(), e.device(), e.frozenContentSha256(), null);
        assertThatThrownBy(() -> journal.append("REC-1", other)).hasMessageContaining("event");
    }

    @Test
    void leftoverTempFileFromACrashIsIgnored() throws Exception {
        SignatureEventJournal journal = new SignatureEventJournal(dir);
        journal.append("REC-1", sampleEvents().get(0));
        Files.writeString(journal.recordDirectory("REC-1").resolve(".e9.event.json.tmp"), "{\"eventId\":\"e9\",");
        assertThat(journal.load("REC-1")).hasSize(1);
    }

    @Test
    void acknowledgedEventsSurviveAKilledProcess() throws Exception {
        Process child = new ProcessBuilder(org.tixun.core.ChildJvms.command(JournalWriterMain.class, dir.toString()))
                .redirectErrorStream(true).start();
        List<String> acked = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acked.add(line.substring(4));
                    if (acked.size() == 7) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acked).hasSize(7);
        List<String> loaded = new SignatureEventJournal(dir).load("REC-CRASH").stream().map(SignatureEvent::eventId)
                .toList();
        assertThat(loaded).containsAll(acked);
    }
}
