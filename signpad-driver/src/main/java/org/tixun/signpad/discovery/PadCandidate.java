// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.discovery;

import org.tixun.signpad.PadProtocol;

/**
 * A device that may be a signature pad.
 *
 * @param protocol    the protocol it most likely speaks, or null when only a trial can tell (plain serial ports)
 * @param port        what to pass as {@code --port}
 * @param description readable description (name, vendor and product ids)
 */
public record PadCandidate(PadProtocol protocol, String port, String description) {
}
