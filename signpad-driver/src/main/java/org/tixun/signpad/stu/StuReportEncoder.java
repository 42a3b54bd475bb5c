// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenState;

/** Encodes STU input reports as the pad sends them (for tests and fixtures). */
public final class StuReportEncoder {

    private StuReportEncoder() {
    }

    /** Returns report 0x01 (7 bytes, id first). */
    public static byte[] penData(DecodedPen pen) {
        byte[] r = new byte[1 + Stu.PEN_DATA_LENGTH];
        r[0] = (byte) Stu.REPORT_PEN_DATA;
        putPen(pen, r, 1);
        return r;
    }

    /** Returns report 0x34 (11 bytes, id first) with a 16-bit millisecond time count and sequence. */
    public static byte[] penDataTimeCountSequence(DecodedPen pen, int timeCount, int sequence) {
        byte[] r = new byte[1 + Stu.TIME_COUNT_SEQUENCE_LENGTH];
        r[0] = (byte) Stu.REPORT_PEN_DATA_TIME_COUNT_SEQUENCE;
        putPen(pen, r, 1);
        StuCapability.put16(r, 7, timeCount & 0xFFFF);
        StuCapability.put16(r, 9, sequence & 0xFFFF);
        return r;
    }

    private static void putPen(DecodedPen pen, byte[] r, int p) {
        if (pen.pressure() < 0 || pen.pressure() > 0xFFF || pen.x() < 0 || pen.x() > 0xFFFF || pen.y() < 0
                || pen.y() > 0xFFFF) {
            throw new IllegalArgumentException("value outside STU report range: " + pen);
        }
        int b0 = pen.pressure() >> 8 & 0x0F;
        if (pen.state() != PenState.OUT) {
            b0 |= 0x80;
        }
        if (pen.state() == PenState.CONTACT) {
            b0 |= 0x10;
        }
        r[p] = (byte) b0;
        r[p + 1] = (byte) pen.pressure();
        StuCapability.put16(r, p + 2, pen.x());
        StuCapability.put16(r, p + 4, pen.y());
    }
}
