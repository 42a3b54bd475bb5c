// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tixun.signpad.AbstractSignaturePad;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.model.DecodeCounts;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.Transport;
import org.tixun.signpad.nativeio.DeviceFile;

/** A USB HID pen tablet read through Linux evdev ({@code /dev/input/eventN}); axis ranges come from EVIOCGABS. */
public final class EvdevPad extends AbstractSignaturePad implements EvdevState {

    private final EvdevDecoder decoder = new EvdevDecoder(this);
    private volatile DeviceFile device;

    public EvdevPad(String path, PadOptions options) {
        super(path, options);
    }

    @Override
    protected PadInfo connect() throws IOException {
        DeviceFile d = DeviceFile.open(port, false);
        try {
            AbsInfo x = absOf(d, Evdev.ABS_X);
            AbsInfo y = absOf(d, Evdev.ABS_Y);
            if (x == null || y == null) {
                throw new IOException(port + " has no ABS_X/ABS_Y axes: not a pen tablet");
            }
            AbsInfo p = absOf(d, Evdev.ABS_PRESSURE);
            AbsInfo tx = absOf(d, Evdev.ABS_TILT_X);
            byte[] name = new byte[256];
            int len = d.ioctl(Evdev.eviocgname(name.length), name);
            String model = new String(name, 0, Math.max(0, len - 1), StandardCharsets.UTF_8).trim();
            if (options.grab()) {
                d.ioctl(Evdev.EVIOCGRAB, 1);
            }
            device = d;
            decoder.reset();
            return new PadInfo(model.isEmpty() ? "evdev pen" : model, Transport.EVDEV, port, x.maximum(),
                    y.maximum(), p == null ? 0 : p.maximum(), p != null, tx != null, x.resolution(), 200, 0, 0,
                    true);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private static AbsInfo absOf(DeviceFile d, int axis) {
        byte[] b = new byte[24];
        try {
            d.ioctl(Evdev.eviocgabs(axis), b);
        } catch (IOException e) {
            return null;
        }
        return new AbsInfo(EvdevDecoder.le32(b, 0), EvdevDecoder.le32(b, 4), EvdevDecoder.le32(b, 8),
                EvdevDecoder.le32(b, 12), EvdevDecoder.le32(b, 16), EvdevDecoder.le32(b, 20));
    }

    @Override
    public AbsInfo abs(int axis) {
        DeviceFile d = device;
        return d == null ? null : absOf(d, axis);
    }

    @Override
    public boolean key(int code) {
        DeviceFile d = device;
        if (d == null) {
            return false;
        }
        byte[] keys = new byte[96];
        try {
            d.ioctl(Evdev.eviocgkey(keys.length), keys);
        } catch (IOException e) {
            return false;
        }
        return (keys[code / 8] & 1 << (code % 8)) != 0;
    }

    @Override
    protected int bufferSize() {
        return Evdev.EVENT_SIZE * 64;
    }

    @Override
    protected int readChunk(byte[] buffer) throws IOException {
        DeviceFile d = device;
        if (d == null) {
            throw new IOException("not connected");
        }
        return d.read(buffer, options.readTimeoutMs());
    }

    @Override
    protected void decode(byte[] buffer, int length, long arrivalNanos, PenSink sink) {
        decoder.feed(buffer, 0, length, sink);
    }

    @Override
    protected void sendStart() {
        // evdev devices report whenever the pen is near.
    }

    @Override
    protected void sendStop() {
        // Nothing to tell the device; the host just stops listening.
    }

    @Override
    protected void disconnect() {
        DeviceFile d = device;
        device = null;
        if (d != null) {
            d.close();
        }
    }

    @Override
    protected DecodeCounts counts() {
        return decoder.stats().snapshot();
    }

    @Override
    protected double nominalRateHz() {
        return 200;
    }
}
