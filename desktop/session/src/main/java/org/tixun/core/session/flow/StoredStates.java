// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.tixun.core.evidence.EvidenceJson;
import org.tixun.core.session.SessionStore;

/**
 * The workstation flow's state in the session store ({@code session_flow}, side {@code WORKSTATION}): one row per
 * session, its phase in a column and the whole state as JSON, written in one transaction with {@code synchronous=FULL}.
 * The JSON has the fields and names of the mutable state of earlier versions, so a session they saved resumes.
 */
final class StoredStates implements WorkstationSteps.States {
    private static final ObjectMapper JSON = EvidenceJson.mapper();
    static final String SIDE = "WORKSTATION";

    private final SessionStore store;
    private final String sessionId;

    StoredStates(SessionStore store, String sessionId) {
        this.store = store;
        this.sessionId = sessionId;
    }

    @Override
    public Optional<WorkstationState> load() throws IOException {
        var saved = store.flow(sessionId);
        return saved.isPresent() ? Optional.of(read(saved.get().stateJson())) : Optional.empty();
    }

    @Override
    public void save(WorkstationState state) throws IOException {
        store.saveFlow(new SessionStore.FlowState(sessionId, SIDE, state.recordId(), state.phase().name(),
                write(state)));
    }

    /** The state saved as {@code json} (by this version or an earlier one). */
    static WorkstationState read(String json) throws IOException {
        return JSON.readValue(json, WorkstationState.class);
    }

    /** The state as the JSON kept in the store. */
    static String write(WorkstationState state) throws IOException {
        return JSON.writeValueAsString(state);
    }
}
