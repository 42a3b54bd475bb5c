// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tixun.templates.DocumentTemplate;
import org.tixun.templates.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code template list}: one line per kind with its code and title. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the document kinds: code and title.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private TemplateCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--lang", defaultValue = "zh", description = "Title language: zh or en (default: ${DEFAULT-VALUE}).")
    private String lang;

    @Override
    public Integer call() {
        Lang language = Lang.parse(lang);
        PrintWriter out = spec.commandLine().getOut();
        for (DocumentTemplate template : parent.service().list()) {
            out.printf("%-28s %s%n", template.kind(), template.title(language));
        }
        out.flush();
        return TemplateCommand.OK;
    }
}
