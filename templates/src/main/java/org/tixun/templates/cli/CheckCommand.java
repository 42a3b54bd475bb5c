// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tixun.templates.LoadProblem;
import org.tixun.templates.TemplateRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code template check FOLDER}: validates a custom template folder and prints file:line: problem. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate a custom template folder.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "Folder with manifest.json, layout-zh.xhtml and layout-en.xhtml.")
    private Path folder;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            spec.commandLine().getErr().println("error: not a directory: " + folder);
            return TemplateCommand.IO_ERROR;
        }
        List<LoadProblem> problems = TemplateRegistry.check(folder);
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(p -> err.println(p));
            err.println(problems.size() + " problem(s) in " + folder);
            err.flush();
            return TemplateCommand.INVALID;
        }
        spec.commandLine().getOut().println("OK: " + folder);
        spec.commandLine().getOut().flush();
        return TemplateCommand.OK;
    }
}
