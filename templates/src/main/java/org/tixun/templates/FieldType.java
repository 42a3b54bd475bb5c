// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

/** Type of a template field, with the value syntax a data file must use for it. */
public enum FieldType {
    /** One line of text. */
    TEXT("a string"),
    /** Text that may contain line breaks. */
    MULTILINE("a string"),
    /** A calendar date. */
    DATE("a date string yyyy-MM-dd"),
    /** A date and time to the minute. */
    DATETIME("a date-time string yyyy-MM-ddTHH:mm"),
    /** A whole number. */
    INTEGER("an integer"),
    /** Yes or no. */
    BOOLEAN("a boolean (true/false)"),
    /** One of the values listed in the field's choices. */
    CHOICE("one of the listed choices");

    private final String expected;

    FieldType(String expected) {
        this.expected = expected;
    }

    /** Describes the accepted value syntax, for error messages. */
    public String expected() {
        return expected;
    }
}
