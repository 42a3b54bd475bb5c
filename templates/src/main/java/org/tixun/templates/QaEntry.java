// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Objects;

/**
 * One question and its answer in the body of a record (问/答).
 *
 * <p>A correction made after the review is written inline in CriticMarkup and rendered as a marked change: {@code
 * {~~old~>new~~}} (old struck through, new underlined), {@code {--old--}} (deleted) and {@code {++new++}} (inserted).
 *
 * @param q the question, verbatim
 * @param a the answer, verbatim
 */
public record QaEntry(String q, String a) {

    /** Validates the components. */
    public QaEntry {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(a, "a");
    }
}
