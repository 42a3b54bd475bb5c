// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.sample.SampleRecord;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.Capture;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.Lang;
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

    /** Pen samples straight from the sample generator (the pad path is covered by the two-process test). */
    private static final SignatureSource SAMPLES = (slot, seed) -> {
        Instant t = Instant.now();
        long mono = System.nanoTime();
        boolean finger = slot.kind() == SlotKind.FINGERPRINT;
        var samples = finger ? List.<org.tixun.core.evidence.model.StrokeSample>of() : SampleRecord.strokes(seed, 300);
        return new Capture(samples, null, finger ? SampleRecord.fingerprintImage() : null, t, t.plusMillis(1500),
                mono, mono + 1_500_000_000L, 0, 1_500_000, SampleRecord.PAD);
    };

    @Test
    void restartedWorkstationResumesAndSealsOnce() throws Exception {
        LinkFixtures fx = new LinkFixtures(dir, "重启测试检察院");
        SessionStore ts = SessionStore.open(dir.resolve("t/session.db"));
        SignatureEventJournal tj = new SignatureEventJournal(dir.resolve("t/journal"));
        TerminalLink tl = new TerminalLink("终端", fx.terminalTls(fx.terminalCredential("127.0.0.1")), ts, tj,
                LinkFixtures.FAST);
        TerminalFlow terminal = new TerminalFlow(tl, ts, tj, dir.resolve("t"));
        int port = tl.listen(new InetSocketAddress("127.0.0.1", 0)).getPort();

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
        WorkstationFlow wf = new WorkstationFlow(setup(wdir, ws, wj, fx, templates, filed), wl);
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

        Thread suspect = new Thread(() -> sign(terminal), "suspect");
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
        wf = new WorkstationFlow(setup(wdir, ws, wj, fx, templates, filed), wl);
        assertThat(wf.phase()).isEqualTo(WorkstationFlow.Phase.SIGNING);
        wf.resume();
        wl.start();
        assertThat(wf.awaitEnd(Duration.ofSeconds(60))).isTrue();
        WorkstationFlow.State st = wf.state();
        assertThat(st.phase).as(String.join("\n", st.rejected)).isEqualTo(WorkstationFlow.Phase.SEALED);
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
        tl.close();
        ts.close();

        List<SignatureEvent> events = wj.load("rec-1");
        int planned = st.terminalSlots.size() + st.localSlots.size();
        assertThat(events).hasSize(planned);
        assertThat(events.stream().map(SignatureEvent::slotId).distinct()).hasSize(planned);
        assertThat(tj.load("rec-1")).hasSize(st.terminalSlots.size());
        assertThat(filed).containsExactly("rec-1");
        byte[] sealed = Files.readAllBytes(Path.of(st.sealedPath));
        var report = new Verifier(List.of(fx.keys.rootCertificate())).verify("sealed.pdf", sealed);
        assertThat(report.ok()).as(report.toText()).isTrue();
    }

    private static WorkstationFlow.Setup setup(Path wdir, SessionStore ws, SignatureEventJournal wj, LinkFixtures fx,
            DefaultTemplateService templates, List<String> filed) {
        return new WorkstationFlow.Setup("restart-1", "rec-1", "INTERROGATION_RECORD", Lang.ZH,
                wdir.resolve("sessions/restart-1"), ws, wj, fx.keys, templates, SAMPLES, PhotoSource.synthetic(),
                (id, pdf, sha) -> filed.add(id), Map.of());
    }

    private static void sign(TerminalFlow terminal) {
        try {
            TerminalFlow.Step s = terminal.current();
            while (s.kind() != TerminalFlow.StepKind.DONE) {
                if (s.kind() == TerminalFlow.StepKind.READING) {
                    terminal.chooseReading(ReadingConfirmation.Path.READ);
                } else if (s.kind() == TerminalFlow.StepKind.SLOT) {
                    terminal.complete(s.slot(), SAMPLES.capture(s.slot(), s.index()), null,
                            SampleRecord.photo(1));
                    Thread.sleep(100);
                }
                s = terminal.awaitStepChange(s, Duration.ofSeconds(1));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
