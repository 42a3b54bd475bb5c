// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Turns a layout and validated data into the XHTML document that is rendered.
 *
 * <p>Layout conventions: {@code data-field="name"} elements receive the field's formatted value
 * (line breaks of MULTILINE values become {@code <br/>}); {@code data-if="name"} and
 * {@code data-if-not="name"} keep an element only if the field has (has not) a value, a boolean
 * field counting as its truth value; the element with {@code data-qa} receives the 问/答 blocks;
 * signature {@code <object>} elements of slots whose condition field is blank are removed.
 */
final class LayoutFiller {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private LayoutFiller() {}

    static Document fill(DocumentTemplate template, DocumentData data, Lang lang, String baseCss) {
        return fill(template, data, lang, baseCss, false);
    }

    /**
     * As {@link #fill(DocumentTemplate, DocumentData, Lang, String)}; with {@code liveIds} every 问/答 paragraph gets
     * the id {@link #liveId} so the live record can find the page of the entry being typed (ids change neither the
     * layout nor, since nothing links to them, the PDF; only previews use them).
     */
    static Document fill(DocumentTemplate template, DocumentData data, Lang lang, String baseCss, boolean liveIds) {
        Document doc = parse(template.layout(lang));
        TemplateManifest manifest = template.manifest();
        for (Element e : elements(doc)) {
            if (e.getParentNode() == null) {
                continue;
            }
            String ifField = e.getAttribute("data-if");
            String ifNotField = e.getAttribute("data-if-not");
            boolean remove = (!ifField.isEmpty() && !truthy(data.value(ifField)))
                    || (!ifNotField.isEmpty() && truthy(data.value(ifNotField)));
            if ("object".equals(e.getLocalName())) {
                SignatureSlot slot = manifest.slot(e.getAttribute("data-slot")).orElseThrow();
                remove |= slot.condition() != null && !truthy(data.value(slot.condition()));
            }
            if (remove) {
                e.getParentNode().removeChild(e);
            }
        }
        for (Element e : elements(doc)) {
            if (!isAttached(e, doc)) {
                continue;
            }
            String name = e.getAttribute("data-field");
            if (!name.isEmpty()) {
                FieldSpec field = manifest.field(name).orElseThrow();
                setText(e, ValueFormatter.format(field, data.value(name), lang));
            }
            if (e.hasAttribute("data-qa")) {
                appendQa(e, data.qa(), lang, liveIds);
            }
        }
        Element head = firstElement(doc, "head");
        if (head == null) {
            head = doc.createElementNS(XHTML, "head");
            doc.getDocumentElement().insertBefore(head, doc.getDocumentElement().getFirstChild());
        }
        Element title = firstElement(doc, "title");
        if (title == null) {
            title = doc.createElementNS(XHTML, "title");
            head.appendChild(title);
        }
        title.setTextContent(template.title(lang));
        Element style = doc.createElementNS(XHTML, "style");
        style.setTextContent(baseCss);
        head.insertBefore(style, head.getFirstChild());
        doc.getDocumentElement().setAttribute("lang", lang == Lang.ZH ? "zh-CN" : "en");
        return doc;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return !ValueFormatter.isBlank(value);
    }

    // Labels carry no trailing space (layouts pad .qa-label instead): justification stretches only
    // spaces, and in a line of Chinese text the label's space would take all the slack.
    /** The id of entry {@code index}'s question or answer paragraph in a live preview. */
    static String liveId(int index, boolean answer) {
        return "tixun-live-" + index + (answer ? "a" : "q");
    }

