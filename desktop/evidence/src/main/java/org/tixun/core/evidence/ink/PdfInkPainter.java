// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.ink;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.canvas.PdfCanvasConstants;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;

/** Draws an {@link InkLayout} as a PDF form XObject: vector strokes, width from pressure, no fonts or images. */
public final class PdfInkPainter {
    /** Ink colour (dark blue-black), DeviceRGB under the document's sRGB output intent. */
    public static final DeviceRgb INK = new DeviceRgb(0.05f, 0.08f, 0.35f);
    /** Fingerprint marker colour (red, as the ink pad). */
    public static final DeviceRgb FINGERPRINT = new DeviceRgb(0.75f, 0.05f, 0.05f);

    private PdfInkPainter() {
    }

    /** The ink as a form XObject whose BBox is the layout box. */
    public static PdfFormXObject paint(PdfDocument document, InkLayout layout) {
        PdfFormXObject xobject = new PdfFormXObject(new Rectangle(layout.boxWidth(), layout.boxHeight()));
        PdfCanvas canvas = new PdfCanvas(xobject, document);
        canvas.saveState().setStrokeColor(INK).setLineCapStyle(PdfCanvasConstants.LineCapStyle.ROUND)
                .setLineJoinStyle(PdfCanvasConstants.LineJoinStyle.ROUND);
        float h = layout.boxHeight();
        float currentWidth = -1;
        boolean open = false;
        float lastX = Float.NaN;
        float lastY = Float.NaN;
        for (InkSegment s : layout.segments()) {
            float w = s.width();
            boolean continues = open && w == currentWidth && s.x1() == lastX && s.y1() == lastY;
            if (!continues) {
                if (open) {
                    canvas.stroke();
                }
                if (w != currentWidth) {
                    canvas.setLineWidth(Math.round(w * 100f) / 100f);
                    currentWidth = w;
                }
                canvas.moveTo(r(s.x1()), r(h - s.y1()));
                open = true;
            }
            canvas.lineTo(r(s.x2()), r(h - s.y2()));
            lastX = s.x2();
            lastY = s.y2();
        }
        if (open) {
            canvas.stroke();
        }
        canvas.restoreState();
        canvas.release();
        return xobject;
    }

    /** A fingerprint marker (red oval) for a fingerprint slot: the fingerprint image itself stays encrypted. */
    public static PdfFormXObject fingerprintMarker(PdfDocument document, float width, float height) {
        PdfFormXObject xobject = new PdfFormXObject(new Rectangle(width, height));
        PdfCanvas canvas = new PdfCanvas(xobject, document);
        float rx = Math.min(width, height * 0.8f) * 0.4f;
        float ry = Math.min(height, width * 1.25f) * 0.45f;
        float cx = width / 2;
        float cy = height / 2;
        canvas.saveState().setStrokeColor(FINGERPRINT);
        for (int i = 0; i < 5; i++) {
            float k = 1f - i * 0.18f;
            canvas.setLineWidth(Math.max(0.4f, rx * 0.06f)).ellipse(cx - rx * k, cy - ry * k, cx + rx * k, cy + ry * k)
                    .stroke();
        }
        canvas.restoreState();
        canvas.release();
        return xobject;
    }

    /**
     * The red impression of a fingerprint taken by a reader (the picture the paper record would carry), fitted into
     * the slot with its aspect kept. The impression's image data (ISO/IEC 19794-4) is sealed only encrypted.
     */
    public static PdfFormXObject impression(PdfDocument document, byte[] png, float width, float height) {
        com.itextpdf.io.image.ImageData image = com.itextpdf.io.image.ImageDataFactory.createPng(png);
        PdfFormXObject xobject = new PdfFormXObject(new Rectangle(width, height));
        PdfCanvas canvas = new PdfCanvas(xobject, document);
        float scale = Math.min(width / image.getWidth(), height / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        canvas.addImageFittedIntoRectangle(image, new Rectangle((width - w) / 2, (height - h) / 2, w, h), false);
        canvas.release();
        return xobject;
    }

    private static double r(float v) {
        return Math.round(v * 10f) / 10.0;
    }
}
