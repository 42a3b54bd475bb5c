// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.format;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.StrokeSample;

/**
 * Encodes and decodes pen samples in the binary layout of ISO/IEC 19794-7:2007 (full format): a general
 * header, then one signature representation per event with its capture date/time, device, channel
 * descriptions (X, Y, F, DT, S) and 16-bit sample points.
 */
public final class Iso19794Strokes {
    private static final byte[] FORMAT_ID = {'S', 'D', 'I', 0};
    private static final byte[] VERSION = {'0', '1', '0', 0};
    // Channel inclusion bits (most significant first): X, Y, Z, VX, VY, AX, AY, T, DT, F, S, ...
    private static final int CH_X = 1 << 15;
    private static final int CH_Y = 1 << 14;
    private static final int CH_DT = 1 << 7;
    private static final int CH_F = 1 << 6;
    private static final int CH_S = 1 << 5;
    private static final int CHANNELS = CH_X | CH_Y | CH_DT | CH_F | CH_S;

    /** One signature representation: the samples of one event with its capture time and device. */
    public record Representation(Instant captured, DeviceInfo device, List<StrokeSample> samples) {
    }

    private Iso19794Strokes() {
    }

    /** Encodes the representations, in order, into one record. */
    public static byte[] encode(List<Representation> representations) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            for (Representation r : representations) {
                byte[] rep = representation(r);
                out.writeInt(rep.length + 4);
                out.write(rep);
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream head = new DataOutputStream(all);
            head.write(FORMAT_ID);
            head.write(VERSION);
            head.writeInt(4 + 4 + 4 + 1 + body.size());
            head.writeByte(representations.size());
            head.write(body.toByteArray());
            return all.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
    }

    private static byte[] representation(Representation r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        ZonedDateTime t = r.captured().atZone(ZoneOffset.UTC);
        out.writeShort(t.getYear());
        out.writeByte(t.getMonthValue());
        out.writeByte(t.getDayOfMonth());
        out.writeByte(t.getHour());
        out.writeByte(t.getMinute());
        out.writeByte(t.getSecond());
        out.writeShort(t.getNano() / 1_000_000);
        out.writeByte(1); // capture device technology: electronic tablet
        out.writeShort(0); // vendor id unknown to the registry: the name follows in the extended data
        out.writeShort(0);
        out.writeByte(0); // no quality blocks
        out.writeShort(CHANNELS);
        DeviceInfo d = r.device();
        // Channel descriptions: maximum values (scaling) for X, Y, DT, F; S has none.
        out.writeShort(clamp(d.width()));
        out.writeShort(clamp(d.height()));
        out.writeShort(clamp(d.samplesPerSecond()));
        out.writeShort(clamp(d.maxPressure()));
        List<StrokeSample> samples = r.samples();
        out.writeByte((samples.size() >> 16) & 0xFF);
        out.writeShort(samples.size() & 0xFFFF);
        long previous = samples.isEmpty() ? 0 : samples.get(0).tMillis();
        for (StrokeSample s : samples) {
            out.writeShort(clamp(s.x()));
            out.writeShort(clamp(s.y()));
            out.writeShort(clamp(s.tMillis() - previous));
            out.writeShort(clamp(s.pressure()));
            out.writeShort(s.contact() ? 1 : 0);
            previous = s.tMillis();
        }
        byte[] ext = (d.vendor() + "\u0000" + d.model() + "\u0000" + d.serial() + "\u0000" + d.firmware())
                .getBytes(StandardCharsets.UTF_8);
        out.writeShort(ext.length);
        out.write(ext);
        return bytes.toByteArray();
    }

    private static int clamp(long v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("value outside 16-bit range of ISO/IEC 19794-7 samples: " + v);
        }
        return (int) v;
    }

    /** Decodes a record written by {@link #encode(List)}. */
    public static List<Representation> decode(byte[] record) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
            byte[] id = in.readNBytes(4);
            byte[] version = in.readNBytes(4);
            if (!java.util.Arrays.equals(id, FORMAT_ID) || !java.util.Arrays.equals(version, VERSION)) {
                throw new IllegalArgumentException("not an ISO/IEC 19794-7 record");
            }
            int length = in.readInt();
            if (length != record.length) {
                throw new IllegalArgumentException("ISO/IEC 19794-7 record length mismatch");
            }
            int count = in.readUnsignedByte();
            List<Representation> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                in.readInt();
                ZonedDateTime t = ZonedDateTime.of(in.readUnsignedShort(), in.readUnsignedByte(), in.readUnsignedByte(),
                        in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte(), 0, ZoneOffset.UTC);
                Instant captured = t.toInstant().plusMillis(in.readUnsignedShort());
                in.readUnsignedByte();
                in.readUnsignedShort();
                in.readUnsignedShort();
                in.readUnsignedByte();
                if (in.readUnsignedShort() != CHANNELS) {
                    throw new IllegalArgumentException("unexpected channel set");
                }
                int w = in.readUnsignedShort();
                int h = in.readUnsignedShort();
                int rate = in.readUnsignedShort();
                int maxP = in.readUnsignedShort();
                int n = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
                List<StrokeSample> samples = new ArrayList<>(n);
                long t0 = 0;
                for (int k = 0; k < n; k++) {
                    int x = in.readUnsignedShort();
                    int y = in.readUnsignedShort();
                    t0 += in.readUnsignedShort();
                    int p = in.readUnsignedShort();
                    boolean contact = in.readUnsignedShort() != 0;
                    samples.add(StrokeSample.of(x, y, p, t0, contact));
                }
                byte[] ext = in.readNBytes(in.readUnsignedShort());
                String[] parts = new String(ext, StandardCharsets.UTF_8).split("\u0000", -1);
                DeviceInfo device = new DeviceInfo(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3), w, h,
                        maxP, rate);
                result.add(new Representation(captured, device, samples));
            }
            return result;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated ISO/IEC 19794-7 record", e);
        }
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }
}
