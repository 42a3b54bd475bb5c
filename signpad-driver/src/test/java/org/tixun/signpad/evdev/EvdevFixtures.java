// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenState;

/** The recorded evdev fixture: a short stroke at 200 Hz, as a tablet reports it; {@link #main} rewrites the file. */
public final class EvdevFixtures {

    private static final long START_MICROS = 1_763_800_000_000_000L;

    private EvdevFixtures() {
    }

    /** The samples in the fixture: 5 hover, 40 contact with tilt and a button press, 5 hover, then out. */
    public static List<DecodedPen> penStroke() {
        List<DecodedPen> out = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            PenState s = i < 5 || i >= 45 && i < 50 ? PenState.HOVER : i == 50 ? PenState.OUT : PenState.CONTACT;
            int x = 10_000 + i * 37;
            int y = 8_000 + (int) Math.round(Math.sin(i / 6.0) * 900);
            int p = s == PenState.CONTACT ? 300 + (i % 7) * 120 : 0;
            int buttons = i >= 20 && i < 25 ? 1 : 0;
            long t = (START_MICROS + i * 5_000L) * 1_000L;
            out.add(new DecodedPen(x, y, p, -10 + i / 5, 15 - i / 7, s, buttons, t));
        }
        return out;
    }

    public static byte[] encode(List<DecodedPen> pens) {
        EvdevEncoder e = new EvdevEncoder();
        for (DecodedPen p : pens) {
            e.pen(p, p.deviceNanos() / 1_000L);
        }
        return e.toByteArray();
    }

    /** Writes the fixture to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), encode(penStroke()));
    }
}
