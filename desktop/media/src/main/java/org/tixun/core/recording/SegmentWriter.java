// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * One segment file: H.264 (libx264) + AAC in fragmented MP4 ({@code frag_keyframe+empty_moov+default_base_moof}, one
 * key frame per second, so one fragment per second), written through a {@link DigestOutputStream} so the SHA-256 is
 * known the moment the file is closed. The bytes reach the file as FFmpeg writes them (4 KiB I/O buffer, no Java
 * buffer): a killed process leaves every complete fragment readable.
 */
final class SegmentWriter implements AutoCloseable {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final FileOutputStream fileOut;
    private final CountingDigestStream out;
    private final FFmpegFrameRecorder recorder;
    private final int samplesPerFrame;
    private long frames;
    private long lastSync;
    private boolean closed;

    SegmentWriter(Path file, RecordingConfig c) throws IOException {
        this.file = file;
        this.fileOut = new FileOutputStream(file.toFile());
        this.out = new CountingDigestStream(fileOut);
        this.samplesPerFrame = RecordingConfig.SAMPLE_RATE / c.fps();
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(out, c.width(), c.height(), 1);
        r.setFormat("mp4");
        r.setOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
        r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(c.fps());
        r.setGopSize(c.fps());
        r.setVideoOption("preset", c.preset());
        r.setVideoOption("crf", Integer.toString(c.crf()));
        r.setVideoOption("threads", "2");
        r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        r.setSampleRate(RecordingConfig.SAMPLE_RATE);
        r.setAudioChannels(1);
        r.setAudioBitrate(c.audioBitrate());
        r.setMetadata("encoder", "Tixun recorder");
        try {
            r.startUnsafe();
        } catch (FrameRecorder.Exception e) {
            fileOut.close();
            throw new LocalizedIOException(MediaMessages.of("rec.segment.cannotStart", file.getFileName(),
                    String.valueOf(e.getMessage())), e);
        }
        this.recorder = r;
    }

    /** Encodes picture number {@code index} (0-based within the segment). */
    void video(Frame frame, long index) throws IOException {
        try {
            recorder.setFrameNumber((int) index);
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new LocalizedIOException(MediaMessages.of("rec.segment.videoFailed", String.valueOf(e.getMessage())), e);
        }
        // Each second or so the written fragments go to the disk too (a power loss loses about one fragment).
        if (frames - lastSync >= 2L * recorder.getFrameRate()) {
            lastSync = frames;
            fileOut.getFD().sync();
        }
    }

    /** Appends mono 48 kHz samples. */
    void audio(short[] samples, int count) throws IOException {
        if (count == 0) {
            return;
        }
        try {
            recorder.recordSamples(RecordingConfig.SAMPLE_RATE, 1, ShortBuffer.wrap(samples, 0, count));
        } catch (FrameRecorder.Exception e) {
            throw new LocalizedIOException(MediaMessages.of("rec.segment.audioFailed", String.valueOf(e.getMessage())), e);
        }
    }

    int samplesPerFrame() {
        return samplesPerFrame;
    }

    long frames() {
        return frames;
    }

    Path file() {
        return file;
    }

    /** Finishes the file (trailer, fsync). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            recorder.stop();
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            throw new LocalizedIOException(MediaMessages.of("rec.segment.cannotFinish", file.getFileName(),
                    String.valueOf(e.getMessage())), e);
        } finally {
            out.flush();
            fileOut.getFD().sync();
            fileOut.close();
        }
    }

    String sha256() {
        return HexFormat.of().formatHex(out.digest.digest());
    }

    long size() {
        return out.count;
    }

    /** A digest stream that counts too. */
    private static final class CountingDigestStream extends DigestOutputStream {
        private final MessageDigest digest;
        private long count;

        CountingDigestStream(OutputStream out) {
            this(out, sha());
        }

        private CountingDigestStream(OutputStream out, MessageDigest d) {
            super(out, d);
            this.digest = d;
        }

        private static MessageDigest sha() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
        }

        /** FFmpeg closes its output when it stops; the writer syncs and closes the file itself after that. */
        @Override
        public void close() throws IOException {
            flush();
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }
    }
}
