// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;

/**
 * A live scanner through the GA/T 626.1 capture interface (活体指纹图像采集接口) that Chinese fingerprint readers ship as
 * a shared library ({@code .so} / {@code .dll}), called through JNA: {@code LIVESCAN_Init}, {@code
 * LIVESCAN_GetChannelCount}, {@code LIVESCAN_GetCaptWindow}, {@code LIVESCAN_BeginCapture}, {@code
 * LIVESCAN_GetFPRawData}, {@code LIVESCAN_EndCapture}, {@code LIVESCAN_GetErrorInfo}, {@code LIVESCAN_Close}. Every
 * function returns 1 on success and a negative error number otherwise ({@code LIVESCAN_GetErrorInfo} words it, in
 * the library's GBK). Raw data is 8-bit grey of the capture window, 500 ppi.
 *
 * <p>The interface streams frames without telling whether a finger is on the window: {@link #capture} polls frames
 * until one shows a finger and the next one is the same picture (the finger is still), then returns it.
 */
public final class LivescanReader implements FingerprintReader {
    /** Adapter name in {@link ReaderInfo}. */
    public static final String ADAPTER = "GA/T 626.1 LIVESCAN";
    /** Resolution of GA/T 626 live scanners. */
    public static final int PPI = 500;
    /** Return value of a successful call. */
    static final int OK = 1;
    private static final Logger LOG = LoggerFactory.getLogger(LivescanReader.class);
    private static final Charset GBK = Charset.forName("GB18030");
    /** Pause between frames while waiting for a finger. */
    private static final long POLL_MS = 80;
    /** Mean absolute grey difference under which two frames show the same still finger. */
    private static final double STILL = 6;
    private static final Set<Path> OPEN = new HashSet<>();

    /** The functions of GA/T 626.1 this adapter calls (int __stdcall on 32-bit Windows, cdecl elsewhere). */
    @SuppressWarnings({"checkstyle:MethodName", "unused"})
    interface Api extends Library {
        int LIVESCAN_Init();

        int LIVESCAN_Close();

        int LIVESCAN_GetChannelCount();

        int LIVESCAN_SetBright(int channel, int bright);

        int LIVESCAN_SetContrast(int channel, int contrast);

        int LIVESCAN_GetCaptWindow(int channel, IntByReference originX, IntByReference originY, IntByReference width,
                IntByReference height);

        int LIVESCAN_BeginCapture(int channel);

        int LIVESCAN_GetFPRawData(int channel, byte[] raw);

        int LIVESCAN_EndCapture(int channel);

        int LIVESCAN_GetErrorInfo(int error, byte[] info);

        int LIVESCAN_GetDesc(byte[] desc);
    }

    private final Path library;
    private final int channel;
    private final Api api;
    private final int width;
    private final int height;
    private final String model;
    private final Object lock = new Object();
    private volatile boolean cancelled;
    private boolean closed;

    private LivescanReader(Path library, int channel, Api api, int width, int height, String model) {
        this.library = library;
        this.channel = channel;
        this.api = api;
        this.width = width;
        this.height = height;
        this.model = model;
    }

