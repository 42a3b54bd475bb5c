// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.LoadProblem;
import org.tixun.templates.TemplateRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code template} command: lists, describes, renders and checks legal document templates. */
@Command(
        name = "template",
        mixinStandardHelpOptions = true,
        description = "Legal document templates: list kinds, show fields, render PDF/A-3b, check custom templates.",
        subcommands = {
            ListCommand.class,
            FieldsCommand.class,
            RenderCommand.class,
            CheckCommand.class,
            BenchCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:invalid data or template problems",
            "2:bad command line",
            "3:unknown document kind",
            "4:input/output error"
        })
public final class TemplateCommand implements Callable<Integer> {

    /** Success. */
    public static final int OK = 0;
    /** Invalid data, or problems in a checked template. */
    public static final int INVALID = 1;
    /** Bad command line (picocli's usage error code). */
    public static final int USAGE = 2;
    /** Unknown document kind. */
    public static final int UNKNOWN_KIND = 3;
    /** Reading or writing a file failed. */
    public static final int IO_ERROR = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory; custom templates are read from DIR/templates.")
    private Path dataDir;

    private DefaultTemplateService service;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }

    /** Returns the service, loading templates on first use and reporting custom-template problems on stderr. */
    DefaultTemplateService service() {
        if (service == null) {
            TemplateRegistry registry = dataDir == null ? TemplateRegistry.builtIn() : TemplateRegistry.load(dataDir.resolve("templates"));
            PrintWriter err = spec.commandLine().getErr();
            for (LoadProblem problem : registry.problems()) {
                err.println("warning: template not loaded: " + problem);
            }
            err.flush();
            service = new DefaultTemplateService(registry);
        }
        return service;
    }

    /** Runs the command standalone. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TemplateCommand()).execute(args));
    }
}
