// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Test code: an H.264 clip made with FFmpeg (through JavaCV) for the RTSP server to stream: a moving bar and the
 * frame number on a grey field, a key frame every second.
 */
public final class TestClip {
    private TestClip() {
    }

    /** Writes {@code seconds} of {@code width}×{@code height} video at {@code fps} to {@code out} (MP4). */
    public static void write(Path out, int width, int height, int fps, int seconds) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setGopSize(fps);
            rec.setVideoOption("preset", "ultrafast");
            rec.setVideoOption("tune", "zerolatency");
            rec.start();
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            for (int i = 0; i < seconds * fps; i++) {
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(90, 110, 130));
                g.fillRect(0, 0, width, height);
                g.setColor(Color.ORANGE);
                g.fillRect((i * 7) % width, 0, width / 10, height);
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, height / 8));
                g.drawString(Integer.toString(i), width / 20, height / 2);
                g.dispose();
                rec.record(converter.convert(img));
            }
            rec.stop();
        }
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 25, 10);
    }
}
