// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.i18n.DeviceMessages;

/**
 * An image fingerprint reader through libfprint 2 (Debian {@code libfprint-2-2}), called through JNA: {@code
 * fp_context_new}, {@code fp_context_get_devices}, {@code fp_device_open_sync}, {@code fp_device_capture_sync}
 * (waits for the finger), {@code fp_image_get_data}/{@code width}/{@code height}/{@code ppmm}. Only devices with the
 * capture feature (image devices) qualify; match-on-chip readers never give out an image.
 *
 * <p>libfprint's synchronous calls run the GLib main context of the thread that made the context, so every call
 * goes through one process-wide thread.
 */
public final class LibfprintReader implements FingerprintReader {
    /** Adapter name in {@link ReaderInfo}. */
    public static final String ADAPTER = "libfprint";
    /** Prefix of a libfprint device in the fingerprint setting: {@code libfprint:DRIVER:DEVICE_ID}. */
    public static final String PREFIX = "libfprint:";
    /** Resolution assumed when the driver does not report one (libfprint's image drivers are about 500 ppi). */
    static final int DEFAULT_PPI = 500;
    private static final Logger LOG = LoggerFactory.getLogger(LibfprintReader.class);
    private static final int FEATURE_CAPTURE = 1;
    private static final int SCAN_TYPE_SWIPE = 0;

    @SuppressWarnings("checkstyle:MethodName")
    interface FPrint extends Library {
        Pointer fp_context_new();

        Pointer fp_context_get_devices(Pointer context);

        String fp_device_get_name(Pointer device);

        String fp_device_get_driver(Pointer device);

        String fp_device_get_device_id(Pointer device);

        int fp_device_get_scan_type(Pointer device);

        int fp_device_has_feature(Pointer device, int feature);

        int fp_device_open_sync(Pointer device, Pointer cancellable, PointerByReference error);

        int fp_device_close_sync(Pointer device, Pointer cancellable, PointerByReference error);

        Pointer fp_device_capture_sync(Pointer device, int waitForFinger, Pointer cancellable,
                PointerByReference error);

        Pointer fp_image_get_data(Pointer image, Pointer length);

        int fp_image_get_width(Pointer image);

        int fp_image_get_height(Pointer image);

        double fp_image_get_ppmm(Pointer image);
    }

    @SuppressWarnings("checkstyle:MethodName")
    interface GLib extends Library {
        void g_error_free(Pointer error);

        int g_main_context_iteration(Pointer context, int mayBlock);
    }

    @SuppressWarnings("checkstyle:MethodName")
    interface GObject extends Library {
        void g_object_unref(Pointer object);
    }

    @SuppressWarnings("checkstyle:MethodName")
    interface Gio extends Library {
        Pointer g_cancellable_new();

        void g_cancellable_cancel(Pointer cancellable);
    }

    /**
     * A libfprint device found on this computer.
     *
     * @param driver the driver id (e.g. {@code elan}, {@code virtual_image})
     * @param deviceId the device id within the driver
     * @param name the device's name
     * @param canCapture whether it gives out images (match-on-chip readers do not)
     * @param swipe whether the finger is swiped rather than laid on the sensor
     */
    public record Device(String driver, String deviceId, String name, boolean canCapture, boolean swipe) {
        /** The setting value, {@code libfprint:DRIVER:DEVICE_ID}. */
        public String settingValue() {
            return PREFIX + driver + ":" + deviceId;
        }
    }

    private final Device device;
    private final Pointer handle;
    private final Object lock = new Object();
    private volatile Pointer cancellable;
    private volatile boolean cancelledByUser;
    private boolean closed;

    private LibfprintReader(Device device, Pointer handle) {
        this.device = device;
        this.handle = handle;
    }

    /**
     * The libfprint devices of this computer.
     *
     * @throws DeviceUnavailableException if libfprint is not installed
     */
    public static List<Device> devices() {
        return Lib.run(() -> {
            List<Device> out = new ArrayList<>();
            for (Pointer d : Lib.devices()) {
                out.add(describe(d));
            }
            return out;
        });
    }

    private static Device describe(Pointer d) {
        FPrint fp = Lib.fprint();
        return new Device(fp.fp_device_get_driver(d), fp.fp_device_get_device_id(d), fp.fp_device_get_name(d),
                fp.fp_device_has_feature(d, FEATURE_CAPTURE) != 0, fp.fp_device_get_scan_type(d) == SCAN_TYPE_SWIPE);
    }

