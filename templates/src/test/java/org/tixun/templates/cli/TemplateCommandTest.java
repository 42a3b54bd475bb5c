// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.templates.ExampleData;
import picocli.CommandLine;

class TemplateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new TemplateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path exampleFile(String kind) throws Exception {
        Path file = dir.resolve(kind + ".json");
        Files.writeString(file, ExampleData.forKind(kind).orElseThrow().toJson(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void listPrintsOneLinePerKindWithCodeAndTitle() {
        assertThat(run("list")).isZero();
        assertThat(out.toString().lines()).hasSize(8)
                .anySatisfy(l -> assertThat(l).startsWith("INTERROGATION_RECORD").endsWith("讯问笔录"))
                .anySatisfy(l -> assertThat(l).startsWith("DETENTION_EXTENSION_NOTICE").endsWith("延长羁押期限告知书"));
    }

    @Test
    void fieldsAsJsonDescribeTheQuestionAnswerBodyOfTheKindsThatTakeIt() throws Exception {
        assertThat(run("fields", "--kind", "INTERROGATION_RECORD", "--json")).isZero();
        JsonNode fields = JsonMapper.builder().build().readTree(out.toString());
        JsonNode qa = fields.get(fields.size() - 1);
        assertThat(qa.get("name").asText()).isEqualTo("qa");
        assertThat(qa.get("type").asText()).isEqualTo("QA_LIST");
        assertThat(qa.get("required").asBoolean()).isTrue();
        assertThat(qa.get("label").get("zh").asText()).contains("问", "答");
        assertThat(qa.get("shape").get("type").asText()).isEqualTo("array");
        assertThat(qa.get("shape").get("minItems").asInt()).isEqualTo(1);
        assertThat(qa.get("shape").get("items").get("required")).extracting(JsonNode::asText).containsExactly("q", "a");
        assertThat(qa.get("shape").get("items").get("properties").get("q").get("type").asText()).isEqualTo("string");
        assertThat(qa.get("kinds")).extracting(JsonNode::asText).containsExactlyInAnyOrder("INTERROGATION_RECORD",
                "INQUIRY_RECORD", "HEARING_OPINIONS_RECORD");
        // the example it gives is data the kind accepts
        JsonNode example = JsonMapper.builder().build().readTree(qa.get("example").asText());
        assertThat(example.get(0).get("q").asText()).isNotBlank();

        out.getBuffer().setLength(0);
        assertThat(run("fields", "--kind", "SERVICE_RECEIPT", "--json")).isZero();
        JsonNode receipt = JsonMapper.builder().build().readTree(out.toString());
        assertThat(receipt.findValuesAsText("name")).doesNotContain("qa");

        out.getBuffer().setLength(0);
        assertThat(run("fields", "--kind", "INTERROGATION_RECORD")).isZero();
        assertThat(out.toString().lines().reduce((a, b) -> b).orElseThrow()).startsWith("qa").contains("QA_LIST");
    }

    @Test
    void fieldsAsJsonDescribeTypesAndRequiredFlags() throws Exception {
        assertThat(run("fields", "--kind", "SERVICE_RECEIPT", "--json")).isZero();
        JsonNode fields = JsonMapper.builder().build().readTree(out.toString());
        assertThat(fields.isArray()).isTrue();
        assertThat(fields.get(0).get("name").asText()).isEqualTo("agency");
        assertThat(fields.get(0).get("required").asBoolean()).isTrue();
        assertThat(fields.findValuesAsText("type")).contains("DATETIME", "CHOICE", "MULTILINE");
    }

    @Test
    void renderWritesThePdfAndSlotPositions() throws Exception {
        Path pdf = dir.resolve("record.pdf");
        Path slots = dir.resolve("slots.json");
        int code = run("render", "--kind", "INTERROGATION_RECORD", "--data", exampleFile("INTERROGATION_RECORD").toString(),
                "--out", pdf.toString(), "--lang", "en", "--slots", slots.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(out.toString()).contains("2 page(s)").contains("SHA-256");
        assertThat(JsonMapper.builder().build().readTree(slots.toFile()).get(0).get("slotId").asText()).isEqualTo("suspect-page");
    }

    @Test
    void renderWithMissingFieldsFailsAndWritesNothing() throws Exception {
        Path data = dir.resolve("bad.json");
        Files.writeString(data, "{\"agency\": \"北京市海淀区人民检察院\", \"ordinal\": \"two\"}", StandardCharsets.UTF_8);
        Path pdf = dir.resolve("record.pdf");

        int code = run("render", "--kind", "INTERROGATION_RECORD", "--data", data.toString(), "--out", pdf.toString());

        assertThat(code).isEqualTo(TemplateCommand.INVALID);
        assertThat(err.toString()).contains("Missing required fields: startTime, endTime")
                .contains("Field 'ordinal' must be an integer");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.json");
        }
    }

    @Test
    void unknownKindExitsWithItsCodeAndListsKnownKinds() throws Exception {
        int code = run("render", "--kind", "WARRANT", "--data", exampleFile("PLEA_AGREEMENT").toString(),
                "--out", dir.resolve("x.pdf").toString());
        assertThat(code).isEqualTo(TemplateCommand.UNKNOWN_KIND);
        assertThat(err.toString()).contains("known kinds: INTERROGATION_RECORD");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void badLanguageIsAUsageError() throws Exception {
        int code = run("render", "--kind", "PLEA_AGREEMENT", "--data", exampleFile("PLEA_AGREEMENT").toString(),
                "--out", dir.resolve("x.pdf").toString(), "--lang", "fr");
        assertThat(code).isEqualTo(TemplateCommand.USAGE);
        assertThat(err.toString()).contains("expected zh or en");
    }

    @Test
    void checkReportsFileAndLineOfABrokenFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(folder.resolve("manifest.json"), "{\n  \"kind\": \"X\",\n  \"qa\": maybe\n}\n", StandardCharsets.UTF_8);

        assertThat(run("check", folder.toString())).isEqualTo(TemplateCommand.INVALID);
        assertThat(err.toString()).contains(folder.resolve("manifest.json") + ":3: ");
    }

    @Test
    void customTemplatesComeFromTheDataDirAndProblemsAreWarnings() throws Exception {
        Files.createDirectories(dir.resolve("templates").resolve("empty"));

        assertThat(run("--data-dir", dir.toString(), "list")).isZero();
        assertThat(out.toString().lines()).hasSize(8);
        assertThat(err.toString()).contains("warning: template not loaded").contains("missing manifest.json");
    }
}
