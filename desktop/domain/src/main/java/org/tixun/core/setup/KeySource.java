// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

/** Where the institution keys come from at setup. */
public enum KeySource {
    /** Generate a new root CA, seal, escrow, TLS and TSA key in a PKCS#12 keystore. */
    GENERATE,
    /** Import an institution PKCS#12 made elsewhere (e.g. by the institution's first workstation). */
    IMPORT_PKCS12,
    /** Keys stay on a PKCS#11 token or HSM, reached through a SunPKCS11 configuration file. */
    PKCS11
}
