// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Locale;

/** Language of a rendered document: Chinese (the legal original) or English (a translation aid). */
public enum Lang {
    ZH,
    EN;

    /** Returns the lower-case code used in file names and on the command line ({@code zh}, {@code en}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a language code, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted codes
     */
    public static Lang parse(String code) {
        for (Lang lang : values()) {
            if (lang.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return lang;
            }
        }
        throw new IllegalArgumentException("Unknown language '" + code + "'; expected zh or en");
    }
}
