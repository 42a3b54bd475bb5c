// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Objects;

/**
 * One allowed value of a {@link FieldType#CHOICE} field with its printed labels.
 *
 * @param value the value stored in data files
 * @param zh the Chinese label printed on the document
 * @param en the English label
 */
public record Choice(String value, String zh, String en) {

    /** Validates the components. */
    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** Returns the label in the given language. */
    public String label(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
