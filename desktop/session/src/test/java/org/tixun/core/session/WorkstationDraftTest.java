// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.QaEntry;
import org.tixun.templates.TemplateRegistry;

/**
 * What the recorder typed survives the program: every edit is saved in the background, closing flushes it, and the
 * record's unfinished session is found again in the store to be resumed with its text (no terminal needed).
 */
class WorkstationDraftTest {
    @TempDir
    Path dir;

    @Test
    void typedTextIsSavedAndTheUnfinishedSessionIsFoundAgain() throws Exception {
        LinkFixtures fx = new LinkFixtures(dir, "草稿测试检察院");
        Path wdir = dir.resolve("w");
        SignatureEventJournal wj = new SignatureEventJournal(wdir.resolve("journal"));
        List<String> filed = new CopyOnWriteArrayList<>();
        DefaultTemplateService templates = new DefaultTemplateService(TemplateRegistry.builtIn());
        DocumentData base = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        DocumentData last = null;
        try (SessionStore ws = SessionStore.open(wdir.resolve("session.db"))) {
            WorkstationLink wl = new WorkstationLink("工作站", fx.workstationTls(), "127.0.0.1:9", "draft-1", ws, wj, LinkFixtures.FAST);
            WorkstationFlow wf = new WorkstationFlow(FlowFixtures.setup("draft-1", "rec-9", wdir, ws, wj, fx, templates,
                    filed), wl);
            assertThat(wf.typedRecord()).as("nothing typed yet").isEmpty();
            for (int i = 1; i <= 30; i++) {
                last = base.withQa(List.of(new QaEntry("你叫什么名字？", "我叫李建国，今年" + i + "岁。")));
                wf.edit(last, 0, true, System.nanoTime());
            }
            wf.close();
            wl.close();
            assertThat(Files.exists(wdir.resolve("sessions/draft-1/live-draft.json"))).isTrue();

            var unfinished = ws.unfinishedFlow("WORKSTATION", "rec-9", Set.of("SEALED", "FAILED"));
            assertThat(unfinished).as("the record's session is unfinished").isPresent();
            assertThat(unfinished.get().sessionId()).isEqualTo("draft-1");
            assertThat(ws.unfinishedFlow("WORKSTATION", "rec-other", Set.of("SEALED", "FAILED"))).isEmpty();
            assertThat(ws.unfinishedFlow("WORKSTATION", "rec-9", Set.of("LIVE", "SEALED", "FAILED")))
                    .as("a finished phase is not offered").isEmpty();

            WorkstationLink wl2 = new WorkstationLink("工作站", fx.workstationTls(), "127.0.0.1:9", "draft-1", ws, wj, LinkFixtures.FAST);
            WorkstationFlow again = new WorkstationFlow(FlowFixtures.setup("draft-1", "rec-9", wdir, ws, wj, fx,
                    templates, filed), wl2);
            try {
                assertThat(again.phase()).isEqualTo(WorkstationFlow.Phase.LIVE);
                assertThat(again.typedRecord().map(DocumentData::toJson)).as("the last edit, as typed")
                        .contains(last.toJson());
            } finally {
                again.close();
                wl2.close();
            }
        }
    }
}
