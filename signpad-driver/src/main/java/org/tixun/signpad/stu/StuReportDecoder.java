// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

import org.tixun.signpad.decode.DecodeStats;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

/**
 * Decodes STU input reports (one HID report per call, id first): PenData and PenDataTimeCountSequence.
 */
public final class StuReportDecoder {

    // Sequence numbers reveal lost reports (counted as lost); the time count is unwrapped into device time.

    private final DecodeStats stats = new DecodeStats();
    private final TimeCountUnwrapper clock = new TimeCountUnwrapper();
    private int lastSequence = -1;
    private volatile StuCapability limits;

    public DecodeStats stats() {
        return stats;
    }

    /** Makes reports outside these maxima count as garbled. */
    public void limits(StuCapability capability) {
        this.limits = capability;
    }

    /** Forgets sequence and clock state, e.g. after a reconnect. */
    public void reset() {
        lastSequence = -1;
        clock.reset();
    }

    /** Decodes one report of {@code len} bytes received at host time {@code hostNanos}. */
    public void report(byte[] r, int off, int len, long hostNanos, PenSink sink) {
        if (len < 1) {
            return;
        }
        int id = r[off] & 0xFF;
        if (id == Stu.REPORT_PEN_DATA) {
            if (len < 1 + Stu.PEN_DATA_LENGTH) {
                stats.garbled(len);
                return;
            }
            emit(r, off + 1, PenSample.NO_DEVICE_TIME, len, sink);
        } else if (id == Stu.REPORT_PEN_DATA_TIME_COUNT_SEQUENCE) {
            if (len < 1 + Stu.TIME_COUNT_SEQUENCE_LENGTH) {
                stats.garbled(len);
                return;
            }
            int timeCount = u16(r, off + 7);
            int sequence = u16(r, off + 9);
            if (lastSequence >= 0) {
                int gap = (sequence - lastSequence - 1) & 0xFFFF;
                if (gap >= 0x8000) {
                    // A repeated or older sequence number: a duplicate report, not a new sample.
                    stats.garbled(len);
                    return;
                }
                stats.lost(gap);
            }
            lastSequence = sequence;
            long deviceMs = clock.unwrap(timeCount, hostNanos);
            emit(r, off + 1, deviceMs * 1_000_000L, len, sink);
        } else {
            stats.ignored();
        }
    }

    private void emit(byte[] r, int p, long deviceNanos, int len, PenSink sink) {
        int b0 = r[p] & 0xFF;
        boolean ready = (b0 & 0x80) != 0;
        int sw = b0 >> 4 & 0x07;
        int pressure = (b0 & 0x0F) << 8 | r[p + 1] & 0xFF;
        int x = u16(r, p + 2);
        int y = u16(r, p + 4);
        StuCapability caps = limits;
        if (caps != null && (x > caps.maxX() || y > caps.maxY() || pressure > caps.maxPressure())) {
            stats.garbled(len);
            return;
        }
        PenState state = !ready ? PenState.OUT : sw != 0 ? PenState.CONTACT : PenState.HOVER;
        stats.ok();
        sink.pen(new DecodedPen(x, y, pressure, 0, 0, state, 0, deviceNanos));
    }

    private static int u16(byte[] r, int i) {
        return (r[i] & 0xFF) << 8 | r[i + 1] & 0xFF;
    }
}
