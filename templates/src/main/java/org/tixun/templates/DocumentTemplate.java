// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A loaded, validated template: its manifest plus one XHTML layout per language. */
public final class DocumentTemplate {

    private final TemplateManifest manifest;
    private final Map<Lang, String> layouts;
    private final String source;

    /**
     * Creates a template.
     *
     * @param manifest the manifest
     * @param layouts the XHTML layout text per language; every {@link Lang} must be present
     * @param source where the template came from (resource folder or directory), for messages
     */
    public DocumentTemplate(TemplateManifest manifest, Map<Lang, String> layouts, String source) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.layouts = new EnumMap<>(layouts);
        for (Lang lang : Lang.values()) {
            if (!this.layouts.containsKey(lang)) {
                throw new IllegalArgumentException("Missing " + lang.code() + " layout for " + manifest.kind());
            }
        }
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Returns the kind code. */
    public String kind() {
        return manifest.kind();
    }

    /** Returns the title in the given language. */
    public String title(Lang lang) {
        return manifest.title(lang);
    }

    /** Returns the manifest. */
    public TemplateManifest manifest() {
        return manifest;
    }

    /** Returns the fields. */
    public List<FieldSpec> fields() {
        return manifest.fields();
    }

    /** Returns the XHTML layout for a language. */
    public String layout(Lang lang) {
        return layouts.get(lang);
    }

    /** Returns where the template was loaded from. */
    public String source() {
        return source;
    }

    /**
     * The data with every accepted date-time value in its canonical form (document time, to the minute, seconds only
     * when not zero; see {@link ValueFormatter#normaliseDateTime}); values that are not accepted are left for
     * {@link #validate} to report.
     */
    public DocumentData normalise(DocumentData data) {
        DocumentData out = data;
        for (FieldSpec field : manifest.fields()) {
            if (field.type() == FieldType.DATETIME && data.value(field.name()) instanceof String s) {
                String canonical = ValueFormatter.normaliseDateTime(s);
                if (canonical != null && !canonical.equals(s)) {
                    out = out.with(field.name(), canonical);
                }
            }
        }
        return out;
    }

    /**
     * Checks data against the manifest and reports every problem at once: all missing required
     * fields in one sentence, then each wrongly typed or unknown field, then the Q&amp;A list.
     *
     * @throws InvalidDataException listing the problems
     */
    public void validate(DocumentData data) throws InvalidDataException {
        validate(data, true);
    }

    /**
     * Validates {@code data}; with {@code complete} false (a display render: the live record while it is typed) a
     * missing required field or an empty question/answer list is not a problem — they show blank — but a malformed
     * value still is.
     */
    public void validate(DocumentData data, boolean complete) throws InvalidDataException {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FieldSpec field : manifest.fields()) {
            Object value = data.value(field.name());
            if (ValueFormatter.isBlank(value)) {
                if (field.required()) {
                    missing.add(field.name());
                }
            } else {
                ValueFormatter.check(field, value).ifPresent(problems::add);
            }
        }
        if (complete && !missing.isEmpty()) {
            problems.add(0, "Missing required fields: " + String.join(", ", missing));
        }
        for (String name : data.values().keySet()) {
            if (manifest.field(name).isEmpty()) {
                problems.add("Unknown field '" + name + "' (not in the " + kind() + " manifest)");
            }
        }
        if (manifest.qa()) {
            if (complete && data.qa().isEmpty()) {
                problems.add("The question/answer list 'qa' is empty; a " + kind() + " needs at least one entry");
            }
            for (int i = 0; i < data.qa().size(); i++) {
                QaEntry entry = data.qa().get(i);
                if (entry.q().isBlank() || entry.a().isBlank()) {
                    problems.add("'qa' entry " + (i + 1) + " has an empty question or answer");
                }
                String unprintable = DocumentFonts.unprintable(entry.q() + entry.a());
                if (!unprintable.isEmpty()) {
                    problems.add("'qa' entry " + (i + 1) + " contains characters the document font cannot print: " + unprintable);
                }
            }
        } else if (!data.qa().isEmpty()) {
            problems.add(kind() + " has no question/answer body; remove 'qa'");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDataException(kind(), problems);
        }
    }
}
