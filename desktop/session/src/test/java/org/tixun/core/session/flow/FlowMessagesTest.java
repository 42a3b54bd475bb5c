// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Message;

/**
 * The workstation flow's texts are keys {@code flow.*} of the session bundle: both languages have each key, every key
 * is used, and the flow's files hold no Chinese literal. (The bundle's other keys belong to the rest of the session
 * module, checked with those sources.)
 */
class FlowMessagesTest {
    /** The workstation flow's files (under src/main/java). */
    private static final Set<String> FLOW_FILES = Set.of("WorkstationFlow", "WorkstationSetup", "WorkstationState",
            "WorkstationEvent", "WorkstationTransitions", "WorkstationSteps", "SealAndVerify", "SealAndFile",
            "EventAdmission", "DraftKeeper", "FrozenRecord", "PadSigning", "StoredStates", "FlowMessages",
            "FlowStateException", "IllegalTransitionException");

    @Test
    void theFlowKeysMatchTheSources() {
        BundleConsistency bundle = BundleConsistency.of(FlowMessages.BUNDLE.baseName()).sources(Path.of("src/main/java"));
        List<String> problems = bundle.problems().stream().filter(p -> p.startsWith("flow.")
                || FLOW_FILES.stream().anyMatch(f -> p.startsWith("org/tixun/core/session/flow/" + f + ".java:")))
                .toList();
        assertThat(problems).isEmpty();
        assertThat(bundle.keys()).filteredOn(k -> k.startsWith("flow.")).hasSizeGreaterThan(20);
    }

    @Test
    void aRefusedEventReadsInEachLanguage() {
        Message m = FlowMessages.of("flow.event.refused", "e1", FlowMessages.of("flow.event.notFrozenHash"));
        assertThat(m.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("签名事件 e1 未被采用：未绑定当前冻结内容的摘要");
        assertThat(m.in(Locale.ENGLISH)).isEqualTo("signature event e1 not accepted: not bound to the frozen content hash");
        Message failed = FlowMessages.of("flow.signingOrSealing.failed",
                new java.io.IOException("签名板断开 (the pad is gone)"));
        assertThat(failed.bilingual()).isEqualTo("签署或签章失败：签名板断开 (signing or sealing failed: the pad is gone)");
    }
}
