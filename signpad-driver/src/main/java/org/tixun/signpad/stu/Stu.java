// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

import java.util.Map;

/** Report ids and USB ids of Wacom STU signature pads (after the Wacom STU SDK's Protocol.hpp). */
public final class Stu {

    public static final int VENDOR_ID = 0x056A;
    /** Known product ids and their model names. */
    public static final Map<Integer, String> PRODUCTS = Map.of(
            0x00A4, "STU-430",
            0x00A5, "STU-530",
            0x00A6, "STU-430V",
            0x00A7, "STU-540",
            0x00A8, "STU-540");

    public static final int REPORT_PEN_DATA = 0x01;
    public static final int REPORT_INFORMATION = 0x08;
    public static final int REPORT_CAPABILITY = 0x09;
    public static final int REPORT_CLEAR_SCREEN = 0x20;
    public static final int REPORT_INKING_MODE = 0x21;
    public static final int REPORT_PEN_DATA_OPTION_MODE = 0x32;
    public static final int REPORT_PEN_DATA_TIME_COUNT_SEQUENCE = 0x34;

    /** Value of feature report 0x32 that switches pen reports to PenDataTimeCountSequence. */
    public static final int OPTION_MODE_TIME_COUNT_SEQUENCE = 3;

    public static final int PEN_DATA_LENGTH = 6;
    public static final int TIME_COUNT_SEQUENCE_LENGTH = 10;
    public static final int NOMINAL_RATE_HZ = 200;

    private Stu() {
    }
}
