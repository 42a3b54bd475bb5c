// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

/** Receives pad state changes, on the thread that caused them (usually the reader thread). */
@FunctionalInterface
public interface PadStateListener {

    void onState(PadStateEvent event);
}
