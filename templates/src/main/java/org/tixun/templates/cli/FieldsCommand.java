// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tixun.templates.Choice;
import org.tixun.templates.DocumentData;
import org.tixun.templates.DocumentTemplate;
import org.tixun.templates.FieldSpec;
import org.tixun.templates.FieldType;
import org.tixun.templates.UnknownKindException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code template fields --kind KIND [--json]}: the fields of a kind with type and required flag, and, for kinds that
 * take one, the question/answer body ({@code "qa"}: its name, shape and which kinds take it) as a last entry of type
 * {@value #QA_TYPE}.
 */
@Command(name = "fields", mixinStandardHelpOptions = true, description = "Show the fields of a document kind.")
final class FieldsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** The type name of the question/answer body's entry (not a {@link FieldType}: it is a list, not a field). */
    static final String QA_TYPE = "QA_LIST";

    @ParentCommand
    private TemplateCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "Document kind code, e.g. INTERROGATION_RECORD.")
    private String kind;

    @Option(names = "--json", description = "Print the fields as a JSON array.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        List<FieldSpec> fields;
        boolean qa;
        try {
            fields = parent.service().fields(kind);
            qa = parent.service().registry().require(kind).manifest().qa();
        } catch (UnknownKindException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return TemplateCommand.UNKNOWN_KIND;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (FieldSpec f : fields) {
                ObjectNode node = array.addObject();
                node.put("name", f.name());
                node.put("type", f.type().name());
                node.put("required", f.required());
                node.putObject("label").put("zh", f.labelZh()).put("en", f.labelEn());
                if (f.pattern() != null) {
                    node.put("pattern", f.pattern());
                }
                if (f.maxLength() > 0) {
                    node.put("maxLength", f.maxLength());
                }
                if (!f.choices().isEmpty()) {
                    ArrayNode choices = node.putArray("choices");
                    for (Choice c : f.choices()) {
                        choices.addObject().put("value", c.value()).put("zh", c.zh()).put("en", c.en());
                    }
                }
            }
            if (qa) {
                qaEntry(array.addObject());
            }
            out.println(JSON.writeValueAsString(array));
        } else {
            for (FieldSpec f : fields) {
                String extra = f.type() == FieldType.CHOICE
                        ? " " + f.choices().stream().map(Choice::value).toList()
                        : "";
                out.printf("%-30s %-9s %-8s %s / %s%s%n", f.name(), f.type(), f.required() ? "required" : "optional",
                        f.labelZh(), f.labelEn(), extra);
            }
            if (qa) {
                out.printf("%-30s %-9s %-8s %s / %s %s%n", DocumentData.QA_KEY, QA_TYPE, "required", "问答（问/答）",
                        "question/answer body", "[{\"q\": \"问…\", \"a\": \"答…\"}, …] (at least one)");
            }
        }
        out.flush();
        return TemplateCommand.OK;
    }

    /** The 问/答 body: the reserved key, its JSON shape, the rules {@code validate} applies, the kinds that take it. */
    private void qaEntry(ObjectNode node) {
        node.put("name", DocumentData.QA_KEY);
        node.put("type", QA_TYPE);
        node.put("required", true);
        node.putObject("label").put("zh", "问答（问/答）").put("en", "question/answer body");
        ObjectNode shape = node.putObject("shape");
        shape.put("type", "array");
        shape.put("minItems", 1);
        ObjectNode item = shape.putObject("items");
        item.put("type", "object");
        item.putArray("required").add("q").add("a");
        ObjectNode props = item.putObject("properties");
        props.putObject("q").put("type", "string").put("minLength", 1).putObject("label").put("zh", "问")
                .put("en", "question");
        props.putObject("a").put("type", "string").put("minLength", 1).putObject("label").put("zh", "答")
                .put("en", "answer");
        node.put("example", "[{\"q\": \"你叫什么名字？\", \"a\": \"我叫张三。\"}]");
        ArrayNode kinds = node.putArray("kinds");
        for (DocumentTemplate t : parent.service().list()) {
            if (t.manifest().qa()) {
                kinds.add(t.kind());
            }
        }
    }
}
