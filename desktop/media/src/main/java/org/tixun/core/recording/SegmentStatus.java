// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import org.tixun.core.i18n.Bilingual;

/** How a recording segment ended. */
public enum SegmentStatus implements Bilingual {
    /** Closed normally by the recorder: the trailer is written. */
    COMPLETE("完整", "complete"),
    /** The recorder stopped (crash, power loss) while writing it; found and finalised at the next start; decodes. */
    INTERRUPTED("中断", "interrupted"),
    /** Found unclosed after a crash and not decodable: kept in the chain as it is. */
    DAMAGED("损坏", "damaged");

    private final String zh;
    private final String en;

    SegmentStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