    private static void appendQa(Element container, List<QaEntry> qa, Lang lang, boolean liveIds) {
        Document doc = container.getOwnerDocument();
        String q = container.hasAttribute("data-q-label") ? container.getAttribute("data-q-label") : (lang == Lang.ZH ? "问：" : "Q:");
        String a = container.hasAttribute("data-a-label") ? container.getAttribute("data-a-label") : (lang == Lang.ZH ? "答：" : "A:");
        int[] corrections = {0};
        for (int i = 0; i < qa.size(); i++) {
            QaEntry entry = qa.get(i);
            Element question = qaLine(doc, "q", q, entry.q(), corrections);
            Element answer = qaLine(doc, "a", a, entry.a(), corrections);
            if (liveIds) {
                question.setAttribute("id", liveId(i, false));
                answer.setAttribute("id", liveId(i, true));
            }
            container.appendChild(question);
            container.appendChild(answer);
        }
    }

    private static Element qaLine(Document doc, String cls, String label, String text, int[] corrections) {
        Element p = doc.createElementNS(XHTML, "p");
        p.setAttribute("class", "qa-" + cls);
        Element span = doc.createElementNS(XHTML, "span");
        span.setAttribute("class", "qa-label");
        span.setTextContent(label);
        p.appendChild(span);
        appendMarked(p, text, corrections);
        return p;
    }

    /** CriticMarkup substitution, deletion and insertion: {~~old~>new~~}, {--old--}, {++new++}. */
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile(
            "\\{~~(.*?)~>(.*?)~~\\}|\\{--(.*?)--\\}|\\{\\+\\+(.*?)\\+\\+\\}", java.util.regex.Pattern.DOTALL);

    /** The id of the {@code n}th correction (0-based, in document order): its last marked span. */
    static String correctionId(int n) {
        return CORRECTION_ID_PREFIX + n;
    }

    /** The prefix of {@link #correctionId}. */
    static final String CORRECTION_ID_PREFIX = "tixun-corr-";

    /**
     * Q&A text with marked corrections (see {@link QaEntry}): the old text struck through ({@code corr-old}), the new
     * text underlined ({@code corr-new}), so a correction made after the review stays visible in the record. Each
     * correction's last span carries {@link #correctionId} so the renderer can place the fingerprint beside it
     * (DOMAIN.md rule 7); ids change neither the layout nor the PDF.
     */
    private static void appendMarked(Element p, String text, int[] corrections) {
        java.util.regex.Matcher m = MARK.matcher(text);
        int at = 0;
        while (m.find()) {
            appendLines(p, text.substring(at, m.start()));
            String old = m.group(1) != null ? m.group(1) : m.group(3);
            String inserted = m.group(1) != null ? m.group(2) : m.group(4);
            Element last = null;
            if (old != null && !old.isEmpty()) {
                last = marked(p.getOwnerDocument(), "corr-old", old);
                p.appendChild(last);
            }
            if (inserted != null && !inserted.isEmpty()) {
                last = marked(p.getOwnerDocument(), "corr-new", inserted);
                p.appendChild(last);
            }
            if (last != null) {
                last.setAttribute("id", correctionId(corrections[0]++));
            }
            at = m.end();
        }
        appendLines(p, text.substring(at));
    }

    private static Element marked(Document doc, String cls, String text) {
        Element span = doc.createElementNS(XHTML, "span");
        span.setAttribute("class", cls);
        appendLines(span, text);
        return span;
    }

    private static void setText(Element e, String text) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
        appendLines(e, text);
    }

    private static void appendLines(Element e, String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                e.appendChild(e.getOwnerDocument().createElementNS(XHTML, "br"));
            }
            e.appendChild(e.getOwnerDocument().createTextNode(lines[i]));
        }
    }

    private static boolean isAttached(Node node, Document doc) {
        Node n = node;
        while (n != null && n != doc) {
            n = n.getParentNode();
        }
        return n == doc;
    }

    private static Element firstElement(Document doc, String localName) {
        NodeList list = doc.getElementsByTagNameNS(XHTML, localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static List<Element> elements(Document doc) {
        NodeList list = doc.getElementsByTagNameNS("*", "*");
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            // Layouts are checked when the template is loaded, so this is a programming error.
            throw new IllegalStateException("Layout was validated on load but does not parse", e);
        }
    }
}
