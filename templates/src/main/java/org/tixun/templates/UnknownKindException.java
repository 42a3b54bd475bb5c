// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Collection;
import java.util.List;

/** A document kind code that no loaded template provides; the message lists the known ones. */
public class UnknownKindException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> knownKinds;

    /** Creates the exception for the requested code and the known codes. */
    public UnknownKindException(String kind, Collection<String> knownKinds) {
        super("Unknown document kind '" + kind + "'; known kinds: " + String.join(", ", knownKinds));
        this.knownKinds = List.copyOf(knownKinds);
    }

    /** Returns the known kind codes. */
    public List<String> knownKinds() {
        return knownKinds;
    }
}
