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
}