    /**
     * Loads the vendor library, initialises the scanner and reads the capture window of {@code channel}.
     *
     * @throws DeviceUnavailableException naming what is wrong (no such file, not a LIVESCAN library, no scanner
     *     attached, no such channel) and what to do
     */
    public static LivescanReader open(Path library, int channel) {
        Path lib = library.toAbsolutePath().normalize();
        String device = lib + "#" + channel;
        if (!Files.isRegularFile(lib)) {
            throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                    "找不到指纹采集仪接口库 " + lib, "the fingerprint reader's library " + lib + " does not exist",
                    "请安装采集仪厂商提供的 GA/T 626.1 接口库（.so/.dll），并在「设置 → 设备」中填写它的完整路径",
                    "install the reader vendor's GA/T 626.1 library (.so/.dll) and enter its full path in Settings → "
                            + "Devices", null);
        }
        synchronized (OPEN) {
            if (OPEN.contains(lib)) {
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                        "指纹采集仪已被本程序打开", "the fingerprint reader is already open in this program",
                        "请先关闭正在使用它的窗口", "close the window that uses it first", null);
            }
            Api api;
            try {
                Map<String, Object> options = Platform.isWindows() && !Platform.is64Bit()
                        ? Map.of(Library.OPTION_CALLING_CONVENTION, Function.ALT_CONVENTION) : Map.of();
                api = Native.load(lib.toString(), Api.class, options);
            } catch (UnsatisfiedLinkError e) {
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                        "无法加载指纹采集仪接口库 " + lib + "：" + e.getMessage(),
                        "cannot load the fingerprint reader's library " + lib + ": " + e.getMessage(),
                        "请确认它是本机架构（64 位）的 GA/T 626.1 接口库，且它依赖的库都已安装",
                        "check that it is a GA/T 626.1 library for this machine (64-bit) and that the libraries it "
                                + "needs are installed", e);
            }
            int rc = call(api, lib, device, "LIVESCAN_Init", api::LIVESCAN_Init);
            if (rc != OK) {
                String why = errorInfo(api, rc);
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                        "指纹采集仪初始化失败（" + rc + "：" + why + "）",
                        "the fingerprint reader did not initialise (" + rc + ": " + why + ")",
                        "请检查采集仪的 USB 连接线和驱动，然后重试", "check the reader's USB cable and driver, then try again",
                        null);
            }
            try {
                int channels = api.LIVESCAN_GetChannelCount();
                if (channels < 1 || channel < 0 || channel >= channels) {
                    throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                            "指纹采集仪没有通道 " + channel + "（共 " + Math.max(0, channels) + " 个）",
                            "the fingerprint reader has no channel " + channel + " (it has " + Math.max(0, channels)
                                    + ")",
                            "请在「设置 → 设备」中选择 0 到 " + (channels - 1) + " 之间的通道",
                            "choose a channel from 0 to " + (channels - 1) + " in Settings → Devices", null);
                }
                IntByReference x = new IntByReference();
                IntByReference y = new IntByReference();
                IntByReference w = new IntByReference();
                IntByReference h = new IntByReference();
                rc = api.LIVESCAN_GetCaptWindow(channel, x, y, w, h);
                if (rc != OK || w.getValue() <= 0 || h.getValue() <= 0) {
                    String why = rc != OK ? errorInfo(api, rc) : w.getValue() + "x" + h.getValue();
                    throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                            "无法读取指纹采集窗口大小（" + rc + "：" + why + "）",
                            "cannot read the capture window size (" + rc + ": " + why + ")",
                            "请检查采集仪后重试", "check the reader and try again", null);
                }
                String desc = description(api);
                LivescanReader reader = new LivescanReader(lib, channel, api, w.getValue(), h.getValue(),
                        desc.isEmpty() ? lib.getFileName().toString() : desc);
                OPEN.add(lib);
                LOG.info("LIVESCAN reader open: {} channel {} of {}, window {}x{} ({})", lib, channel, channels,
                        w.getValue(), h.getValue(), reader.model);
                return reader;
            } catch (UnsatisfiedLinkError e) {
                api.LIVESCAN_Close();
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                        lib + " 缺少 GA/T 626.1 必需的函数：" + e.getMessage(),
                        lib + " lacks a function GA/T 626.1 requires: " + e.getMessage(),
                        "请向采集仪厂商索取符合 GA/T 626.1 的接口库", "ask the reader's vendor for its GA/T 626.1 library", e);
            } catch (RuntimeException e) {
                api.LIVESCAN_Close();
                throw e;
            }
        }
    }

    private interface Call {
        int run();
    }

    private static int call(Api api, Path lib, String device, String function, Call call) {
        try {
            return call.run();
        } catch (UnsatisfiedLinkError e) {
            throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                    lib + " 不是 GA/T 626.1 指纹采集接口库（缺少 " + function + "）",
                    lib + " is not a GA/T 626.1 fingerprint capture library (no " + function + ")",
                    "请填写采集仪厂商提供的接口库路径", "enter the path of the library the reader's vendor supplies", e);
        }
    }

    /** LIVESCAN_GetDesc if the library has it, else "". */
    private static String description(Api api) {
        try {
            byte[] buf = new byte[1024];
            if (api.LIVESCAN_GetDesc(buf) == OK) {
                return text(buf);
            }
        } catch (UnsatisfiedLinkError e) {
            LOG.debug("LIVESCAN_GetDesc not provided: {}", e.getMessage());
        }
        return "";
    }

    /** The library's wording of an error number (GBK), or the number. */
    static String errorInfo(Api api, int error) {
        try {
            byte[] buf = new byte[256];
            if (api.LIVESCAN_GetErrorInfo(error, buf) == OK) {
                String s = text(buf);
                if (!s.isEmpty()) {
                    return s;
                }
            }
        } catch (UnsatisfiedLinkError e) {
            LOG.debug("LIVESCAN_GetErrorInfo not provided: {}", e.getMessage());
        }
        return "错误 " + error + " (error " + error + ")";
    }

    private static String text(byte[] zeroTerminated) {
        int n = 0;
        while (n < zeroTerminated.length && zeroTerminated[n] != 0) {
            n++;
        }
        return new String(zeroTerminated, 0, n, GBK).strip();
    }

    @Override
    public ReaderInfo info() {
        return new ReaderInfo(ADAPTER, model, library + "#" + channel, PPI, width, height);
    }

    /**
     * Sets brightness and contrast of the channel (0..255 in most libraries).
     *
     * @throws FingerprintException with the library's wording if it refuses
     */
    public void adjust(int bright, int contrast) throws FingerprintException {
        synchronized (lock) {
            ensureOpen();
            int rc = api.LIVESCAN_SetBright(channel, bright);
            if (rc == OK) {
                rc = api.LIVESCAN_SetContrast(channel, contrast);
            }
            if (rc != OK) {
                throw readerError("设置亮度/对比度", "setting brightness/contrast", rc);
            }
        }
    }

    @Override
    public FingerImage capture(Duration timeout) throws FingerprintException, InterruptedException {
        synchronized (lock) {
            ensureOpen();
            cancelled = false;
            int rc = api.LIVESCAN_BeginCapture(channel);
            if (rc != OK) {
                throw readerError("开始采集", "starting the capture", rc);
            }
            try {
                long deadline = System.nanoTime() + timeout.toNanos();
                byte[] previous = null;
                while (true) {
                    if (cancelled) {
                        throw FingerprintException.cancelled();
                    }
                    byte[] frame = new byte[width * height];
                    rc = api.LIVESCAN_GetFPRawData(channel, frame);
                    if (rc != OK) {
                        throw readerError("读取图像", "reading the image", rc);
                    }
                    Instant at = Instant.now();
                    FingerImage image = new FingerImage(frame, width, height, PPI, at);
                    if (ImpressionQuality.blank(image)) {
                        previous = null;
                    } else if (previous != null && meanDifference(previous, frame) < STILL) {
                        return image;
                    } else {
                        previous = frame;
                    }
                    if (System.nanoTime() > deadline) {
                        throw FingerprintException.noFinger(Math.max(1, timeout.toSeconds()));
                    }
                    Thread.sleep(POLL_MS);
                }
            } finally {
                int end = api.LIVESCAN_EndCapture(channel);
                if (end != OK) {
                    LOG.warn("LIVESCAN_EndCapture({}) returned {}: {}", channel, end, errorInfo(api, end));
                }
            }
        }
    }

    private FingerprintException readerError(String whatZh, String whatEn, int rc) {
        String why = errorInfo(api, rc);
        return new FingerprintException("指纹采集仪" + whatZh + "失败（" + rc + "：" + why + "）：请检查采集仪后再按一次",
                "the fingerprint reader failed " + whatEn + " (" + rc + ": " + why + "): check the reader and press "
                        + "again");
    }

    static double meanDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i += 7) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / ((a.length + 6) / 7);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("LIVESCAN reader " + library + " is closed");
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        cancelled = true;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            int rc = api.LIVESCAN_Close();
            if (rc != OK) {
                LOG.warn("LIVESCAN_Close returned {}: {}", rc, errorInfo(api, rc));
            }
            synchronized (OPEN) {
                OPEN.remove(library);
            }
            LOG.info("LIVESCAN reader closed: {}", library);
        }
    }
}
