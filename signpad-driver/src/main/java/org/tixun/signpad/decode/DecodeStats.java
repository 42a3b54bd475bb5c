// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

import java.util.concurrent.atomic.AtomicLong;
import org.tixun.signpad.model.DecodeCounts;

/** Counters written by one decoder thread and readable from any thread. */
public final class DecodeStats {

    private final AtomicLong packetsOk = new AtomicLong();
    private final AtomicLong packetsIgnored = new AtomicLong();
    private final AtomicLong packetsGarbled = new AtomicLong();
    private final AtomicLong bytesDropped = new AtomicLong();
    private final AtomicLong packetsLost = new AtomicLong();

    public void ok() {
        packetsOk.incrementAndGet();
    }

    public void ignored() {
        packetsIgnored.incrementAndGet();
    }

    public void garbled(int bytes) {
        packetsGarbled.incrementAndGet();
        bytesDropped.addAndGet(bytes);
    }

    public void dropped(int bytes) {
        bytesDropped.addAndGet(bytes);
    }

    public void lost(long packets) {
        packetsLost.addAndGet(packets);
    }

    /** Returns the current values. */
    public DecodeCounts snapshot() {
        return new DecodeCounts(packetsOk.get(), packetsIgnored.get(), packetsGarbled.get(), bytesDropped.get(),
                packetsLost.get());
    }
}
