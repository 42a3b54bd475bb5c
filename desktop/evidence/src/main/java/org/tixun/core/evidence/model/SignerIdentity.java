// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

import java.util.Objects;

/**
 * Who signed.
 *
 * @param name full name as shown
 * @param role role in the record
 * @param identity identity reference (ID-card number, staff number); kept in the manifest, not in the certificate
 */
public record SignerIdentity(String name, SignerRole role, String identity) {
    public SignerIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        identity = identity == null ? "" : identity;
    }
}
