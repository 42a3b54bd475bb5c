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
    /**
     * A date and time, shown to the minute: ISO-8601 {@code yyyy-MM-ddTHH:mm}, seconds and an offset accepted
     * (converted to document time, UTC+8).
     */
    DATETIME("an ISO-8601 date-time string yyyy-MM-ddTHH:mm (seconds and an offset such as +08:00 or Z are accepted)"),
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
