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
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.Message;

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
                    DeviceMessages.of("livescan.noLibrary", lib),
                    DeviceMessages.of("livescan.remedy.install"), null);
        }
        synchronized (OPEN) {
            if (OPEN.contains(lib)) {
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                        DeviceMessages.of("livescan.alreadyOpen"),
                        DeviceMessages.of("livescan.remedy.closeOther"), null);
            }
            Api api;
            try {
                Map<String, Object> options = Platform.isWindows() && !Platform.is64Bit()
                        ? Map.of(Library.OPTION_CALLING_CONVENTION, Function.ALT_CONVENTION) : Map.of();
                api = Native.load(lib.toString(), Api.class, options);
            } catch (UnsatisfiedLinkError e) {
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                        DeviceMessages.of("livescan.cannotLoad", lib, e),
                        DeviceMessages.of("livescan.remedy.checkLibrary"), e);
            }
            int rc = call(api, lib, device, "LIVESCAN_Init", api::LIVESCAN_Init);
            if (rc != OK) {
                Message why = errorInfo(api, rc);
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                        DeviceMessages.of("livescan.initFailed", rc, why),
                        DeviceMessages.of("livescan.remedy.checkUsb"),
                        null);
            }
            try {
                int channels = api.LIVESCAN_GetChannelCount();
                if (channels < 1 || channel < 0 || channel >= channels) {
                    throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                            DeviceMessages.of("livescan.noChannel", channel, Math.max(0, channels)),
                            DeviceMessages.of("livescan.remedy.chooseChannel", (channels - 1)), null);
                }
                IntByReference x = new IntByReference();
                IntByReference y = new IntByReference();
                IntByReference w = new IntByReference();
                IntByReference h = new IntByReference();
                rc = api.LIVESCAN_GetCaptWindow(channel, x, y, w, h);
                if (rc != OK || w.getValue() <= 0 || h.getValue() <= 0) {
                    Message why = rc != OK ? errorInfo(api, rc)
                            : Message.untranslated(w.getValue() + "x" + h.getValue());
                    throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, device,
                            DeviceMessages.of("livescan.noWindow", rc, why),
                            DeviceMessages.of("livescan.remedy.checkReader"), null);
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
                        DeviceMessages.of("livescan.missingFunction", lib, e),
                        DeviceMessages.of("livescan.remedy.askVendor"), e);
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
                    DeviceMessages.of("livescan.notLivescan", lib, function),
                    DeviceMessages.of("livescan.remedy.enterPath"), e);
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
    static Message errorInfo(Api api, int error) {
        try {
            byte[] buf = new byte[256];
            if (api.LIVESCAN_GetErrorInfo(error, buf) == OK) {
                String s = text(buf);
                if (!s.isEmpty()) {
                    return Message.untranslated(s); // the vendor library's own words
                }
            }
        } catch (UnsatisfiedLinkError e) {
            LOG.debug("LIVESCAN_GetErrorInfo not provided: {}", e.getMessage());
        }
        return DeviceMessages.of("livescan.errorCode", error);
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
                throw readerError(DeviceMessages.of("livescan.step.adjust"), rc);
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
                throw readerError(DeviceMessages.of("livescan.step.begin"), rc);
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
                        throw readerError(DeviceMessages.of("livescan.step.read"), rc);
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
                    LOG.warn("LIVESCAN_EndCapture({}) returned {}: {}", channel, end, errorInfo(api, end).english());
                }
            }
        }
    }

    private FingerprintException readerError(Message what, int rc) {
        return new FingerprintException(DeviceMessages.of("livescan.stepFailed", what, rc, errorInfo(api, rc)));
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
                LOG.warn("LIVESCAN_Close returned {}: {}", rc, errorInfo(api, rc).english());
            }
            synchronized (OPEN) {
                OPEN.remove(library);
            }
            LOG.info("LIVESCAN reader closed: {}", library);
        }
    }
}
