// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.StrokeSample;

/** Writes signature events as W3C InkML: one trace group per event, one trace per pen-down stroke (X Y F T). */
public final class InkMl {
    private InkMl() {
    }

    /** Encodes the events as one UTF-8 InkML document. */
    public static byte[] encode(List<SignatureEvent> events) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ink xmlns=\"http://www.w3.org/2003/InkML\">\n");
        sb.append("<definitions>\n");
        for (int i = 0; i < events.size(); i++) {
            var d = events.get(i).device();
            sb.append("<context xml:id=\"ctx").append(i).append("\"><inkSource xml:id=\"src").append(i)
                    .append("\" manufacturer=\"").append(esc(d.vendor())).append("\" model=\"").append(esc(d.model()))
                    .append("\" serialNo=\"").append(esc(d.serial())).append("\"><traceFormat>")
                    .append("<channel name=\"X\" type=\"integer\" max=\"").append(d.width()).append("\"/>")
                    .append("<channel name=\"Y\" type=\"integer\" max=\"").append(d.height()).append("\"/>")
                    .append("<channel name=\"F\" type=\"integer\" max=\"").append(d.maxPressure()).append("\"/>")
                    .append("<channel name=\"T\" type=\"integer\" units=\"ms\"/>")
                    .append("</traceFormat><sampleRate value=\"").append(d.samplesPerSecond())
                    .append("\"/></inkSource></context>\n");
        }
        sb.append("</definitions>\n");
        for (int i = 0; i < events.size(); i++) {
            SignatureEvent e = events.get(i);
            sb.append("<traceGroup xml:id=\"").append(esc(e.eventId())).append("\" contextRef=\"#ctx").append(i)
                    .append("\">\n<annotation type=\"slot\">").append(esc(e.slotId())).append("</annotation>\n");
            if (e.times().hostStart() != null) {
                sb.append("<annotation type=\"hostStart\">").append(e.times().hostStart()).append("</annotation>\n");
            }
            boolean open = false;
            for (StrokeSample s : e.samples()) {
                if (s.contact()) {
                    if (!open) {
                        sb.append("<trace>");
                        open = true;
                    } else {
                        sb.append(", ");
                    }
                    sb.append(s.x()).append(' ').append(s.y()).append(' ').append(s.pressure()).append(' ')
                            .append(s.tMillis());
                } else if (open) {
                    sb.append("</trace>\n");
                    open = false;
                }
            }
            if (open) {
                sb.append("</trace>\n");
            }
            sb.append("</traceGroup>\n");
        }
        sb.append("</ink>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
