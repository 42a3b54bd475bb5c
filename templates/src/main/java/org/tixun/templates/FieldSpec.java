// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.List;
import java.util.Objects;

/**
 * A field of a template: its name in data files, type, whether it is required, its labels and its
 * validation rules.
 *
 * @param name the key in data files
 * @param type the value type
 * @param required whether a value must be given
 * @param labelZh the Chinese label
 * @param labelEn the English label
 * @param pattern a regular expression the whole text value must match, or {@code null}
 * @param maxLength the maximum text length, or 0 for none
 * @param choices the allowed values of a {@link FieldType#CHOICE} field, empty otherwise
 */
public record FieldSpec(
        String name,
        FieldType type,
        boolean required,
        String labelZh,
        String labelEn,
        String pattern,
        int maxLength,
        List<Choice> choices) {

    /** Validates the components and copies the choice list. */
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Returns the label in the given language. */
    public String label(Lang lang) {
        return lang == Lang.ZH ? labelZh : labelEn;
    }
}
