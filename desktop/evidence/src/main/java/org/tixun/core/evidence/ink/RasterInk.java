// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.ink;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Draws an {@link InkLayout} with Java2D: a still image, or an animated GIF replaying the strokes in time. */
public final class RasterInk {
    private static final Color INK = new Color(13, 20, 90);

    private RasterInk() {
    }

    /** Draws the segments onto a white image {@code scale} pixels per layout unit. */
    public static BufferedImage draw(InkLayout layout, List<InkSegment> segments, float scale) {
        int w = Math.max(1, Math.round(layout.boxWidth() * scale));
        int h = Math.max(1, Math.round(layout.boxHeight() * scale));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(INK);
            for (InkSegment s : segments) {
                g.setStroke(new BasicStroke(s.width() * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Float(s.x1() * scale, s.y1() * scale, s.x2() * scale, s.y2() * scale));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A PNG of the whole ink. */
    public static byte[] png(InkLayout layout, float scale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(layout, layout.segments(), scale), "png", out);
        return out.toByteArray();
    }

    /**
     * An animated GIF replaying the strokes.
     *
     * @param frameMillis replay time between frames
     * @param speed replay speed factor (1 = real time)
     */
    public static byte[] animatedGif(InkLayout layout, float scale, int frameMillis, double speed) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            long step = Math.max(1, Math.round(frameMillis * speed));
            long end = layout.segments().isEmpty() ? 0 : layout.segments().get(layout.segments().size() - 1).tMillis();
            int delayCs = Math.max(2, frameMillis / 10);
            boolean first = true;
            for (long t = 0; ; t += step) {
                long until = Math.min(t, end);
                BufferedImage frame = draw(layout, layout.segmentsUntil(until), scale);
                boolean last = until >= end;
                writer.writeToSequence(new IIOImage(frame, null, metadata(writer, frame, last ? 300 : delayCs, first)),
                        null);
                first = false;
                if (last) {
                    break;
                }
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static IIOMetadata metadata(ImageWriter writer, BufferedImage image, int delayCs, boolean first)
            throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
