// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain over a session's segments (docs/recording.md):
 *
 * <pre>
 * chain(0) = 64 × "0"
 * chain(i) = hex(SHA-256(UTF-8("tixun-recording-chain/1\n" + chain(i-1) + "\n" + sha256(i) + "\n" + index(i) + "\n"
 *            + name(i) + "\n" + size(i) + "\n" + start(i) + "\n" + end(i) + "\n" + status(i))))
 * </pre>
 *
 * {@code sha256(i)} is the lower-case hex SHA-256 of the segment file, {@code index} the decimal segment number
 * (from 1), {@code size} the file length in bytes, {@code start}/{@code end} ISO-8601 instants ({@link Instant#toString}),
 * {@code status} the {@link SegmentStatus} name. No field can contain a newline, so the encoding is unambiguous. The
 * chain head is the value of the last segment; it is what the seal signs.
 */
public final class RecordingChain {
    /** The value before the first segment. */
    public static final String GENESIS = "0".repeat(64);
    static final String TAG = "tixun-recording-chain/1";

    private RecordingChain() {
    }

    public static String link(String previous, String sha256, int index, String name, long size, Instant start,
            Instant end, SegmentStatus status) {
        String text = TAG + "\n" + previous + "\n" + sha256 + "\n" + index + "\n" + name + "\n" + size + "\n" + start
                + "\n" + end + "\n" + status.name();
        for (String field : new String[] {previous, sha256, name}) {
            if (field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("chain fields cannot contain a newline");
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The chain value of one manifest segment given the previous value. */
    public static String link(String previous, RecordingManifest.Segment s) {
        return link(previous, s.sha256(), s.index(), s.name(), s.size(), s.start(), s.end(), s.status());
    }
}
