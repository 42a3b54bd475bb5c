// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Objects;

/**
 * A problem found while loading a template: the file, the line (1-based, 0 if unknown) and what is
 * wrong.
 *
 * @param file the file, as a path or resource name
 * @param line the 1-based line, or 0 when the problem concerns the file as a whole
 * @param message what is wrong
 */
public record LoadProblem(String file, int line, String message) {

    /** Validates the components. */
    public LoadProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** Formats the problem as {@code file:line: message}, the form compilers use. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
