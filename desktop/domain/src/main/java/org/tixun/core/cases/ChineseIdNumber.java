// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** Resident identity card numbers (GB 11643-1999): format, birth date and ISO 7064 MOD 11-2 check digit. */
public final class ChineseIdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ChineseIdNumber() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        char last = Character.toUpperCase(id.charAt(17));
        return CHECK[sum % 11] == last && birthDate(id).isPresent();
    }

    /** The check digit for the first 17 digits (used to make valid demo data). */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Odd 17th digit: male; even: female. */
    public static Sex sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }
}
