// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.CaseValidationException;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.config.DataDir;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Message;
import org.tixun.core.services.CoreServices;
import org.tixun.core.store.Database;
import org.tixun.core.store.StoreException;
import org.tixun.core.users.Role;
import org.tixun.core.util.Messages;

/** The domain module's texts come from its bundle; its failures read in Chinese and in English. */
class DomainMessagesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @TempDir
    Path dir;

    @Test
    void bundleMatchesTheSources() {
        BundleConsistency.of(Messages.BUNDLE).sources(Path.of("src/main/java")).labels(ParticipantRole.class)
                // the example in an option's help text
                .inlineChineseAllowedIn("org/tixun/core/cli/UsersCommand.java")
                .check();
    }

    /** Both languages, each in its own script, and getMessage() 「中文 (English)」. */
    private static void readsInBothLanguages(TixunException e, String zh, String en) {
        assertThat(e.message(ZH)).isEqualTo(zh);
        assertThat(e.message(EN)).isEqualTo(en);
        assertThat(Message.hasChinese(e.message(EN))).as(e.message(EN)).isFalse();
        assertThat(e.getMessage()).isEqualTo(zh + " (" + en + ")");
    }

    @Test
    void aUserProblemReadsInEachLanguageAndKeepsItsExitCode() {
        try (CoreServices core = TestCore.open(dir)) {
            core.users().add("a", "zhangwei", "张伟", Role.CLERK, "12345678".toCharArray());
            TixunException e = catchThrowableOfType(() -> core.users().add("a", "zhangwei", "张伟", Role.CLERK,
                    "12345678".toCharArray()), TixunException.class);
            readsInBothLanguages(e, "用户 zhangwei 已存在。", "User zhangwei already exists.");
            assertThat(e.exit()).isEqualTo(TixunException.Exit.USAGE);
            TixunException name = catchThrowableOfType(() -> core.users().add("a", "Bad Name", "x", Role.CLERK,
                    "12345678".toCharArray()), TixunException.class);
            assertThat(name.message(EN)).isEqualTo("Invalid user name 'Bad Name': use 2-32 lower-case letters, digits,"
                    + " '.', '_' or '-', starting with a letter.");
            assertThat(name.message(ZH)).startsWith("用户名“Bad Name”无效");
        }
    }

    @Test
    void aDamagedDatabaseReadsInEachLanguageAndKeepsItsExitCode() throws Exception {
        Path file = Files.writeString(dir.resolve("tixun.db"), "garbage garbage garbage garbage");
        TixunException e = catchThrowableOfType(() -> Database.open(file), TixunException.class);
        readsInBothLanguages(e, "数据库 " + file + " 不是 SQLite 数据库（已损坏或被替换）。请从备份恢复；未做任何改动。",
                "The database " + file + " is not an SQLite database (damaged or replaced). Restore it from a backup;"
                        + " nothing was changed.");
        assertThat(e.exit()).isEqualTo(TixunException.Exit.DATABASE);
    }

    @Test
    void aDataDirThatCannotBeCreatedNamesTheCauseInEachLanguage() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        TixunException e = catchThrowableOfType(() -> DataDir.at(file.resolve("data")).ensureWritable(),
                TixunException.class);
        assertThat(e.exit()).isEqualTo(TixunException.Exit.DATA_DIR);
        assertThat(e.message(ZH)).startsWith("无法创建数据目录 " + file.resolve("data"));
        assertThat(e.message(EN)).startsWith("Cannot create the data directory " + file.resolve("data"));
    }

    @Test
    void aStoreFailureCarriesTheDatabaseTextInBothLanguages() {
        try (CoreServices core = TestCore.open(dir)) {
            StoreException e = catchThrowableOfType(() -> core.database().withConnection(c -> {
                try (var s = c.createStatement()) {
                    s.execute("INSERT INTO participant (case_id) VALUES ('no such case')");
                }
                return null;
            }), StoreException.class);
            assertThat(e.message(ZH)).startsWith("数据库错误：");
            assertThat(e.message(EN)).startsWith("database error: ");
            assertThat(e.exit()).isEqualTo(TixunException.Exit.DATABASE);
        }
    }

    @Test
    void aCaseValidationFailureListsEachIssueInTheLanguage() {
        try (CoreServices core = TestCore.open(dir)) {
            CaseFile empty = new CaseFile(null, "", "", java.util.List.of(), null, null);
            CaseValidationException e = catchThrowableOfType(() -> core.cases().save("a", empty),
                    CaseValidationException.class);
            assertThat(e.message(ZH)).contains("请填写案件编号。").contains("请填写案由。");
            assertThat(e.message(EN)).contains("Enter the case number.").contains("Enter the cause of action.");
            assertThat(CaseValidationException.describe(e.issues(), EN)).isEqualTo(e.message(EN));
        }
    }
}
