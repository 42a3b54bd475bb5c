// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Loads one template folder (manifest.json + layout-zh.xhtml + layout-en.xhtml) and validates it. */
final class TemplateLoader {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE_TYPE = "application/x-tixun-signature";
    static final String FOOTER_CLASS = "page-footer";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads the files of one template folder. */
    interface Folder {
        /** Returns the file's text, or empty if it does not exist. */
        Optional<String> read(String name) throws IOException;

        /** Returns the name of the file for messages (a path or a resource name). */
        String display(String name);
    }

    /** Outcome of loading a folder: a template, or the problems that prevented it. */
    record Result(DocumentTemplate template, List<LoadProblem> problems) {}

    private TemplateLoader() {}

    static String layoutName(Lang lang) {
        return "layout-" + lang.code() + ".xhtml";
    }

    static Result load(Folder folder, String source) {
        List<LoadProblem> problems = new ArrayList<>();
        String manifestFile = folder.display(MANIFEST);
        String manifestText;
        try {
            Optional<String> text = folder.read(MANIFEST);
            if (text.isEmpty()) {
                return new Result(null, List.of(new LoadProblem(manifestFile, 0, "missing " + MANIFEST)));
            }
            manifestText = text.get();
        } catch (IOException e) {
            return new Result(null, List.of(new LoadProblem(manifestFile, 0, "cannot read: " + e.getMessage())));
        }
        TemplateManifest manifest = parseManifest(manifestText, manifestFile, problems);
        if (manifest == null) {
            return new Result(null, problems);
        }
        Map<Lang, String> layouts = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String name = layoutName(lang);
            try {
                Optional<String> text = folder.read(name);
                if (text.isEmpty()) {
                    problems.add(new LoadProblem(folder.display(name), 0, "missing " + lang.code() + " layout " + name));
                } else {
                    problems.addAll(checkLayout(text.get(), folder.display(name), manifest));
                    layouts.put(lang, text.get());
                }
            } catch (IOException e) {
                problems.add(new LoadProblem(folder.display(name), 0, "cannot read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new DocumentTemplate(manifest, layouts, source), List.of());
    }

    // ---- manifest -------------------------------------------------------------------------

    private record Text(String zh, String en) {}

    private record ChoiceJson(String value, String zh, String en) {}

    private record FieldJson(String name, FieldType type, Boolean required, Text label, String pattern,
            Integer maxLength, List<ChoiceJson> choices) {}

    private record SlotJson(String id, Role role, SlotPlacement placement, Boolean confirmationText,
            Boolean fingerprint, Text label, String condition) {}

    private record ManifestJson(String kind, Text title, Boolean qa, String dateField, List<Role> roles,
            List<FieldJson> fields, List<SlotJson> slots) {}

    private static TemplateManifest parseManifest(String text, String file, List<LoadProblem> problems) {
        ManifestJson json;
        try {
            json = MAPPER.readValue(text, ManifestJson.class);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(new LoadProblem(file, loc == null ? 0 : Math.max(loc.getLineNr(), 0), e.getOriginalMessage()));
            return null;
        }
        Lines lines = new Lines(text);
        if (json.kind() == null || !KIND.matcher(json.kind()).matches()) {
            problems.add(new LoadProblem(file, lines.of("\"kind\""), "\"kind\" must be an upper-case code like INTERROGATION_RECORD"));
        }
        if (json.title() == null || blank(json.title().zh()) || blank(json.title().en())) {
            problems.add(new LoadProblem(file, lines.of("\"title\""), "\"title\" needs both \"zh\" and \"en\""));
        }
        List<Role> roles = json.roles() == null ? List.of() : json.roles();
        if (roles.isEmpty()) {
            problems.add(new LoadProblem(file, lines.of("\"roles\""), "\"roles\" must list at least one participant role"));
        }
        List<FieldSpec> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FieldJson f : json.fields() == null ? List.<FieldJson>of() : json.fields()) {
            int line = lines.ofEntry("name", f.name(), 1);
            if (f.name() == null || !NAME.matcher(f.name()).matches() || DocumentData.QA_KEY.equals(f.name())) {
                problems.add(new LoadProblem(file, line, "field name " + f.name() + " must be a letter followed by letters, digits or _ (and not 'qa')"));
                continue;
            }
            if (!names.add(f.name())) {
                problems.add(new LoadProblem(file, lines.ofEntry("name", f.name(), 2), "duplicate field '" + f.name() + "'"));
            }
            if (f.type() == null) {
                problems.add(new LoadProblem(file, line, "field '" + f.name() + "' has no \"type\""));
                continue;
            }
            if (f.label() == null || blank(f.label().zh()) || blank(f.label().en())) {
                problems.add(new LoadProblem(file, line, "field '" + f.name() + "' needs a \"label\" with \"zh\" and \"en\""));
            }
            if (f.pattern() != null) {
                try {
                    Pattern.compile(f.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(new LoadProblem(file, line, "field '" + f.name() + "' has an invalid pattern: " + e.getDescription()));
                }
            }
            List<Choice> choices = new ArrayList<>();
            if (f.choices() != null) {
                for (ChoiceJson c : f.choices()) {
                    if (blank(c.value()) || blank(c.zh()) || blank(c.en())) {
                        problems.add(new LoadProblem(file, line, "field '" + f.name() + "' has a choice without value, zh or en"));
                    } else {
                        choices.add(new Choice(c.value(), c.zh(), c.en()));
                    }
                }
            }
            if (f.type() == FieldType.CHOICE && choices.isEmpty()) {
                problems.add(new LoadProblem(file, line, "CHOICE field '" + f.name() + "' needs \"choices\""));
            }
            fields.add(new FieldSpec(f.name(), f.type(), Boolean.TRUE.equals(f.required()),
                    f.label() == null ? f.name() : f.label().zh(), f.label() == null ? f.name() : f.label().en(),
                    f.pattern(), f.maxLength() == null ? 0 : f.maxLength(), choices));
        }
        Map<String, FieldSpec> byName = new HashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        FieldSpec dateField = json.dateField() == null ? null : byName.get(json.dateField());
        if (dateField == null || !dateField.required()
                || (dateField.type() != FieldType.DATE && dateField.type() != FieldType.DATETIME)) {
            problems.add(new LoadProblem(file, lines.of("\"dateField\""),
                    "\"dateField\" must name a required DATE or DATETIME field (it dates the PDF)"));
        }
        List<SignatureSlot> slots = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SlotJson s : json.slots() == null ? List.<SlotJson>of() : json.slots()) {
            int line = lines.ofEntry("id", s.id(), 1);
            if (s.id() == null || !NAME.matcher(s.id().replace('-', '_')).matches()) {
                problems.add(new LoadProblem(file, line, "slot id " + s.id() + " must be letters, digits, - or _"));
                continue;
            }
            if (!ids.add(s.id())) {
                problems.add(new LoadProblem(file, lines.ofEntry("id", s.id(), 2), "duplicate slot '" + s.id() + "'"));
            }
            if (s.role() == null || s.placement() == null) {
                problems.add(new LoadProblem(file, line, "slot '" + s.id() + "' needs \"role\" and \"placement\""));
                continue;
            }
            if (!roles.contains(s.role())) {
                problems.add(new LoadProblem(file, line, "slot '" + s.id() + "' is for role " + s.role() + ", which is not in \"roles\""));
            }
            if (s.condition() != null && !byName.containsKey(s.condition())) {
                problems.add(new LoadProblem(file, line, "slot '" + s.id() + "' has condition on unknown field '" + s.condition() + "'"));
            }
            if (s.label() == null || blank(s.label().zh()) || blank(s.label().en())) {
                problems.add(new LoadProblem(file, line, "slot '" + s.id() + "' needs a \"label\" with \"zh\" and \"en\""));
            }
            slots.add(new SignatureSlot(s.id(), s.role(), s.placement(), Boolean.TRUE.equals(s.confirmationText()),
                    Boolean.TRUE.equals(s.fingerprint()), s.label() == null ? s.id() : s.label().zh(),
                    s.label() == null ? s.id() : s.label().en(), s.condition()));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new TemplateManifest(json.kind(), json.title().zh(), json.title().en(), Boolean.TRUE.equals(json.qa()),
                json.dateField(), roles, fields, slots);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Finds the line of a token in a text, for problems found after parsing. */
    private static final class Lines {
        private final String text;

        Lines(String text) {
            this.text = text;
        }

        /** Returns the line of a key such as {@code "kind"}, or 0. */
        int of(String quotedKey) {
            return lineAt(text.indexOf(quotedKey));
        }

        /** Returns the line of the n-th {@code "key": "value"} entry, or 0. */
        int ofEntry(String key, String value, int occurrence) {
            if (value == null) {
                return 0;
            }
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"" + Pattern.quote(value) + "\"").matcher(text);
            for (int i = 0; i < occurrence; i++) {
                if (!m.find()) {
                    return 0;
                }
            }
            return lineAt(m.start());
        }

        private int lineAt(int at) {
            if (at < 0) {
                return 0;
            }
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    // ---- layout ---------------------------------------------------------------------------

    static List<LoadProblem> checkLayout(String xhtml, String file, TemplateManifest manifest) {
        List<LoadProblem> problems = new ArrayList<>();
        LayoutChecker checker = new LayoutChecker(file, manifest, problems);
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new StringReader(xhtml)), checker);
        } catch (SAXParseException e) {
            problems.add(new LoadProblem(file, Math.max(e.getLineNumber(), 0), "not well-formed XHTML: " + e.getMessage()));
            return problems;
        } catch (SAXException | ParserConfigurationException | IOException e) {
            problems.add(new LoadProblem(file, 0, "cannot parse: " + e.getMessage()));
            return problems;
        }
        checker.finish();
        return problems;
    }

    /** Checks a layout's references to fields and slots while parsing it. */
    private static final class LayoutChecker extends DefaultHandler {
        private final String file;
        private final TemplateManifest manifest;
        private final List<LoadProblem> problems;
        private final Map<String, Integer> slotCounts = new HashMap<>();
        private Locator locator;
        private boolean sawQa;
        private boolean sawRoot;
        private int footerDepth;
        private int depth;

        LayoutChecker(String file, TemplateManifest manifest, List<LoadProblem> problems) {
            this.file = file;
            this.manifest = manifest;
            this.problems = problems;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private void problem(String message) {
            problems.add(new LoadProblem(file, locator == null ? 0 : locator.getLineNumber(), message));
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            depth++;
            if (!sawRoot) {
                sawRoot = true;
                if (!"html".equals(localName) || !XHTML_NS.equals(uri)) {
                    problem("root element must be <html xmlns=\"" + XHTML_NS + "\">, found <" + qName + "> in namespace '" + uri + "'");
                }
            }
            if ("script".equals(localName) || "link".equals(localName) || "iframe".equals(localName)) {
                problem("<" + localName + "> is not allowed in a layout");
            }
            for (String attr : new String[] {"src", "href", "data"}) {
                String value = atts.getValue(attr);
                if (value != null && value.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                    problem("external resource " + attr + "=\"" + value + "\" is not allowed; layouts are self-contained");
                }
            }
            for (String attr : new String[] {"data-field", "data-if", "data-if-not"}) {
                String name = atts.getValue(attr);
                if (name != null && manifest.field(name).isEmpty()) {
                    problem(attr + "=\"" + name + "\" refers to a field that is not in the manifest");
                }
            }
            if (atts.getValue("data-qa") != null) {
                sawQa = true;
                if (!manifest.qa()) {
                    problem("data-qa body in a layout whose manifest has \"qa\": false");
                }
            }
            String cls = atts.getValue("class");
            boolean footer = cls != null && List.of(cls.split("\\s+")).contains(FOOTER_CLASS);
            if (footer) {
                footerDepth = footerDepth == 0 ? depth : footerDepth;
            }
            if ("object".equals(localName)) {
                checkObject(atts);
            }
        }

        private void checkObject(Attributes atts) {
            if (!SIGNATURE_TYPE.equals(atts.getValue("type"))) {
                problem("<object> must have type=\"" + SIGNATURE_TYPE + "\"");
                return;
            }
            String id = atts.getValue("data-slot");
            Optional<SignatureSlot> slot = id == null ? Optional.empty() : manifest.slot(id);
            if (slot.isEmpty()) {
                problem("signature <object> data-slot=\"" + id + "\" is not a slot of the manifest");
                return;
            }
            slotCounts.merge(id, 1, Integer::sum);
            SlotPlacement placement = slot.get().placement();
            if (placement == SlotPlacement.BESIDE_CORRECTIONS) {
                problem("slot '" + id + "' is placed BESIDE_CORRECTIONS and cannot have a box in the layout");
            } else if (placement == SlotPlacement.EVERY_PAGE && footerDepth == 0) {
                problem("EVERY_PAGE slot '" + id + "' must be inside the element with class \"" + FOOTER_CLASS + "\"");
            } else if (placement == SlotPlacement.LAST_PAGE && footerDepth != 0) {
                problem("LAST_PAGE slot '" + id + "' must not be inside the \"" + FOOTER_CLASS + "\" element");
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth == footerDepth) {
                footerDepth = 0;
            }
            depth--;
        }

        void finish() {
            locator = null;
            if (manifest.qa() && !sawQa) {
                problem("the manifest has \"qa\": true but the layout has no element with data-qa");
            }
            for (SignatureSlot slot : manifest.slots()) {
                int count = slotCounts.getOrDefault(slot.id(), 0);
                if (slot.placement() != SlotPlacement.BESIDE_CORRECTIONS && count != 1) {
                    problem("slot '" + slot.id() + "' must appear exactly once as a signature <object>, found " + count);
                }
            }
        }
    }
}
