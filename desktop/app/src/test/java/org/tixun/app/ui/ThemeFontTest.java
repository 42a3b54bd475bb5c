// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.tixun.app.ui.Theme.FontSource;

/** The shipped CJK font: from the installation's plain file when there is one, from the class path otherwise. */
@ExtendWith(ApplicationExtension.class)
class ThemeFontTest {
    @Test
    void loadsTheInstallationsFileInPlace(@TempDir Path dir) throws Exception {
        try (InputStream in = org.tixun.templates.DocumentFonts.class.getResourceAsStream("/fonts/" + Theme.SHIPPED_FONT)) {
            Files.copy(in, dir.resolve(Theme.SHIPPED_FONT));
        }
        // INSTALLATION_FILE only when JavaFX made a font of the file (Font.loadFont returned one). Font.getFamilies()
        // is no witness: it may answer from a list made before the font was loaded.
        assertThat(Theme.loadShippedFont(dir.toString())).isEqualTo(FontSource.INSTALLATION_FILE);
    }

    @Test
    void fallsBackToTheClassPathWithoutAnInstallationOrWithAMissingOrBrokenFile(@TempDir Path dir) throws Exception {
        assertThat(Theme.loadShippedFont(null)).isEqualTo(FontSource.CLASS_PATH);
        assertThat(Theme.loadShippedFont(dir.toString())).isEqualTo(FontSource.CLASS_PATH);
        Files.write(dir.resolve(Theme.SHIPPED_FONT), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'f', 'o', 'n', 't'});
        assertThat(Theme.loadShippedFont(dir.toString())).isEqualTo(FontSource.CLASS_PATH);
    }
}
