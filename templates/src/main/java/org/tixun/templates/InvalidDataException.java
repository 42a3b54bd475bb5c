// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.List;

/** Data that does not satisfy a template: the message lists every problem at once. */
public class InvalidDataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** Creates the exception from the problems found, in order. */
    public InvalidDataException(String kind, List<String> problems) {
        super("Invalid data for " + kind + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
