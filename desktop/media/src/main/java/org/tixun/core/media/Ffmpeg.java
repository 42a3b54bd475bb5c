// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg process-wide settings. */
public final class Ffmpeg {
    private static volatile boolean quiet;

    private Ffmpeg() {
    }

    /**
     * Limits FFmpeg's own console log to errors (it otherwise prints encoder banners and per-stream statistics on
     * stderr for every call); {@code -Dtixun.ffmpeg.verbose=true} keeps the default level.
     */
    public static void quiet() {
        if (!quiet && !Boolean.getBoolean("tixun.ffmpeg.verbose")) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            quiet = true;
        }
    }
}
