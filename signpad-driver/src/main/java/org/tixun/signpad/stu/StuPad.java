// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

import java.io.IOException;
import org.tixun.signpad.AbstractSignaturePad;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.model.DecodeCounts;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.Transport;
import org.tixun.signpad.nativeio.DeviceFile;

/**
 * A Wacom STU pad read through Linux {@code /dev/hidrawN}: feature reports via HIDIOCGFEATURE/HIDIOCSFEATURE,
 * pen reports switched to PenDataTimeCountSequence for device time and gap detection.
 */
public final class StuPad extends AbstractSignaturePad {

    private final StuReportDecoder decoder = new StuReportDecoder();
    private volatile DeviceFile device;

    public StuPad(String hidrawPath, PadOptions options) {
        super(hidrawPath, options);
    }

    /** HIDIOCGFEATURE(len) = _IOC(_IOC_READ | _IOC_WRITE, 'H', 0x07, len). */
    static long hidiocgfeature(int len) {
        return 0xC0004807L | (long) len << 16;
    }

    /** HIDIOCSFEATURE(len) = _IOC(_IOC_READ | _IOC_WRITE, 'H', 0x06, len). */
    static long hidiocsfeature(int len) {
        return 0xC0004806L | (long) len << 16;
    }

    @Override
    protected PadInfo connect() throws IOException {
        DeviceFile d = DeviceFile.open(port, true);
        try {
            byte[] cap = new byte[StuCapability.LENGTH];
            cap[0] = (byte) Stu.REPORT_CAPABILITY;
            d.ioctl(hidiocgfeature(cap.length), cap);
            StuCapability c = StuCapability.parse(cap, cap.length);
            byte[] inf = new byte[StuInformation.LENGTH];
            inf[0] = (byte) Stu.REPORT_INFORMATION;
            d.ioctl(hidiocgfeature(inf.length), inf);
            StuInformation i = StuInformation.parse(inf, inf.length);
            if (c == null || i == null) {
                throw new IOException(port + " did not return STU capability/information reports: not an STU pad?");
            }
            byte[] mode = {(byte) Stu.REPORT_PEN_DATA_OPTION_MODE, (byte) Stu.OPTION_MODE_TIME_COUNT_SEQUENCE};
            d.ioctl(hidiocsfeature(mode.length), mode);
            decoder.reset();
            decoder.limits(c);
            device = d;
            return new PadInfo("Wacom " + i.modelName() + " firmware " + i.firmwareMajor() + "." + i.firmwareMinor(),
                    Transport.USB_HID, port, c.maxX(), c.maxY(), c.maxPressure(), true, false,
                    c.resolution() / 25.4, c.maxReportRate() > 0 ? c.maxReportRate() : Stu.NOMINAL_RATE_HZ,
                    c.screenWidth(), c.screenHeight(), true);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    @Override
    protected int bufferSize() {
        return 64;
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
        // hidraw returns exactly one report per read.
        decoder.report(buffer, 0, length, arrivalNanos, sink);
    }

    @Override
    protected void sendStart() throws IOException {
        DeviceFile d = device;
        byte[] clear = {(byte) Stu.REPORT_CLEAR_SCREEN, 0};
        d.ioctl(hidiocsfeature(clear.length), clear);
        byte[] inking = {(byte) Stu.REPORT_INKING_MODE, 1};
        d.ioctl(hidiocsfeature(inking.length), inking);
    }

    @Override
    protected void sendStop() throws IOException {
        DeviceFile d = device;
        byte[] inking = {(byte) Stu.REPORT_INKING_MODE, 0};
        d.ioctl(hidiocsfeature(inking.length), inking);
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
        return Stu.NOMINAL_RATE_HZ;
    }
}
