// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data filled into a template: field values by name plus the question/answer list of a record.
 *
 * <p>Values are kept as parsed from JSON (strings, numbers, booleans) and are checked against the
 * template's field types by {@link DocumentTemplate#validate(DocumentData)}. In a data file the list
 * is the reserved key {@code "qa"}: {@code [{"q": "...", "a": "..."}]}.
 */
public final class DocumentData {

    /** The reserved JSON key of the question/answer list. */
    public static final String QA_KEY = "qa";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Map<String, Object> values;
    private final List<QaEntry> qa;

    /** Creates data from field values (insertion order kept) and a question/answer list. */
    public DocumentData(Map<String, ?> values, List<QaEntry> qa) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.qa = List.copyOf(qa);
    }

    /** Returns the field values by name. */
    public Map<String, Object> values() {
        return values;
    }

    /** Returns the value of a field, or {@code null}. */
    public Object value(String name) {
        return values.get(name);
    }

    /** Returns the question/answer list (empty for documents without a Q&amp;A body). */
    public List<QaEntry> qa() {
        return qa;
    }

    /** Returns a copy with another question/answer list. */
    public DocumentData withQa(List<QaEntry> newQa) {
        return new DocumentData(values, newQa);
    }

    /** Returns a copy with one value replaced or added. */
    public DocumentData with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new DocumentData(copy, qa);
    }

    /** Reads data from a JSON file. */
    public static DocumentData fromJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in);
        }
    }

    /** Reads data from a JSON stream. */
    public static DocumentData fromJson(InputStream in) throws IOException {
        return fromTree(MAPPER.readTree(in));
    }

    /** Reads data from a JSON string. */
    public static DocumentData fromJson(String json) throws IOException {
        return fromTree(MAPPER.readTree(json));
    }

    private static DocumentData fromTree(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException("Data must be a JSON object mapping field names to values");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<QaEntry> qa = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (QA_KEY.equals(e.getKey())) {
                qa.addAll(readQa(e.getValue()));
            } else {
                values.put(e.getKey(), toValue(e.getKey(), e.getValue()));
            }
        }
        return new DocumentData(values, qa);
    }

    private static List<QaEntry> readQa(JsonNode node) throws IOException {
        if (!node.isArray()) {
            throw new IOException("'qa' must be a list of {\"q\": ..., \"a\": ...} objects");
        }
        List<QaEntry> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject() || !item.path("q").isTextual() || !item.path("a").isTextual()) {
                throw new IOException("'qa' entry " + (i + 1) + " must be an object with text \"q\" and \"a\"");
            }
            list.add(new QaEntry(item.get("q").asText(), item.get("a").asText()));
        }
        return list;
    }

    private static Object toValue(String name, JsonNode node) throws IOException {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        throw new IOException("Field '" + name + "' must be a string, number or boolean, got " + node.getNodeType());
    }

    /** Serialises the data as JSON (fields, then {@code qa}), for hashing and for writing files. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        values.forEach((k, v) -> root.set(k, MAPPER.valueToTree(v)));
        if (!qa.isEmpty()) {
            root.set(QA_KEY, MAPPER.valueToTree(qa));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise plain values", e);
        }
    }
}
