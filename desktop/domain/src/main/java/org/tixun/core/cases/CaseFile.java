// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.util.List;
import java.util.Optional;

/** A case with its participants; the suspect is the one participant with role SUSPECT. */
public record CaseFile(String id, String caseNumber, String causeOfAction, List<Participant> participants,
                       String createdAt, String updatedAt) {

    public CaseFile {
        participants = List.copyOf(participants);
    }

    public Optional<Participant> suspect() {
        return participants.stream().filter(p -> p.role() == ParticipantRole.SUSPECT).findFirst();
    }

    public List<Participant> withRole(ParticipantRole role) {
        return participants.stream().filter(p -> p.role() == role).toList();
    }
}
