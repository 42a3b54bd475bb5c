// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.TemplateRegistry;

/**
 * What the terminal learns about the workstation after the suspect's part, over a real mutual-TLS loopback link: the
 * page a prosecutor reads aloud, then the workstation's own signing, sealing and verifying, in that order, and where
 * every terminal slot lies on its page; the message survives the codec.
 */
@Timeout(120)
class SessionProgressTest {
    @TempDir
    Path dir;

    @Test
    void theCodecKeepsEveryField() throws Exception {
        SessionProgress p = new SessionProgress("rec-1", "ab".repeat(32), SessionProgress.Stage.READING_ALOUD, 2, 0.4,
                0, 0);
        SessionMessage back = MessageCodec.decode(MessageCodec.frame(p, 0));
        assertThat(back).isEqualTo(p);
        assertThat(MessageType.SESSION_PROGRESS.reliable()).isFalse();
        assertThat(SessionLink.VERSIONS).contains(1, 2);
    }

    @Test
    void theTerminalHearsTheReaderThenTheWorkstationsSigningSealingAndVerifying() throws Exception {
        LinkFixtures fx = new LinkFixtures(dir, "进度测试检察院");
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        DefaultTemplateService templates = new DefaultTemplateService(TemplateRegistry.builtIn());
        List<String> filed = new CopyOnWriteArrayList<>();
        Path wdir = dir.resolve("w");
        SignatureEventJournal wj = new SignatureEventJournal(wdir.resolve("journal"));
        try (FlowFixtures.Terminal t = FlowFixtures.Terminal.open(fx, dir.resolve("t"));
                SessionStore ws = SessionStore.open(wdir.resolve("session.db"));
                WorkstationLink wl = new WorkstationLink("工作站", fx.workstationTls(), t.address(), "progress-1", ws,
                        wj, LinkFixtures.FAST);
                WorkstationFlow wf = new WorkstationFlow(
                        FlowFixtures.setup("progress-1", "rec-p", wdir, ws, wj, fx, templates, filed), wl)) {
            TerminalFlow terminal = t.flow();
            List<SessionProgress> heard = new CopyOnWriteArrayList<>();
            terminal.addListener(new FlowListener() {
                @Override
                public void progress(SessionProgress progress) {
                    heard.add(progress);
                }
            });
            wl.start();
            assertThat(wl.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
            String frozen = wf.freezeAndSend(data);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (terminal.current().kind() != TerminalFlow.StepKind.READING && System.nanoTime() < deadline) {
                terminal.awaitStepChange(terminal.current(), Duration.ofMillis(200));
            }
            assertThat(terminal.current().kind()).isEqualTo(TerminalFlow.StepKind.READING);

            // Every terminal slot knows its place on the page, and the footer ones say so.
            List<PlannedSlot> slots = terminal.state().slots;
            assertThat(slots).allSatisfy(s -> {
                assertThat(s.area()).isNotNull();
                assertThat(s.area().top()).isBetween(0.0, 1.0);
            });
            assertThat(slots).filteredOn(s -> s.slotId().startsWith("suspect-page"))
                    .allSatisfy(s -> assertThat(s.area().footer()).isTrue());
            assertThat(slots).filteredOn(s -> s.kind() == SlotKind.CONFIRMATION)
                    .allSatisfy(s -> assertThat(s.area().footer()).isFalse());

            wf.readingAloudAt(1, 0.25);
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(heard).first().isEqualTo(new SessionProgress("rec-p", frozen,
                    SessionProgress.Stage.READING_ALOUD, 1, 0.25, 0, 0));
            assertThat(terminal.progress()).isEqualTo(heard.get(0));

            FlowFixtures.walk(terminal);
            assertThat(wf.awaitEnd(Duration.ofSeconds(90))).isTrue();
            assertThat(wf.phase()).isEqualTo(WorkstationFlow.Phase.SEALED);
            assertThat(terminal.awaitEnded(Duration.ofSeconds(20))).isTrue();
            List<SessionProgress.Stage> stages = heard.stream().map(SessionProgress::stage).distinct().toList();
            assertThat(stages).containsExactly(SessionProgress.Stage.READING_ALOUD,
                    SessionProgress.Stage.WORKSTATION_SIGNING, SessionProgress.Stage.SEALING,
                    SessionProgress.Stage.VERIFYING);
            int local = wf.state().localSlots().size();
            assertThat(heard).filteredOn(p -> p.stage() == SessionProgress.Stage.WORKSTATION_SIGNING)
                    .extracting(SessionProgress::done).containsExactlyElementsOf(
                            java.util.stream.IntStream.rangeClosed(0, local).boxed().toList());
            assertThat(terminal.progress()).as("nothing left to show once the session ended").isNull();
        }
    }
}
