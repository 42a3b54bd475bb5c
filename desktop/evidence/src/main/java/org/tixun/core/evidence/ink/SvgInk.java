// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.ink;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes an {@link InkLayout} as SVG; segments appear at their recorded time (SMIL), so browsers replay it. */
public final class SvgInk {
    private SvgInk() {
    }

    /**
     * Renders the layout.
     *
     * @param layout the ink
     * @param speed replay speed factor (1 = real time); 0 for a static drawing
     */
    public static byte[] render(InkLayout layout, double speed) {
        StringBuilder sb = new StringBuilder(layout.segments().size() * 90 + 300);
        sb.append(String.format(Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        + "width=\"%.2f\" height=\"%.2f\" viewBox=\"0 0 %.2f %.2f\">\n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                        + "<g stroke=\"#0d145a\" stroke-linecap=\"round\" fill=\"none\">\n",
                layout.boxWidth(), layout.boxHeight(), layout.boxWidth(), layout.boxHeight()));
        for (InkSegment s : layout.segments()) {
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke-width=\"%.2f\" data-t=\"%d\"",
                    s.x1(), s.y1(), s.x2(), s.y2(), s.width(), s.tMillis()));
            if (speed > 0) {
                sb.append(String.format(Locale.ROOT,
                        " visibility=\"hidden\"><set attributeName=\"visibility\" to=\"visible\" begin=\"%dms\" "
                                + "fill=\"freeze\"/></line>\n", Math.round(s.tMillis() / speed)));
            } else {
                sb.append("/>\n");
            }
        }
        sb.append("</g>\n</svg>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
