// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomTemplateTest {

    @TempDir
    Path dataDir;

    /** Copies a built-in template folder into {@code <dataDir>/templates/<name>}. */
    private Path copyBuiltIn(String builtInDir, String name) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("templates").resolve(name));
        for (String file : List.of("manifest.json", "layout-zh.xhtml", "layout-en.xhtml")) {
            String text = TemplateRegistry.readResource(TemplateRegistry.BUILTIN_ROOT + builtInDir + "/" + file).orElseThrow();
            Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
        }
        return folder;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void customFolderOverridesTheBuiltInKind() throws Exception {
        Path folder = copyBuiltIn("service-receipt", "our-receipt");
        replace(folder.resolve("manifest.json"), "\"zh\": \"送达回证\"", "\"zh\": \"送达回证（本院格式）\"");
        replace(folder.resolve("layout-zh.xhtml"), "<h1>送达回证</h1>", "<h1>送达回证</h1><p class=\"subtitle\">（本院格式）</p>");

        TemplateRegistry registry = TemplateRegistry.load(dataDir.resolve("templates"));

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.kinds()).hasSize(8);
        DocumentTemplate template = registry.require("SERVICE_RECEIPT");
        assertThat(template.title(Lang.ZH)).isEqualTo("送达回证（本院格式）");
        assertThat(template.source()).isEqualTo(folder.toString());
        RenderResult result = new DocumentRenderer().render(template, ExampleData.forKind("SERVICE_RECEIPT").orElseThrow(), Lang.ZH);
        assertThat(Pdfs.squash(Pdfs.text(result.pdf()))).contains("（本院格式）");
    }

    @Test
    void customFolderAddsANewKind() throws Exception {
        Path folder = copyBuiltIn("rights-notice", "witness-rights");
        replace(folder.resolve("manifest.json"), "\"kind\": \"RIGHTS_NOTICE\"", "\"kind\": \"WITNESS_RIGHTS_NOTICE\"");

        TemplateRegistry registry = TemplateRegistry.load(dataDir.resolve("templates"));

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.kinds()).hasSize(9).contains("WITNESS_RIGHTS_NOTICE", "RIGHTS_NOTICE");
    }

    @Test
    void brokenManifestIsReportedWithFileAndLineAndTheOthersKeepWorking() throws Exception {
        Path folder = copyBuiltIn("service-receipt", "broken");
        replace(folder.resolve("manifest.json"), "\"type\": \"DATETIME\"", "\"type\": \"TIMESTAMP\"");
        int line = lineOf(folder.resolve("manifest.json"), "TIMESTAMP");

        TemplateRegistry registry = TemplateRegistry.load(dataDir.resolve("templates"));

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(folder.resolve("manifest.json").toString());
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("TIMESTAMP").contains("DATETIME");
            assertThat(p.toString()).startsWith(folder.resolve("manifest.json") + ":" + line + ": ");
        });
        assertThat(registry.kinds()).hasSize(8);
        assertThat(registry.require("SERVICE_RECEIPT").source()).startsWith("builtin:");
    }

    @Test
    void manifestSyntaxErrorNamesTheLine() throws Exception {
        Path folder = copyBuiltIn("leniency-notice", "syntax");
        replace(folder.resolve("manifest.json"), "\"qa\": false,", "\"qa\": false");
        int line = lineOf(folder.resolve("manifest.json"), "\"dateField\"");

        List<LoadProblem> problems = TemplateRegistry.check(folder);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("manifest.json");
            assertThat(p.line()).isEqualTo(line);
        });
    }

    @Test
    void manifestSemanticErrorsNameTheLineOfTheOffendingEntry() throws Exception {
        Path folder = copyBuiltIn("leniency-notice", "roles");
        replace(folder.resolve("manifest.json"), "\"roles\": [\"SUSPECT\", \"PROSECUTOR\", \"INTERPRETER\"]", "\"roles\": [\"SUSPECT\", \"INTERPRETER\"]");
        int line = lineOf(folder.resolve("manifest.json"), "\"id\": \"notifier\"");

        List<LoadProblem> problems = TemplateRegistry.check(folder);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("notifier").contains("PROSECUTOR").contains("roles");
        });
    }

    @Test
    void malformedLayoutIsReportedWithFileAndLine() throws Exception {
        Path folder = copyBuiltIn("detention-extension-notice", "malformed");
        replace(folder.resolve("layout-en.xhtml"), "<p class=\"para\">You are hereby notified.</p>", "<p class=\"para\">You are hereby notified.");
        List<LoadProblem> problems = TemplateRegistry.check(folder);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(folder.resolve("layout-en.xhtml").toString());
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("not well-formed");
        });
    }

    @Test
    void layoutReferencesAreCheckedAgainstTheManifest() throws Exception {
        Path folder = copyBuiltIn("interrogation-record", "refs");
        Path layout = folder.resolve("layout-zh.xhtml");
        replace(layout, "data-field=\"place\"", "data-field=\"location\"");
        replace(layout, "data-slot=\"recorder\"", "data-slot=\"clerk\"");
        int fieldLine = lineOf(layout, "data-field=\"location\"");
        int slotLine = lineOf(layout, "data-slot=\"clerk\"");

        List<LoadProblem> problems = TemplateRegistry.check(folder);

        assertThat(problems).extracting(LoadProblem::line).contains(fieldLine, slotLine);
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("location").contains("not in the manifest"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("clerk"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("slot 'recorder' must appear exactly once"));
    }

    @Test
    void everyPageSlotOutsideThePageFooterIsRejected() throws Exception {
        Path folder = copyBuiltIn("hearing-opinions-record", "footer");
        Path layout = folder.resolve("layout-en.xhtml");
        replace(layout, "<div class=\"page-footer\">", "<div class=\"page-top\">");

        List<LoadProblem> problems = TemplateRegistry.check(folder);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).endsWith("layout-en.xhtml");
            assertThat(p.message()).contains("EVERY_PAGE slot 'counsel-page'").contains("page-footer");
        });
    }

    @Test
    void externalResourcesAndMissingLayoutsAreRejected() throws Exception {
        Path folder = copyBuiltIn("service-receipt", "external");
        replace(folder.resolve("layout-zh.xhtml"), "<h1>送达回证</h1>", "<h1>送达回证</h1><img src=\"https://example.org/seal.png\"/>");
        Files.delete(folder.resolve("layout-en.xhtml"));

        List<LoadProblem> problems = TemplateRegistry.check(folder);

        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("external resource"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("missing en layout"));
    }

    @Test
    void missingCustomDirectoryMeansOnlyBuiltIns() {
        TemplateRegistry registry = TemplateRegistry.load(dataDir.resolve("does-not-exist"));
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.kinds()).hasSize(8);
    }

    private static int lineOf(Path file, String token) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(token)) {
                return i + 1;
            }
        }
        throw new AssertionError(token + " not in " + file);
    }
}
