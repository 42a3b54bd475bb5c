// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Test code: platen frames made from the committed test impression ({@code ridge-whorl-500ppi.png}): the finger laid
 * anywhere on a 640×640 window of bare platen (white with sensor noise), pressed normally or lightly.
 */
public final class Impressions {
    /** GA/T 626 single-finger capture window. */
    static final int WINDOW = 640;
    private static final FingerImage FINGER = load();

    private Impressions() {
    }

    private static FingerImage load() {
        try (InputStream in = Impressions.class.getResourceAsStream("ridge-whorl-500ppi.png")) {
            if (in == null) {
                throw new IllegalStateException("test impression ridge-whorl-500ppi.png missing");
            }
            BufferedImage img = ImageIO.read(in);
            return FingerImage.of(img, 500, Instant.EPOCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test impression itself (360×480 at 500 ppi). */
    static FingerImage finger() {
        return FINGER;
    }

    /** The bare platen: white with ±3 grey levels of sensor noise. */
    static byte[] blank(int width, int height, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[width * height];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (248 + r.nextInt(7));
        }
        return px;
    }

    /**
     * The finger with its top left corner at ({@code x}, {@code y}) of a {@code WINDOW}² platen; {@code pressure} 1
     * is a normal press, lower values fade the ridges towards white (a light touch).
     */
    static byte[] frame(int x, int y, double pressure) {
        byte[] px = blank(WINDOW, WINDOW, 7);
        for (int fy = 0; fy < FINGER.height(); fy++) {
            for (int fx = 0; fx < FINGER.width(); fx++) {
                int tx = x + fx;
                int ty = y + fy;
                if (tx < 0 || ty < 0 || tx >= WINDOW || ty >= WINDOW) {
                    continue;
                }
                int v = 255 - (int) Math.round((255 - FINGER.grey(fx, fy)) * pressure);
                int i = ty * WINDOW + tx;
                px[i] = (byte) Math.min(px[i] & 0xff, v);
            }
        }
        return px;
    }

    /** The finger in the middle of the window, pressed normally. */
    public static byte[] centred() {
        return frame((WINDOW - FINGER.width()) / 2, (WINDOW - FINGER.height()) / 2, 1);
    }

    static FingerImage image(byte[] px) {
        return new FingerImage(px, WINDOW, WINDOW, 500, Instant.now());
    }
}
