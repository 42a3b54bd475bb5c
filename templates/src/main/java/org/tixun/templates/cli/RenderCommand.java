// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.tixun.templates.DocumentData;
import org.tixun.templates.InvalidDataException;
import org.tixun.templates.Lang;
import org.tixun.templates.RenderResult;
import org.tixun.templates.UnknownKindException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code template render}: data file to PDF/A-3b; nothing is written when anything fails. */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Render a document to PDF/A-3b.")
final class RenderCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParentCommand
    private TemplateCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "Document kind code, e.g. INTERROGATION_RECORD.")
    private String kind;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSON data: field names to values, plus \"qa\" for records.")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PDF to write.")
    private Path out;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "zh|en", description = "Document language (default: ${DEFAULT-VALUE}).")
    private String lang;

    @Option(names = "--slots", paramLabel = "FILE", description = "Also write the signature slot positions as JSON.")
    private Path slots;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Lang language;
        try {
            language = Lang.parse(lang);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return TemplateCommand.USAGE;
        }
        RenderResult result;
        try {
            result = parent.service().render(kind, DocumentData.fromJson(data), language);
        } catch (UnknownKindException e) {
            err.println("error: " + e.getMessage());
            return TemplateCommand.UNKNOWN_KIND;
        } catch (InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return TemplateCommand.INVALID;
        } catch (IOException e) {
            err.println("error: cannot read data " + data + ": " + e.getMessage());
            return TemplateCommand.IO_ERROR;
        }
        try {
            if (slots != null) {
                writeAtomically(slots, JSON.writeValueAsBytes(result.slots()));
            }
            writeAtomically(out, result.pdf());
        } catch (IOException e) {
            err.println("error: cannot write: " + e.getMessage());
            return TemplateCommand.IO_ERROR;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote %s: %d page(s), %d signature slot position(s), SHA-256 %s%n",
                out, result.pageCount(), result.slots().size(), result.sha256());
        stdout.flush();
        return TemplateCommand.OK;
    }

    /** Writes to a temporary file beside the target, then moves it into place in one step. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
