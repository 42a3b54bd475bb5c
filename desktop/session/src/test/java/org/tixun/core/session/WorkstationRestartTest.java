// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.flow.WorkstationState;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.QaEntry;
import org.tixun.templates.TemplateRegistry;

/**
 * The workstation program stops in the middle of the terminal's signing (link, flow and store closed) and starts
 * again with the same session: it resumes from the session store, receives what the terminal signed meanwhile, signs
 * its own slots, and seals once — every slot with exactly one event.
 */
class WorkstationRestartTest {
    @TempDir
    Path dir;

    @Test
    void restartedWorkstationResumesAndSealsOnce() throws Exception {
        LinkFixtures fx = new LinkFixtures(dir, "重启测试检察院");
        FlowFixtures.Terminal t = FlowFixtures.Terminal.open(fx, dir.resolve("t"));
        TerminalFlow terminal = t.flow();
        int port = t.port();

        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                .withQa(List.of(new QaEntry("你是否同意以远程视频方式接受讯问？", "同意。")));
        List<String> filed = new CopyOnWriteArrayList<>();
        Path wdir = dir.resolve("w");
        SignatureEventJournal wj = new SignatureEventJournal(wdir.resolve("journal"));
        DefaultTemplateService templates = new DefaultTemplateService(TemplateRegistry.builtIn());

        // First run: freeze, send, stop after the first event arrived.
        SessionStore ws = SessionStore.open(wdir.resolve("session.db"));
        WorkstationLink wl = new WorkstationLink("工作站", fx.workstationTls(), "127.0.0.1:" + port, "restart-1", ws,
                wj, LinkFixtures.FAST);
        WorkstationFlow wf = new WorkstationFlow(
                FlowFixtures.setup("restart-1", "rec-1", wdir, ws, wj, fx, templates, filed), wl);
        CountDownLatch first = new CountDownLatch(1);
        wf.addListener(new FlowListener() {
            @Override
            public void signed(PlannedSlot slot, SignatureEvent event) {
                first.countDown();
            }
        });
        wl.start();
        assertThat(wl.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
        wf.freezeAndSend(data);

        Thread suspect = new Thread(() -> {
            try {
                FlowFixtures.walk(terminal);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "suspect");
        suspect.start();
        assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
        wf.close();
        wl.close();
        ws.close();
        suspect.join(60_000);
        assertThat(terminal.current().kind()).isEqualTo(TerminalFlow.StepKind.DONE);

        // Second run: same session id and store.
        ws = SessionStore.open(wdir.resolve("session.db"));
        wl = new WorkstationLink("工作站", fx.workstationTls(), "127.0.0.1:" + port, "restart-1", ws, wj,
                LinkFixtures.FAST);
        wf = new WorkstationFlow(FlowFixtures.setup("restart-1", "rec-1", wdir, ws, wj, fx, templates, filed),
                wl);
        assertThat(wf.phase()).isEqualTo(WorkstationFlow.Phase.SIGNING);
        wf.resume();
        wl.start();
        assertThat(wf.awaitEnd(Duration.ofSeconds(60))).isTrue();
        WorkstationState st = wf.state();
        assertThat(st.phase()).as(String.join("\n", st.rejected())).isEqualTo(WorkstationFlow.Phase.SEALED);
        assertThat(terminal.awaitEnded(Duration.ofSeconds(20))).isTrue();
        wf.close();
        wl.close();
        ws.close();

        // A new session on the same terminal shows that session (waiting for its record), not the ended one.
        try (SessionStore fs = SessionStore.open(wdir.resolve("fresh.db"));
                WorkstationLink fresh = new WorkstationLink("工作站", fx.workstationTls(), "127.0.0.1:" + port,
                        "fresh-2", fs, null, LinkFixtures.FAST)) {
            assertThat(terminal.current().kind()).isEqualTo(TerminalFlow.StepKind.ENDED);
            fresh.start();
            assertThat(fresh.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (terminal.current().kind() != TerminalFlow.StepKind.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(terminal.current().kind()).isEqualTo(TerminalFlow.StepKind.WAITING);
        }
        t.close();

        List<SignatureEvent> events = wj.load("rec-1");
        int planned = st.terminalSlots().size() + st.localSlots().size();
        assertThat(events).hasSize(planned);
        assertThat(events.stream().map(SignatureEvent::slotId).distinct()).hasSize(planned);
        assertThat(t.journal().load("rec-1")).hasSize(st.terminalSlots().size());
        assertThat(filed).containsExactly("rec-1");
        byte[] sealed = Files.readAllBytes(Path.of(st.sealedPath()));
        var report = new Verifier(List.of(fx.keys.rootCertificate())).verify("sealed.pdf", sealed);
        assertThat(report.ok()).as(report.toText()).isTrue();
    }
}
