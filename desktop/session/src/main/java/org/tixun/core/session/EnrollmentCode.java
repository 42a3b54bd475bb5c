// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.security.PublicKey;
import java.util.Locale;
import org.tixun.core.pki.Pki;

/**
 * The short code a person compares on both screens during enrollment: the first 50 bits of SHA-256 over the DER
 * SubjectPublicKeyInfo, as ten Crockford base-32 characters in two groups ({@code 7KQ2M-X9D4T}).
 */
public final class EnrollmentCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private EnrollmentCode() {
    }

    /** The code of a public key. */
    public static String of(PublicKey key) {
        return of(key.getEncoded());
    }

    /** The code of DER bytes (a SubjectPublicKeyInfo or a certificate). */
    public static String of(byte[] der) {
        byte[] h = Pki.sha256(der);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt((int) ((bits >>> (64 - 5 * (i + 1))) & 31)));
        }
        return sb.toString();
    }

    /** Normalises what a person typed: upper case, no spaces or dashes, O→0, I/L→1. */
    public static String normalise(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    /** Whether a typed code matches a computed one. */
    public static boolean matches(String typed, String code) {
        return typed != null && normalise(typed).equals(normalise(code));
    }
}
