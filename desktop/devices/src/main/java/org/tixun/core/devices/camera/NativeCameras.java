// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfo;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfoList;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.media.Ffmpeg;

/**
 * The cameras attached to this computer, by operating system: on Linux the V4L2 capture nodes listed in sysfs
 * ({@code /sys/class/video4linux/videoN}, index 0 of each device, so a camera's metadata node is not offered); on
 * Windows the DirectShow video devices and on macOS the AVFoundation ones, as FFmpeg's device list gives them.
 */
public final class NativeCameras {
    /** FFmpeg input format of V4L2. */
    public static final String V4L2 = "video4linux2";
    /** FFmpeg input format of DirectShow. */
    public static final String DSHOW = "dshow";
    /** FFmpeg input format of AVFoundation. */
    public static final String AVFOUNDATION = "avfoundation";
    private static final Logger LOG = LoggerFactory.getLogger(NativeCameras.class);

    private final String os;
    private final Path sysfs;
    private final Path dev;

    /** The cameras of this computer. */
    public NativeCameras() {
        this(System.getProperty("os.name"), Path.of("/sys"), Path.of("/dev"));
    }

    /** Discovery as on {@code osName}, reading another sysfs and /dev tree (tests). */
    public NativeCameras(String osName, Path sysfs, Path dev) {
        this.os = osName.toLowerCase(Locale.ROOT);
        this.sysfs = sysfs;
        this.dev = dev;
    }

    /** The capture input format of this operating system. */
    public String format() {
        if (os.contains("win")) {
            return DSHOW;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return AVFOUNDATION;
        }
        return V4L2;
    }

    /** Every camera found, in a stable order. */
    public List<NativeCamera> discover() {
        return switch (format()) {
            case V4L2 -> v4l2();
            default -> ffmpegList(format());
        };
    }

    private List<NativeCamera> v4l2() {
        List<NativeCamera> out = new ArrayList<>();
        Path dir = sysfs.resolve("class/video4linux");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(dir, "video*")) {
            for (Path n : nodes) {
                String index = read(n.resolve("index"));
                if (index != null && !index.equals("0")) {
                    continue;
                }
                String name = read(n.resolve("name"));
                Path node = dev.resolve(n.getFileName().toString());
                out.add(new NativeCamera(name == null || name.isBlank() ? n.getFileName().toString() : name, V4L2,
                        node.toString()));
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
        }
        out.sort(Comparator.comparing(NativeCamera::input, Comparator.comparingInt(String::length)
                .thenComparing(Comparator.naturalOrder())));
        return out;
    }

    /** FFmpeg's own device list (DirectShow; AVFoundation if this FFmpeg lists it, else its first camera). */
    private static List<NativeCamera> ffmpegList(String format) {
        Ffmpeg.quiet();
        avdevice.avdevice_register_all();
        AVInputFormat input = avformat.av_find_input_format(format);
        List<NativeCamera> out = new ArrayList<>();
        if (input == null) {
            LOG.warn("this FFmpeg build has no {} input: no cameras can be listed", format);
            return out;
        }
        AVDeviceInfoList list = new AVDeviceInfoList(null);
        int rc = avdevice.avdevice_list_input_sources(input, (String) null, null, list);
        try {
            if (rc < 0) {
                LOG.info("{} cannot list its devices (error {}); offering its first camera", format, rc);
                if (format.equals(AVFOUNDATION)) {
                    out.add(new NativeCamera("AVFoundation camera 0", format, "0"));
                }
                return out;
            }
            for (int i = 0; i < list.nb_devices(); i++) {
                AVDeviceInfo d = list.devices(i);
                String name = d.device_name().getString(StandardCharsets.UTF_8);
                String description = d.device_description() == null ? name
                        : d.device_description().getString(StandardCharsets.UTF_8);
                boolean video = false;
                for (int m = 0; m < d.nb_media_types(); m++) {
                    video |= d.media_types().get(m) == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
                }
                if (video || d.nb_media_types() == 0) {
                    out.add(new NativeCamera(description, format, format.equals(DSHOW) ? "video=" + description
                            : name));
                }
            }
        } finally {
            avdevice.avdevice_free_list_devices(list);
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            // Missing attributes are normal in sysfs.
            return null;
        }
    }
}
