// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.i18n.PkiMessages;

/** The pki module's texts come from its bundle, in both languages. */
class PkiMessagesTest {
    @TempDir
    Path dir;

    @Test
    void bundleMatchesTheSources() {
        BundleConsistency.of(PkiMessages.BUNDLE.baseName()).sources(Path.of("src/main/java"))
                // certificate subject names are part of the certificates, not messages
                .inlineChineseAllowedIn("org/tixun/core/pki/InstitutionKeyStore.java",
                        "org/tixun/core/pki/GmKeyStore.java")
                .check();
    }

    @Test
    void aWrongPassphraseReadsInEachLanguage() throws Exception {
        Path file = dir.resolve("institution.p12");
        InstitutionKeyStore.create(file, "right".toCharArray(), "某某市人民检察院");
        WrongPassphraseException e = catchThrowableOfType(() -> InstitutionKeyStore.open(file, "wrong".toCharArray()),
                WrongPassphraseException.class);
        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("口令错误，无法打开密钥库 " + file);
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("wrong passphrase for key store " + file);
        assertThat(e.getMessage()).isEqualTo(e.message().bilingual());
    }

    @Test
    void aMissingCertificateFileReadsInEachLanguageWithTheCause() throws Exception {
        Path pem = Files.writeString(dir.resolve("root.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        LocalizedCheck.both(catchThrowableOfType(() -> Certificates.read(pem), java.io.IOException.class), pem);
        KeyStoreUnreadableException missing = catchThrowableOfType(() -> InstitutionKeyStore.open(dir.resolve(
                "absent.p12"), "x".toCharArray()), KeyStoreUnreadableException.class);
        assertThat(missing.message(Locale.SIMPLIFIED_CHINESE)).startsWith("密钥库文件不存在：");
        assertThat(missing.message(Locale.ENGLISH)).startsWith("key store not found: ");
    }

    /** Both languages present, different, each in its own script, naming the file. */
    static final class LocalizedCheck {
        static void both(Throwable t, Path named) {
            assertThat(t).isInstanceOf(org.tixun.core.i18n.Localized.class);
            Message m = ((org.tixun.core.i18n.Localized) t).message();
            assertThat(Message.hasChinese(m.chinese())).as(m.chinese()).isTrue();
            assertThat(Message.hasChinese(m.english())).as(m.english()).isFalse();
            assertThat(m.chinese()).contains(named.toString());
            assertThat(m.english()).contains(named.toString());
        }
    }
}
