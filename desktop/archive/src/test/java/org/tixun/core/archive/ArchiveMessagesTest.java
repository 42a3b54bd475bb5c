// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tixun.core.TixunException;
import org.tixun.core.archive.i18n.ArchiveMessages;
import org.tixun.core.i18n.BundleConsistency;

/** The archive module's texts come from its bundle. */
class ArchiveMessagesTest {
    @Test
    void bundleMatchesTheSources() {
        BundleConsistency.of(ArchiveMessages.BUNDLE.baseName()).sources(Path.of("src/main/java"))
                // the case number and cause an imported record is filed under: data in the case store
                .inlineChineseAllowedIn("org/tixun/core/archive/ArchiveWords.java")
                .check();
    }

    @Test
    void aFullDiskReadsInEachLanguage() {
        TixunException e = new TixunException(TixunException.Exit.FAILED,
                ArchiveMessages.of("export.noSpace", Path.of("/media/usb")));
        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).startsWith("导出未完成：/media/usb 所在磁盘空间不足");
        assertThat(e.message(Locale.ENGLISH)).startsWith("the export did not complete: no space left on the device"
                + " of /media/usb");
    }
}
