// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.flow.WorkstationSetup;
import org.tixun.core.session.flow.WorkstationState;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.QaEntry;
import org.tixun.templates.TemplateRegistry;

/**
 * The workstation's own signers sign through a {@link SignatureSource} that may be a person at a window: a refused
 * slot fails the session without sealing (the slots signed before it stay journaled); closing the session while a
 * signer is still signing is not a failure — the flow stays in local signing and a resumed flow seals once.
 */
class WorkstationLocalSigningTest {
    @TempDir
    Path dir;

    private record Run(LinkFixtures fx, FlowFixtures.Terminal terminal, SessionStore store, WorkstationLink link,
            WorkstationFlow flow, SignatureEventJournal journal, List<String> filed, List<String> problems)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            flow.close();
            link.close();
            store.close();
            terminal.close();
        }
    }

    private Run start(String session, SignatureSource local) throws Exception {
        LinkFixtures fx = new LinkFixtures(dir, "本地签名测试检察院");
        FlowFixtures.Terminal t = FlowFixtures.Terminal.open(fx, dir.resolve("t"));
        Path wdir = dir.resolve("w");
        SignatureEventJournal wj = new SignatureEventJournal(wdir.resolve("journal"));
        List<String> filed = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        SessionStore ws = SessionStore.open(wdir.resolve("session.db"));
        WorkstationLink wl = new WorkstationLink("工作站", fx.workstationTls(), t.address(), session, ws, wj,
                LinkFixtures.FAST);
        WorkstationFlow wf = new WorkstationFlow(withLocal(FlowFixtures.setup(session, "rec-1", wdir, ws, wj, fx,
                new DefaultTemplateService(TemplateRegistry.builtIn()), filed), local), wl);
        wf.addListener(new FlowListener() {
            @Override
            public void problem(org.tixun.core.i18n.Message message) {
                problems.add(message.bilingual());
            }
        });
        wl.start();
        assertThat(wl.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                .withQa(List.of(new QaEntry("你是否同意以远程视频方式接受讯问？", "同意。")));
        wf.freezeAndSend(data);
        FlowFixtures.walk(t.flow());
        return new Run(fx, t, ws, wl, wf, wj, filed, problems);
    }

    private static WorkstationSetup withLocal(WorkstationSetup s, SignatureSource local) {
        return new WorkstationSetup(s.session(), s.document(), s.stores(),
                new WorkstationSetup.Signers(local, s.signers().camera()), s.seal());
    }

    @Test
    void failingLocalSignatureSourceFailsWithoutSealing() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Run r = start("local-refused", (slot, seed) -> {
            if (calls.incrementAndGet() == 2) {
                throw new IOException("签名板断开 (signing window closed: the pad is gone)");
            }
            return FlowFixtures.SAMPLES.capture(slot, seed);
        })) {
            assertThat(r.flow().awaitEnd(Duration.ofSeconds(60))).isTrue();
            WorkstationState st = r.flow().state();
            assertThat(st.localSlots()).as("the interrogation record has several workstation slots").hasSizeGreaterThan(1);
            assertThat(st.phase()).isEqualTo(WorkstationFlow.Phase.FAILED);
            assertThat(st.sealedSha()).isNull();
            // The listener hears of the failure after the flow ended: wait for it.
            org.tixun.core.Eventually.await("the failure reported", Duration.ofSeconds(10),
                    () -> r.problems().stream().anyMatch(p -> p.contains("signing window closed")), r::problems);
            assertThat(r.filed()).isEmpty();
            assertThat(Files.exists(dir.resolve("w/sessions/local-refused/sealed.pdf"))).as("nothing sealed").isFalse();
            assertThat(r.journal().load("rec-1")).as("terminal slots and the one local slot signed before")
                    .hasSize(st.terminalSlots().size() + 1);
        }
    }

    @Test
    void aSignerWhoDidNotSignIsAskedAgainAndTheRecordSeals() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Run r = start("local-cancelled", (slot, seed) -> {
            if (calls.incrementAndGet() == 2) {
                throw new org.tixun.core.session.flow.SigningCancelledException("张伟 未签名 (did not sign)");
            }
            return FlowFixtures.SAMPLES.capture(slot, seed);
        })) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!r.flow().localSigningWaiting() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(r.flow().localSigningWaiting()).as("waiting for the signer").isTrue();
            assertThat(r.flow().phase()).isEqualTo(WorkstationFlow.Phase.LOCAL_SIGNING);
            org.tixun.core.Eventually.await("the pause reported", Duration.ofSeconds(10), () -> r.problems().stream()
                    .anyMatch(p -> p.contains("did not sign") && p.contains("继续工作站签名")), r::problems);
            assertThat(r.filed()).isEmpty();
            int before = r.journal().load("rec-1").size();
            r.flow().retryLocalSigning();
            assertThat(r.flow().awaitEnd(Duration.ofSeconds(60))).isTrue();
            WorkstationState st = r.flow().state();
            assertThat(st.phase()).as(String.join("\n", st.rejected())).isEqualTo(WorkstationFlow.Phase.SEALED);
            assertThat(r.filed()).containsExactly("rec-1");
            assertThat(r.journal().load("rec-1")).as("each slot once: the cancelled one signed on the retry")
                    .hasSize(st.terminalSlots().size() + st.localSlots().size())
                    .hasSizeGreaterThan(before);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> r.flow().retryLocalSigning());
        }
    }

    @Test
    void closingWhileASignerSignsLeavesTheFlowResumable() throws Exception {
        CountDownLatch signing = new CountDownLatch(1);
        Run r = start("local-closed", (slot, seed) -> {
            signing.countDown();
            new CountDownLatch(1).await(); // the signer never confirms; interrupted when the session closes
            throw new AssertionError("not interrupted");
        });
        assertThat(signing.await(60, TimeUnit.SECONDS)).isTrue();
        r.flow().close();
        Thread.sleep(500);
        assertThat(r.flow().phase()).isEqualTo(WorkstationFlow.Phase.LOCAL_SIGNING);
        assertThat(r.problems()).isEmpty();
        r.link().close();
        r.store().close();

        Path wdir = dir.resolve("w");
        SessionStore ws = SessionStore.open(wdir.resolve("session.db"));
        WorkstationLink wl = new WorkstationLink("工作站", r.fx().workstationTls(), r.terminal().address(),
                "local-closed", ws, r.journal(), LinkFixtures.FAST);
        WorkstationFlow wf = new WorkstationFlow(FlowFixtures.setup("local-closed", "rec-1", wdir, ws, r.journal(),
                r.fx(), new DefaultTemplateService(TemplateRegistry.builtIn()), r.filed()), wl);
        try {
            assertThat(wf.phase()).isEqualTo(WorkstationFlow.Phase.LOCAL_SIGNING);
            wf.resume();
            wl.start();
            assertThat(wf.awaitEnd(Duration.ofSeconds(60))).isTrue();
            WorkstationState st = wf.state();
            assertThat(st.phase()).as(String.join("\n", st.rejected())).isEqualTo(WorkstationFlow.Phase.SEALED);
            assertThat(r.filed()).containsExactly("rec-1");
        } finally {
            wf.close();
            wl.close();
            ws.close();
            r.terminal().close();
        }
    }
}
