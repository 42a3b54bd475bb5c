// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import java.util.Set;

/** A plug-in that creates pads for one or more protocols, found through {@link java.util.ServiceLoader}. */
public interface PadProvider {

    /** Returns the protocol names this provider handles, as used on the command line (e.g. {@code isdv4}). */
    Set<String> protocols();

    /** Returns an unopened pad speaking {@code protocol} on {@code port}. */
    SignaturePad create(String protocol, String port, PadOptions options);
}
