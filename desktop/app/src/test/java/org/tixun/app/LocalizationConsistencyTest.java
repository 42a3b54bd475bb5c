// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Message;

/** Every UI string lives in both bundles; no key is missing or unused (JR LocalizationConsistencyTest). */
class LocalizationConsistencyTest {
    private static final Pattern LITERAL = Pattern.compile("\"([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)*\\.?)\"");

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> literalsInSources() throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("/org/tixun/app/i18n/ui.properties"))
                .containsExactlyElementsOf(keys("/org/tixun/app/i18n/ui_zh_CN.properties"));
    }

    @Test
    void everyKeyIsUsed() throws IOException {
        Set<String> literals = literalsInSources();
        Set<String> unused = new TreeSet<>();
        for (String key : keys("/org/tixun/app/i18n/ui.properties")) {
            boolean used = literals.contains(key) || literals.stream()
                    .anyMatch(l -> l.endsWith(".") && key.startsWith(l) && key.indexOf('.', l.length()) < 0);
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys in ui.properties that no source uses").isEmpty();
    }

    @Test
    void everyKeyUsedExists() throws IOException {
        Set<String> keys = keys("/org/tixun/app/i18n/ui.properties");
        Set<String> namespaces = new HashSet<>();
        keys.forEach(k -> namespaces.add(k.substring(0, k.indexOf('.') + 1)));
        Set<String> missing = new TreeSet<>();
        for (String literal : literalsInSources()) {
            int dot = literal.indexOf('.');
            if (dot < 0 || literal.endsWith(".") || !namespaces.contains(literal.substring(0, dot + 1))) {
                continue;
            }
            if (!keys.contains(literal)) {
                missing.add(literal);
            }
        }
        assertThat(missing).as("keys used in code but missing from the bundles").isEmpty();
    }

    @Test
    void enumLabelsExistForEveryConstant() throws IOException {
        Set<String> keys = keys("/org/tixun/app/i18n/ui.properties");
        for (var e : org.tixun.core.users.AppMode.values()) {
            assertThat(keys).contains("mode." + e.name());
        }
        for (var e : org.tixun.core.users.Role.values()) {
            assertThat(keys).contains("role." + e.name());
        }
        for (var e : org.tixun.core.cases.ParticipantRole.values()) {
            assertThat(keys).contains("participantRole." + e.name());
        }
        for (var e : org.tixun.core.cases.Sex.values()) {
            assertThat(keys).contains("sex." + e.name());
        }
        for (var e : org.tixun.core.cases.Participant.LawyerKind.values()) {
            assertThat(keys).contains("lawyerKind." + e.name());
        }
        for (var e : org.tixun.core.sync.OutboxState.values()) {
            assertThat(keys).contains("outbox." + e.name());
        }
        for (var e : org.tixun.core.records.RecordStatus.values()) {
            assertThat(keys).contains("status." + e.name());
        }
        for (var e : org.tixun.core.sync.WaitReason.Code.values()) {
            assertThat(keys).contains("sync.reason." + e.name());
        }
    }

    /**
     * Chinese string literals the app's code may hold, each with why: the words of the record itself (the document's
     * language, not the reader's), which a bundle must not translate.
     */
    private static final java.util.Map<String, String> CHINESE_IN_CODE = java.util.Map.of(
            "问：", "the record's question marker (the typed body is parsed in the document's own syntax)",
            "问:", "the record's question marker, half-width colon",
            "答：", "the record's answer marker",
            "答:", "the record's answer marker, half-width colon",
            "\\n答：", "the record's answer marker on its own line",
            "以上笔录我看过（向我宣读过），和我说的相符",
            "the sentence the suspect copies by hand (DOMAIN.md rule 4): the record's words, never translated",
            "Tixun (提讯): remote interrogation and handwritten e-signing.", "the command line's bilingual name");

    /**
     * Every text a person sees comes from the bundles (issue: messages as keys): a Chinese string literal in the app's
     * code is a label that escaped them, unless it is one of the record's own words above.
     */
    @Test
    void noChineseTextInCodeOutsideTheBundles() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                for (String literal : BundleConsistency.stringLiterals(Files.readString(f))) {
                    if (Message.hasChinese(literal) && !CHINESE_IN_CODE.containsKey(literal)) {
                        found.add(f.getFileName() + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(found).as("Chinese literals in the app's code: move them to ui_zh_CN.properties / ui.properties")
                .isEmpty();
    }
}
