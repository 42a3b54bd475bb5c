// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, leaf first, ending at the institution root CA.
 *
 * @param privateKey the key; never log it
 * @param chain leaf certificate first, root CA last
 */
public record IssuedCredential(PrivateKey privateKey, List<X509Certificate> chain) {
    public IssuedCredential {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public X509Certificate[] chainArray() {
        return chain.toArray(new X509Certificate[0]);
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + certificate().getSubjectX500Principal().getName() + ", key hidden]";
    }
}
