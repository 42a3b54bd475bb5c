// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

/**
 * The recording's own words: texts written into the recording log and the manifest sealed into a record (gap reasons)
 * and burned into the picture (the overlay), not messages for a person at a screen. Fixed in code so a recording reads
 * the same whatever a message bundle says (like {@link RecordingEventKind}'s and {@link SegmentStatus}'s vocabulary).
 */
final class RecordingWords {
    /** The gap reason when a closed recording of the same session starts again. */
    static final String RESTARTED = "录像重新开始 (recording restarted)";
    /** The gap reason when the recorder did not close its last segment. */
    static final String CRASHED = "录像程序异常终止（崩溃或断电）(the recorder stopped unexpectedly: crash or power loss)";
    /** The overlay's word before the segment number. */
    static final String OVERLAY_SEGMENT = "片段 segment";
    /** The overlay's mark while the link is lost. */
    static final String OVERLAY_LINK_LOST = "连接中断 (link lost)";
    /** The overlay's mark during private mute. */
    static final String OVERLAY_PRIVATE_MUTE = "内部静音 (private mute)";

    private RecordingWords() {
    }
}
