// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Records the page and PDF rectangle of every signature {@code <object>} as openhtmltopdf paints it
 * (once per page for slots in the running page footer).
 *
 * <p>openhtmltopdf hands object drawers layout coordinates only; the mapping to page points is the
 * output device's current transform, which it does not expose. It is read reflectively from the
 * pinned 1.1.65 {@code PdfBoxFastOutputDevice}; the renderer verifies every slot was recorded, and a
 * test checks that the recorded boxes match the drawn borders, so a library change cannot go unseen.
 */
final class SlotRecorder implements FSObjectDrawer {

    private static final Field TRANSFORM = transformField();

    private final TemplateManifest manifest;
    private final List<SlotPosition> positions = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    SlotRecorder(TemplateManifest manifest) {
        this.manifest = manifest;
    }

    private static Field transformField() {
        try {
            Field field = Class.forName("com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice").getDeclaredField("_transform");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(
                    new IllegalStateException("openhtmltopdf changed: cannot locate signature slots", e));
        }
    }

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
            OutputDevice outputDevice, RenderingContext ctx, int dotsPerPixel) {
        SignatureSlot slot = manifest.slot(e.getAttribute("data-slot")).orElseThrow();
        PdfBoxOutputDevice device = (PdfBoxOutputDevice) outputDevice;
        AffineTransform transform;
        try {
            transform = (AffineTransform) TRANSFORM.get(device);
        } catch (IllegalAccessException ex) {
            throw new IllegalStateException("Cannot read the output transform", ex);
        }
        float pageHeight = device.getPage().getMediaBox().getHeight();
        Point2D topLeft = transform.transform(new Point2D.Double(x, y), null);
        Point2D bottomRight = transform.transform(new Point2D.Double(x + width, y + height), null);
        int page = ctx.getPageNo();
        if (seen.add(page + "/" + slot.id())) {
            positions.add(new SlotPosition(page, slot.id(), slot.role(), slot.placement(),
                    (float) topLeft.getX(), (float) (pageHeight - bottomRight.getY()),
                    (float) (bottomRight.getX() - topLeft.getX()), (float) (bottomRight.getY() - topLeft.getY()),
                    slot.confirmationText(), slot.fingerprint()));
        }
        return null;
    }

    List<SlotPosition> positions() {
        return positions;
    }
}
