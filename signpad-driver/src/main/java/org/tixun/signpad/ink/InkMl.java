// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.ink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * W3C InkML files with channels X, Y, F (force) and T (ms); pen-up traces hold the hover samples.
 */
public final class InkMl {

    public static final String NAMESPACE = "http://www.w3.org/2003/InkML";

    private InkMl() {
    }

    public static void write(Path file, List<InkPoint> points) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<ink xmlns=\"" + NAMESPACE + "\">\n");
            w.write("  <definitions>\n    <context xml:id=\"ctx0\">\n      <inkSource xml:id=\"pad\">\n"
                    + "        <traceFormat>\n"
                    + "          <channel name=\"X\" type=\"integer\"/>\n"
                    + "          <channel name=\"Y\" type=\"integer\"/>\n"
                    + "          <channel name=\"F\" type=\"integer\"/>\n"
                    + "          <channel name=\"T\" type=\"decimal\" units=\"ms\"/>\n"
                    + "        </traceFormat>\n      </inkSource>\n    </context>\n  </definitions>\n");
            int i = 0;
            while (i < points.size()) {
                boolean contact = points.get(i).contact();
                w.write("  <trace contextRef=\"#ctx0\" type=\"" + (contact ? "penDown" : "penUp") + "\">");
                boolean first = true;
                while (i < points.size() && points.get(i).contact() == contact) {
                    InkPoint p = points.get(i++);
                    if (!first) {
                        w.write(", ");
                    }
                    first = false;
                    w.write(p.x() + " " + p.y() + " " + p.pressure() + " " + InkFormat.ms(p.tMs()));
                }
                w.write("</trace>\n");
            }
            w.write("</ink>\n");
        }
    }

    public static List<InkPoint> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static List<InkPoint> read(InputStream in, String name) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(name + ": not valid InkML: " + e.getMessage(), e);
        }
        List<String> channels = new ArrayList<>();
        NodeList chans = doc.getElementsByTagNameNS(NAMESPACE, "channel");
        for (int i = 0; i < chans.getLength(); i++) {
            channels.add(((Element) chans.item(i)).getAttribute("name").toUpperCase(Locale.ROOT));
        }
        if (channels.isEmpty()) {
            channels = List.of("X", "Y");
        }
        int cx = channels.indexOf("X");
        int cy = channels.indexOf("Y");
        int cf = channels.indexOf("F");
        int ct = channels.indexOf("T");
        if (cx < 0 || cy < 0) {
            throw new IOException(name + ": InkML trace format lacks X or Y channels");
        }
        List<InkPoint> out = new ArrayList<>();
        NodeList traces = doc.getElementsByTagNameNS(NAMESPACE, "trace");
        for (int i = 0; i < traces.getLength(); i++) {
            Element t = (Element) traces.item(i);
            boolean contact = !"penUp".equals(t.getAttribute("type"));
            for (String point : t.getTextContent().split(",")) {
                String p = point.strip();
                if (p.isEmpty()) {
                    continue;
                }
                String[] v = p.split("\\s+");
                if (v.length < channels.size()) {
                    throw new IOException(name + ": trace point '" + p + "' has fewer values than channels "
                            + channels);
                }
                try {
                    out.add(new InkPoint((int) Math.round(Double.parseDouble(v[cx])),
                            (int) Math.round(Double.parseDouble(v[cy])),
                            cf < 0 ? 0 : (int) Math.round(Double.parseDouble(v[cf])),
                            ct < 0 ? out.size() * 5.0 : Double.parseDouble(v[ct]), contact));
                } catch (NumberFormatException e) {
                    throw new IOException(name + ": not a number in trace point '" + p + "'", e);
                }
            }
        }
        return out;
    }
}
