// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The working copy (DOMAIN.md rule 14): the session's segments concatenated into one ordinary MP4 by copying packets
 * (no re-encoding), timestamps shifted so the segments follow each other. The master segments stay as they are.
 * Segments that do not decode ({@link SegmentStatus#DAMAGED}) are left out; gaps are not padded.
 */
public final class RecordingExport {
    /** File name of the working copy in an exported record package. */
    public static final String WORKING_COPY_NAME = "recording.mp4";
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private RecordingExport() {
    }

    /**
     * What was written.
     *
     * @param file the MP4
     * @param segments segments copied
     * @param skipped segments left out (names)
     * @param videoPackets video packets copied
     * @param bytes file size
     */
    public record Result(Path file, int segments, List<String> skipped, long videoPackets, long bytes) {
    }

    /** Exports the recording in {@code dir} (its manifest, or its log) to {@code out}. */
    public static Result export(Path dir, Path out) throws IOException {
        return export(dir, RecordingVerifier.manifestOf(dir), out);
    }

    public static Result export(Path dir, RecordingManifest manifest, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (RecordingManifest.Segment s : manifest.segments()) {
            Path f = dir.resolve(s.name());
            if (s.status() == SegmentStatus.DAMAGED || !Files.isRegularFile(f)) {
                skipped.add(s.name());
            } else {
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            throw new LocalizedIOException(MediaMessages.of("rec.export.nothing", dir));
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        long videoPackets = 0;
        FFmpegFrameGrabber first = new FFmpegFrameGrabber(files.get(0).toFile());
        FFmpegFrameRecorder rec = null;
        try {
            first.startUnsafe();
            rec = new FFmpegFrameRecorder(tmp.toFile(), first.getImageWidth(), first.getImageHeight(),
                    first.getAudioChannels());
            rec.setFormat("mp4");
            rec.setOption("movflags", "+faststart");
            rec.start(first.getFormatContext());
            int streams = first.getFormatContext().nb_streams();
            long[] offset = new long[streams];
            long[] lastDts = new long[streams];
            long[] end = new long[streams];
            java.util.Arrays.fill(lastDts, Long.MIN_VALUE);
            for (int i = 0; i < files.size(); i++) {
                FFmpegFrameGrabber g = i == 0 ? first : new FFmpegFrameGrabber(files.get(i).toFile());
                try {
                    if (i > 0) {
                        g.startUnsafe();
                        // The next segment starts where the longest stream of the previous ones ended.
                        long endMicros = 0;
                        for (int s = 0; s < streams; s++) {
                            endMicros = Math.max(endMicros, micros(first.getFormatContext().streams(s), end[s]));
                        }
                        for (int s = 0; s < streams; s++) {
                            offset[s] = ticks(first.getFormatContext().streams(s), endMicros);
                        }
                    }
                    AVPacket pkt;
                    while ((pkt = grab(g)) != null) {
                        int s = pkt.stream_index();
                        if (s >= streams) {
                            continue;
                        }
                        long pts = pkt.pts() + offset[s];
                        long dts = pkt.dts() + offset[s];
                        if (dts <= lastDts[s]) {
                            // The AAC priming packet of a later segment overlaps the previous one's end: drop it.
                            continue;
                        }
                        pkt.pts(pts);
                        pkt.dts(dts);
                        lastDts[s] = dts;
                        end[s] = Math.max(end[s], pts + Math.max(0, pkt.duration()));
                        if (first.getFormatContext().streams(s).codecpar().codec_type()
                                == avutil.AVMEDIA_TYPE_VIDEO) {
                            videoPackets++;
                        }
                        rec.recordPacket(pkt);
                    }
                } finally {
                    if (i > 0) {
                        g.close();
                    }
                }
            }
            rec.stop();
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            Files.deleteIfExists(tmp);
            throw new LocalizedIOException(MediaMessages.of("rec.export.failed", String.valueOf(e.getMessage())), e);
        } finally {
            if (rec != null) {
                rec.close();
            }
            first.close();
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Result(out, files.size(), skipped, videoPackets, Files.size(out));
    }

    /** The next packet; an interrupted segment ends at its first unreadable byte. */
    private static AVPacket grab(FFmpegFrameGrabber g) {
        try {
            return g.grabPacket();
        } catch (FrameGrabber.Exception e) {
            org.slf4j.LoggerFactory.getLogger(RecordingExport.class).warn("segment read stopped: {}", e.getMessage());
            return null;
        }
    }

    private static long micros(AVStream s, long ticks) {
        return ticks * 1_000_000L * s.time_base().num() / s.time_base().den();
    }

    private static long ticks(AVStream s, long micros) {
        return micros * s.time_base().den() / (1_000_000L * s.time_base().num());
    }
}
