// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import java.nio.file.Path;
import java.util.List;
import org.tixun.demo.SampleRecord;

/** Child process for the crash test: journals events forever, printing an acknowledgement after each. */
public final class JournalWriterMain {
    private JournalWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        SignatureEventJournal journal = new SignatureEventJournal(Path.of(args[0]));
        List<SignatureEvent> events = SampleRecord.events(SampleRecord.slots(20), "cd".repeat(32));
        for (int round = 0; ; round++) {
            for (SignatureEvent e : events) {
                SignatureEvent renamed = new SignatureEvent("r" + round + "-" + e.eventId(), e.signer(), e.slotId(),
                        e.samples(), e.inkImagePng(), e.photoAtPenDownJpeg(), e.photoAtCompletionJpeg(),
                        e.fingerprintPng(), e.times(), e.device(), e.frozenContentSha256(), e.recording());
                journal.append("REC-CRASH", renamed);
                System.out.println("ack " + renamed.eventId());
                System.out.flush();
            }
        }
    }
}
