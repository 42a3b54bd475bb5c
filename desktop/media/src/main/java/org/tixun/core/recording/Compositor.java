// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Draws the recorded picture: the remote camera large, the local camera picture-in-picture (bottom right), a clock
 * (top left) and a status line (bottom). A direction without a picture shows a 「信号中断 (no signal)」 card.
 */
final class Compositor {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Font BASE = loadFont();
    private final BufferedImage canvas;
    private final Graphics2D g;
    private final int w;
    private final int h;
    private final ZoneId zone;
    private final Font clockFont;
    private final Font statusFont;
    private final Font cardFont;
    private final Font cardSmallFont;

    Compositor(int width, int height, ZoneId zone) {
        this.w = width;
        this.h = height;
        this.zone = zone;
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float unit = height / 720f;
        this.clockFont = BASE.deriveFont(Font.BOLD, Math.max(12f, 26f * unit));
        this.statusFont = BASE.deriveFont(Font.PLAIN, Math.max(10f, 18f * unit));
        this.cardFont = BASE.deriveFont(Font.BOLD, Math.max(14f, 44f * unit));
        this.cardSmallFont = BASE.deriveFont(Font.BOLD, Math.max(10f, 22f * unit));
    }

    /** Prefers the CJK font shipped with the templates module; the JDK's logical font otherwise. */
    private static Font loadFont() {
        try (InputStream in = Compositor.class.getResourceAsStream("/fonts/NotoSerifSC-Regular.ttf")) {
            if (in != null) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException | FontFormatException e) {
            org.slf4j.LoggerFactory.getLogger(Compositor.class).warn("CJK font unreadable, using SansSerif", e);
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    /**
     * Draws one picture.
     *
     * @param remote latest remote picture, or null for the no-signal card
     * @param local latest local picture, or null for the no-signal card
     * @param at the wall-clock time of this picture
     * @param status the status line text
     */
    BufferedImage compose(BufferedImage remote, BufferedImage local, Instant at, String status) {
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        if (remote != null) {
            drawFit(remote, 0, 0, w, h);
        } else {
            card(0, 0, w, h, "远程", "remote", cardFont);
        }
        int pw = w / 4;
        int ph = pw * 3 / 4;
        int px = w - pw - w / 40;
        int py = h - ph - h / 12;
        if (local != null) {
            g.setColor(Color.BLACK);
            g.fillRect(px, py, pw, ph);
            drawFit(local, px, py, pw, ph);
        } else {
            card(px, py, pw, ph, "本地", "local", cardSmallFont);
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2));
        g.drawRect(px, py, pw, ph);
        // Clock, on a dark box so it reads on any picture.
        String clock = CLOCK.format(at.atZone(zone));
        g.setFont(clockFont);
        int cw = g.getFontMetrics().stringWidth(clock);
        int ch = g.getFontMetrics().getHeight();
        g.setColor(new Color(0, 0, 0, 160));
        g.fillRect(8, 8, cw + 16, ch + 8);
        g.setColor(Color.WHITE);
        g.drawString(clock, 16, 8 + 4 + g.getFontMetrics().getAscent());
        // Status line.
        g.setFont(statusFont);
        int sh = g.getFontMetrics().getHeight() + 6;
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(0, h - sh, w, sh);
        g.setColor(new Color(255, 80, 80));
        g.fillOval(8, h - sh + sh / 2 - 5, 10, 10);
        g.setColor(Color.WHITE);
        g.drawString(status, 26, h - sh + 3 + g.getFontMetrics().getAscent());
        return canvas;
    }

    private void drawFit(BufferedImage img, int x, int y, int bw, int bh) {
        double s = Math.min((double) bw / img.getWidth(), (double) bh / img.getHeight());
        int dw = (int) Math.round(img.getWidth() * s);
        int dh = (int) Math.round(img.getHeight() * s);
        g.drawImage(img, x + (bw - dw) / 2, y + (bh - dh) / 2, dw, dh, null);
    }

    private void card(int x, int y, int bw, int bh, String whoZh, String whoEn, Font font) {
        g.setColor(new Color(40, 40, 48));
        g.fillRect(x, y, bw, bh);
        g.setColor(new Color(255, 200, 60));
        g.setFont(font);
        String l1 = "信号中断";
        String l2 = "(no signal · " + whoZh + " " + whoEn + ")";
        var fm = g.getFontMetrics();
        g.drawString(l1, x + (bw - fm.stringWidth(l1)) / 2, y + bh / 2 - fm.getDescent());
        g.setFont(font.deriveFont(font.getSize2D() * 0.55f));
        var fm2 = g.getFontMetrics();
        g.drawString(l2, x + (bw - fm2.stringWidth(l2)) / 2, y + bh / 2 + fm2.getAscent() + 4);
    }

    void dispose() {
        g.dispose();
    }
}
