// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

/** Receives pen reports from a decoder, on the decoder's thread. */
@FunctionalInterface
public interface PenSink {

    void pen(DecodedPen pen);
}
