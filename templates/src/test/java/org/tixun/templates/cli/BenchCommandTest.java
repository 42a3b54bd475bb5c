// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tixun.templates.DocumentData;
import org.tixun.templates.DocumentRenderer;
import org.tixun.templates.DocumentTemplate;
import org.tixun.templates.Lang;
import org.tixun.templates.TemplateRegistry;

class BenchCommandTest {

    @Test
    void sizesARecordToExactlyTheRequestedPageCount() throws Exception {
        DocumentRenderer renderer = new DocumentRenderer();
        DocumentTemplate template = TemplateRegistry.builtIn().require("INTERROGATION_RECORD");

        DocumentData data = BenchCommand.dataForPages(renderer, template, 4);

        assertThat(renderer.render(template, data, Lang.ZH).pageCount()).isEqualTo(4);
        DocumentData oneLess = data.withQa(data.qa().subList(0, data.qa().size() - 1));
        assertThat(renderer.render(template, oneLess, Lang.ZH).pageCount()).isLessThan(4);
    }

    @Test
    void liveBenchPrintsFinalAndPreviewStages() {
        java.io.StringWriter text = new java.io.StringWriter();
        picocli.CommandLine cmd = new picocli.CommandLine(new BenchCommand());
        cmd.setOut(new java.io.PrintWriter(text));
        int code = cmd.execute("--live", "--runs", "1", "--warmup", "0");
        org.junit.jupiter.api.Assertions.assertEquals(0, code, text.toString());
        String out = text.toString();
        org.junit.jupiter.api.Assertions.assertEquals(2, out.split("live final ", -1).length - 1, out);
        org.junit.jupiter.api.Assertions.assertEquals(2, out.split("live preview ", -1).length - 1, out);
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("20 pages"), out);
    }
}
