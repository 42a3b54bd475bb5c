// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.installer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The launcher splash's progress frames: copies of {@code splash.png} with the bar filled to a percentage, written as
 * {@code splash-<percent>.png} beside it. The app shows them in turn on the JVM's splash window as start-up goes on
 * ({@code LauncherSplash}): the JVM decodes them natively, so no graphics toolkit starts in the app for the bar.
 *
 * <pre>java SplashFrames.java SPLASH_PNG OUT_DIR PERCENT...</pre>
 */
public final class SplashFrames {
    /** The bar's track in splash.png (520×200): x 32..487, y 140..147, rounded ends; the app's accent colour. */
    static final int BAR_X = 32;
    static final int BAR_Y = 140;
    static final int BAR_WIDTH = 456;
    static final int BAR_HEIGHT = 8;
    static final Color BAR = new Color(0x0969da);

    private SplashFrames() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length < 3) {
            System.err.println("usage: SplashFrames SPLASH_PNG OUT_DIR PERCENT...");
            System.exit(2);
        }
        Path splash = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Integer> percents = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            int p;
            try {
                p = Integer.parseInt(args[i]);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 0 || p > 100) {
                System.err.println("SplashFrames: '" + args[i] + "' is not a percentage (0..100)");
                System.exit(2);
            }
            percents.add(p);
        }
        for (Path written : write(splash, out, percents)) {
            System.out.println("SplashFrames: " + written);
        }
    }

    /** Writes one frame per percentage; returns the files. */
    static List<Path> write(Path splash, Path out, List<Integer> percents) throws IOException {
        BufferedImage base = ImageIO.read(splash.toFile());
        if (base == null) {
            throw new IOException(splash + " is not an image ImageIO can read");
        }
        if (base.getWidth() != 520 || base.getHeight() != 200) {
            throw new IOException(splash + " is " + base.getWidth() + "x" + base.getHeight()
                    + "; the bar's place is known for the 520x200 picture only (update SplashFrames and LauncherSplash)");
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (int percent : percents) {
            BufferedImage frame = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            try {
                g.drawImage(base, 0, 0, null);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(BAR);
                int width = Math.max(BAR_HEIGHT, Math.round(BAR_WIDTH * percent / 100f));
                g.fillRoundRect(BAR_X, BAR_Y, width, BAR_HEIGHT, BAR_HEIGHT, BAR_HEIGHT);
            } finally {
                g.dispose();
            }
            Path file = out.resolve("splash-" + percent + ".png");
            if (!ImageIO.write(frame, "png", file.toFile())) {
                throw new IOException("no PNG writer for " + file);
            }
            written.add(file);
        }
        return written;
    }
}
