// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.flow.WorkstationFlow.Phase;

/**
 * States saved by the workstation flow before it became a state machine (its mutable {@code State} class, captured
 * from WorkstationRestartTest and WorkstationLocalSigningTest) read into the immutable state field by field, and the
 * immutable state writes the same JSON back: the format in {@code session_flow} did not change.
 */
class WorkstationStateJsonTest {
    @TempDir
    Path dir;

    private static String text(String name) throws Exception {
        try (InputStream in = WorkstationStateJsonTest.class.getResourceAsStream("legacy/workstation-" + name
                + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSigningStateSavedByTheEarlierFlowReadsFieldByField() throws Exception {
        WorkstationState s = StoredStates.read(text("signing"));
        assertThat(s.recordId()).isEqualTo("rec-1");
        assertThat(s.kind()).isEqualTo("INTERROGATION_RECORD");
        assertThat(s.phase()).isEqualTo(Phase.SIGNING);
        assertThat(s.textRevision()).isZero();
        assertThat(s.frozenSha()).isEqualTo("bc02a2fd37619f867b409d3fbdac60f77ae94f8864f8aacfa4e369a968954aaa");
        assertThat(s.frozenAt()).isEqualTo(Instant.parse("2026-12-06T08:57:05.686430727Z"));
        assertThat(s.recordingId()).isEqualTo("session-restart-1");
        assertThat(s.recordingStart()).isEqualTo(Instant.parse("2026-12-06T08:57:05.147551786Z"));
        assertThat(s.terminalSlots()).hasSize(5);
        assertThat(s.terminalSlots().get(0).slotId()).isEqualTo("suspect-page-p1");
        assertThat(s.terminalSlots().get(0).signer().name()).isEqualTo("张伟");
        assertThat(s.localSlots()).hasSize(3);
        assertThat(s.slots()).hasSize(8);
        assertThat(s.presentRoles()).hasSize(3);
        assertThat(s.requestSent()).isTrue();
        assertThat(s.readingPath()).isEqualTo("READ");
        assertThat(s.readingAt()).isEqualTo(Instant.parse("2026-12-06T08:57:07.844019511Z"));
        assertThat(s.frozenReviewMethod()).isEqualTo("READ");
        assertThat(s.terminalDoneCount()).isNull();
        assertThat(s.terminalDoneAt()).isNull();
        assertThat(s.rejected()).isEmpty();
        assertThat(s.sealedAt()).isNull();
        assertThat(s.sealedSha()).isNull();
        assertThat(s.verified()).isFalse();
        assertThat(s.stepMillis()).containsOnlyKeys("freeze-and-send");
    }

    @Test
    void localSigningAndSealedStatesReadToo() throws Exception {
        WorkstationState local = StoredStates.read(text("local"));
        assertThat(local.phase()).isEqualTo(Phase.LOCAL_SIGNING);
        assertThat(local.terminalDoneCount()).isEqualTo(5);
        assertThat(local.stepMillis()).containsOnlyKeys("freeze-and-send", "terminal-signing");
        WorkstationState sealed = StoredStates.read(text("sealed"));
        assertThat(sealed.phase()).isEqualTo(Phase.SEALED);
        assertThat(sealed.verified()).isTrue();
        assertThat(sealed.sealedSha()).isEqualTo("42451a626d7481c68a56ee6e687792c263ec4a4137102677cb52ff682ee686ff");
        assertThat(sealed.sealedAt()).isEqualTo(Instant.parse("2026-12-06T08:57:13.937437716Z"));
        assertThat(sealed.stepMillis()).containsKeys("seal", "verify", "workstation-signing");
    }

    @Test
    void theImmutableStateWritesTheSameJsonTheEarlierFlowWrote() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String name : new String[] {"signing", "local", "sealed"}) {
            JsonNode before = json.readTree(text(name));
            JsonNode after = json.readTree(StoredStates.write(StoredStates.read(text(name))));
            assertThat(after).as(name).isEqualTo(before);
        }
    }

    @Test
    void aSavedStateIsReadBackFromTheSessionStore() throws Exception {
        try (SessionStore store = SessionStore.open(dir.resolve("session.db"))) {
            store.saveFlow(new SessionStore.FlowState("restart-1", "WORKSTATION", "rec-1", "SIGNING",
                    text("signing")));
            StoredStates states = new StoredStates(store, "restart-1");
            WorkstationState s = states.load().orElseThrow();
            assertThat(s).isEqualTo(StoredStates.read(text("signing")));
            states.save(WorkstationTransitions.apply(s, new WorkstationEvent.TerminalDone(5, Instant.now())));
            assertThat(store.flow("restart-1").orElseThrow().phase()).isEqualTo("SIGNING");
            assertThat(states.load().orElseThrow().terminalDoneCount()).isEqualTo(5);
            assertThat(new StoredStates(store, "other").load()).isEmpty();
        }
    }
}
