// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Feeds byte streams to decoders whole, byte by byte or in random chunks. */
public final class Chunking {

    private Chunking() {
    }

    public static List<DecodedPen> whole(StreamDecoder d, byte[] data) {
        List<DecodedPen> out = new ArrayList<>();
        d.feed(data, 0, data.length, out::add);
        return out;
    }

    public static List<DecodedPen> byteAtATime(StreamDecoder d, byte[] data) {
        List<DecodedPen> out = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            d.feed(data, i, 1, out::add);
        }
        return out;
    }

    public static List<DecodedPen> randomChunks(StreamDecoder d, byte[] data, long seed) {
        List<DecodedPen> out = new ArrayList<>();
        Random r = new Random(seed);
        int i = 0;
        while (i < data.length) {
            int n = Math.min(data.length - i, 1 + r.nextInt(40));
            d.feed(data, i, n, out::add);
            i += n;
        }
        return out;
    }

    public static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    public static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