    /**
     * Opens the device named by a setting value {@code libfprint:DRIVER:DEVICE_ID}.
     *
     * @throws DeviceUnavailableException not installed, not connected, not an image reader, or it fails to open
     */
    public static LibfprintReader open(String settingValue) {
        if (!settingValue.startsWith(PREFIX) || settingValue.indexOf(':', PREFIX.length()) < 0) {
            throw new IllegalArgumentException("libfprint device must be written libfprint:DRIVER:DEVICE_ID: "
                    + settingValue);
        }
        String rest = settingValue.substring(PREFIX.length());
        String driver = rest.substring(0, rest.indexOf(':'));
        String id = rest.substring(rest.indexOf(':') + 1);
        return Lib.run(() -> {
            List<String> found = new ArrayList<>();
            for (Pointer d : Lib.devices()) {
                Device dev = describe(d);
                found.add(dev.name() + " (" + dev.settingValue() + ")");
                if (dev.driver().equals(driver) && dev.deviceId().equals(id)) {
                    if (!dev.canCapture()) {
                        throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, settingValue,
                                DeviceMessages.of("libfprint.noImages", dev.name()),
                                DeviceMessages.of("libfprint.remedy.imageReader"), null);
                    }
                    PointerByReference error = new PointerByReference();
                    if (Lib.fprint().fp_device_open_sync(d, null, error) == 0) {
                        String why = Lib.takeError(error);
                        throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, settingValue,
                                DeviceMessages.of("libfprint.cannotOpen", dev.name(), why),
                                DeviceMessages.of("libfprint.remedy.checkPermissions"), null);
                    }
                    LOG.info("libfprint reader open: {} ({})", dev.name(), dev.settingValue());
                    return new LibfprintReader(dev, d);
                }
            }
            throw DeviceUnavailableException.notFound(DeviceKind.FINGERPRINT_READER, settingValue, found);
        });
    }

    @Override
    public ReaderInfo info() {
        return new ReaderInfo(ADAPTER, device.name(), device.driver() + ":" + device.deviceId(), DEFAULT_PPI, 0, 0);
    }

    @Override
    public FingerImageRecord.ImpressionType impressionType() {
        return device.swipe() ? FingerImageRecord.ImpressionType.SWIPE
                : FingerImageRecord.ImpressionType.LIVE_SCAN_PLAIN;
    }

    @Override
    public FingerImage capture(Duration timeout) throws FingerprintException, InterruptedException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("libfprint reader " + device.settingValue() + " is closed");
            }
            Pointer c = Lib.gio().g_cancellable_new();
            cancellable = c;
            cancelledByUser = false;
            ScheduledFuture<?> timer = Lib.TIMER.schedule(() -> Lib.gio().g_cancellable_cancel(c),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Object result = Lib.runChecked(() -> {
                    PointerByReference error = new PointerByReference();
                    Pointer image = Lib.fprint().fp_device_capture_sync(handle, 1, c, error);
                    if (image == null) {
                        return Lib.takeErrorDetail(error);
                    }
                    try {
                        return copy(image);
                    } finally {
                        Lib.gobject().g_object_unref(image);
                    }
                }, c);
                if (result instanceof FingerImage img) {
                    return img;
                }
                Lib.ErrorDetail e = (Lib.ErrorDetail) result;
                if (e.cancelled()) {
                    throw cancelledByUser ? FingerprintException.cancelled()
                            : FingerprintException.noFinger(Math.max(1, timeout.toSeconds()));
                }
                if (e.retry()) {
                    throw new FingerprintException(DeviceMessages.of("libfprint.retry", e.message()));
                }
                throw new FingerprintException(DeviceMessages.of("libfprint.failed", e.message()));
            } finally {
                timer.cancel(false);
                cancellable = null;
                Lib.run(() -> {
                    Lib.gobject().g_object_unref(c);
                    return null;
                });
            }
        }
    }

    private static FingerImage copy(Pointer image) {
        FPrint fp = Lib.fprint();
        int w = fp.fp_image_get_width(image);
        int h = fp.fp_image_get_height(image);
        Memory length = new Memory(Native.SIZE_T_SIZE);
        Pointer data = fp.fp_image_get_data(image, length);
        long n = Native.SIZE_T_SIZE == 8 ? length.getLong(0) : length.getInt(0);
        if (data == null || n != (long) w * h) {
            throw new IllegalStateException("libfprint image of " + w + "x" + h + " has " + n + " bytes");
        }
        double ppmm = fp.fp_image_get_ppmm(image);
        int ppi = ppmm > 0 && !Double.isNaN(ppmm) ? (int) Math.round(ppmm * 25.4) : DEFAULT_PPI;
        return new FingerImage(data.getByteArray(0, (int) n), w, h, ppi, Instant.now());
    }

    @Override
    public void cancel() {
        cancelledByUser = true;
        Pointer c = cancellable;
        if (c != null) {
            Lib.gio().g_cancellable_cancel(c);
        }
    }

    @Override
    public void close() {
        cancel();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            String why = Lib.run(() -> {
                PointerByReference error = new PointerByReference();
                return Lib.fprint().fp_device_close_sync(handle, null, error) == 0 ? Lib.takeError(error)
                        : null;
            });
            if (why != null) {
                LOG.warn("libfprint reader {} did not close cleanly: {}", device.settingValue(), why);
            }
            LOG.info("libfprint reader closed: {}", device.settingValue());
        }
    }

    /** The loaded libraries, the context and the thread every libfprint call runs on. */
    static final class Lib {
        private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tixun-libfprint");
            t.setDaemon(true);
            return t;
        });
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tixun-libfprint-timer");
            t.setDaemon(true);
            return t;
        });
        private static FPrint fprint;
        private static GLib glib;
        private static GObject gobject;
        private static Gio gio;
        private static Pointer context;

        private Lib() {
        }

        record ErrorDetail(String message, boolean cancelled, boolean retry) {
        }

        /** Runs on the libfprint thread; a device problem comes back as it is. */
        static <T> T run(Callable<T> call) {
            try {
                return THREAD.submit(() -> {
                    load();
                    return call.call();
                }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for libfprint", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("libfprint call failed: " + e.getCause(), e.getCause());
            }
        }

        /**
         * Like {@link #run} for a capture: an interrupt of the waiting thread cancels {@code cancellable}, waits for
         * libfprint to give up, then throws {@link InterruptedException}.
         */
        static Object runChecked(Callable<Object> call, Pointer cancellable) throws InterruptedException {
            Future<Object> f = THREAD.submit(() -> {
                load();
                return call.call();
            });
            try {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    gio.g_cancellable_cancel(cancellable);
                    try {
                        f.get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException | java.util.concurrent.TimeoutException ignored) {
                        LOG.debug("libfprint capture ended after interrupt: {}", ignored.toString());
                    }
                    throw e;
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("libfprint call failed: " + e.getCause(), e.getCause());
            }
        }

        private static void load() {
            if (fprint != null) {
                return;
            }
            try {
                glib = Native.load("libglib-2.0.so.0", GLib.class);
                gobject = Native.load("libgobject-2.0.so.0", GObject.class);
                gio = Native.load("libgio-2.0.so.0", Gio.class);
                FPrint f = Native.load("libfprint-2.so.2", FPrint.class);
                context = f.fp_context_new();
                fprint = f;
            } catch (UnsatisfiedLinkError e) {
                throw new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, "libfprint",
                        DeviceMessages.of("libfprint.notInstalled", e),
                        DeviceMessages.of("libfprint.remedy.install"), e);
            }
        }

        static FPrint fprint() {
            return fprint;
        }

        static GObject gobject() {
            return gobject;
        }

        static Gio gio() {
            load();
            return gio;
        }

        /** The devices of the context (after pending hot-plug events are processed); owned by the context. */
        static List<Pointer> devices() {
            while (glib.g_main_context_iteration(null, 0) != 0) {
                // Drain pending events (hot-plugged readers) without blocking.
            }
            Pointer array = fprint.fp_context_get_devices(context);
            List<Pointer> out = new ArrayList<>();
            if (array == null) {
                return out;
            }
            Pointer data = array.getPointer(0);
            int n = array.getInt(Native.POINTER_SIZE);
            for (int i = 0; i < n; i++) {
                out.add(data.getPointer((long) i * Native.POINTER_SIZE));
            }
            return out;
        }

        /** The message of a GError, which is freed. */
        static String takeError(PointerByReference ref) {
            return takeErrorDetail(ref).message();
        }

        static ErrorDetail takeErrorDetail(PointerByReference ref) {
            Pointer e = ref.getValue();
            if (e == null) {
                return new ErrorDetail(DeviceMessages.of("libfprint.unknownError").bilingual(), false, false);
            }
            try {
                // GError: GQuark domain (guint32), gint code, gchar *message.
                int domain = e.getInt(0);
                int code = e.getInt(4);
                Pointer m = e.getPointer(8);
                String message = m == null ? "error " + code : m.getString(0, "UTF-8");
                String domainName = quark(domain);
                boolean cancelled = "g-io-error-quark".equals(domainName) && code == 19;
                // G_DEFINE_QUARK (fp - device - retry - quark, ...) in libfprint: the name keeps the spaces.
                boolean retry = domainName.replace(" ", "").equals("fp-device-retry-quark");
                return new ErrorDetail(message, cancelled, retry);
            } finally {
                glib.g_error_free(e);
            }
        }

        private static String quark(int q) {
            Pointer p = Quarks.INSTANCE.g_quark_to_string(q);
            return p == null ? "" : p.getString(0);
        }

        @SuppressWarnings("checkstyle:MethodName")
        interface Quarks extends Library {
            Quarks INSTANCE = Native.load("libglib-2.0.so.0", Quarks.class);

            Pointer g_quark_to_string(int quark);
        }
    }
}
