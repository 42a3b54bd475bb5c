// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks one module's message bundle against its sources (the core's counterpart of the app's
 * LocalizationConsistencyTest): both languages have the same keys and placeholders; every pattern is valid
 * MessageFormat, the Chinese one in Chinese (or placeholders and punctuation only), the English one without Chinese;
 * every key is used by a string literal of the sources (a literal ending in "." stands for keys completed at run time,
 * {@code enum.<Simple>.<NAME>} keys for the enums named); every literal in a key's namespace is a key; and no string
 * literal outside the files named holds Chinese text (the ratchet that keeps texts in the bundle). Run from the
 * module's directory (surefire's working directory), with sources such as {@code src/main/java}.
 */
public final class BundleConsistency {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern KEY_LIKE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)*\\.?");

    private final String baseName;
    private final List<Path> sources = new ArrayList<>();
    private final List<Class<? extends Enum<?>>> labelled = new ArrayList<>();
    private final Set<String> inlineAllowed = new HashSet<>();
    private final List<String> skipped = new ArrayList<>();

    private BundleConsistency(String baseName) {
        this.baseName = baseName;
    }

    /** {@code l} reads in Chinese and in English, each in its own script, and the two differ. */
    public static void readsInBothLanguages(Localized l) {
        String zh = l.message(java.util.Locale.SIMPLIFIED_CHINESE);
        String en = l.message(java.util.Locale.ENGLISH);
        assertThat(Message.hasChinese(zh)).as(zh).isTrue();
        assertThat(Message.hasChinese(en)).as(en).isFalse();
        assertThat(zh).isNotEqualTo(en);
    }

    /** The checks for the bundle {@code baseName} (e.g. {@code org.tixun.core.pki.i18n.messages}). */
    public static BundleConsistency of(String baseName) {
        return new BundleConsistency(baseName);
    }

    /** A source root whose string literals use the bundle. */
    public BundleConsistency sources(Path root) {
        sources.add(root);
        return this;
    }

    /** Enums whose constants have labels {@code enum.<SimpleName>.<NAME>} in the bundle. */
    @SafeVarargs
    public final BundleConsistency labels(Class<? extends Enum<?>>... enums) {
        labelled.addAll(Arrays.asList(enums));
        return this;
    }

    /**
     * Source files (paths relative to a source root, '/'-separated) that may hold Chinese string literals because the
     * text is part of a document or a certificate, not a message (e.g. a signature's reason or a certificate's name).
     */
    public BundleConsistency inlineChineseAllowedIn(String... files) {
        inlineAllowed.addAll(Arrays.asList(files));
        return this;
    }

    /**
     * A source folder (relative to a source root, '/'-separated) whose files are not checked for Chinese literals nor
     * counted as using this bundle: a package that lives in this module but is converted separately.
     */
    public BundleConsistency skipping(String folder) {
        skipped.add(folder.endsWith("/") ? folder : folder + "/");
        return this;
    }

    /** Runs every check; fails with every problem found. */
    public void check() {
        assertThat(problems()).as("problems of the bundle %s", baseName).isEmpty();
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Properties en = load("");
        Properties zh = load("_zh_CN");
        for (String k : new TreeSet<>(en.stringPropertyNames())) {
            if (!zh.containsKey(k)) {
                problems.add(k + ": missing from the Chinese file");
            }
        }
        for (String k : new TreeSet<>(zh.stringPropertyNames())) {
            if (!en.containsKey(k)) {
                problems.add(k + ": missing from the English file");
            }
        }
        checkPatterns(en, zh, problems);
        Literals literals = literals();
        checkUsed(en.stringPropertyNames(), literals.keyLike, problems);
        checkExist(en.stringPropertyNames(), literals.keyLike, problems);
        literals.chinese.forEach((file, texts) -> texts.forEach(t -> problems.add(file + ": Chinese text outside the"
                + " bundle: \"" + t + "\"")));
        return problems;
    }

    /** The bundle's keys (English file). */
    public Set<String> keys() {
        return new TreeSet<>(load("").stringPropertyNames());
    }

    private Properties load(String suffix) {
        String resource = "/" + baseName.replace('.', '/') + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = BundleConsistency.class.getResourceAsStream(resource)) {
            assertThat(in).as("bundle file %s", resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private void checkPatterns(Properties en, Properties zh, List<String> problems) {
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String e = en.getProperty(key);
            String z = zh.getProperty(key);
            if (z == null) {
                continue;
            }
            for (String[] lang : new String[][] {{"en", e}, {"zh_CN", z}}) {
                try {
                    new MessageFormat(lang[1]);
                } catch (IllegalArgumentException ex) {
                    problems.add(key + " (" + lang[0] + "): not a MessageFormat pattern: " + ex.getMessage());
                }
                if (lang[1].replace("''", "").indexOf('\'') >= 0) {
                    problems.add(key + " (" + lang[0] + "): a single quote must be written '' in a MessageFormat"
                            + " pattern");
                }
                if (lang[1].isBlank()) {
                    problems.add(key + " (" + lang[0] + "): empty");
                }
            }
            if (!placeholders(e).equals(placeholders(z))) {
                problems.add(key + ": placeholders differ: en " + placeholders(e) + ", zh_CN " + placeholders(z));
            }
            if (Message.hasChinese(e)) {
                problems.add(key + " (en): holds Chinese text");
            }
            if (!Message.hasChinese(z) && z.replaceAll("\\{[^}]*}", "").matches(".*[A-Za-z].*")) {
                problems.add(key + " (zh_CN): holds no Chinese text");
            }
        }
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private void checkUsed(Set<String> keys, Set<String> literals, List<String> problems) {
        for (String key : keys) {
            boolean used = literals.contains(key) || literals.stream().anyMatch(l -> l.endsWith(".")
                    && key.startsWith(l) && key.indexOf('.', l.length()) < 0);
            if (!used && key.startsWith("enum.")) {
                used = labelled.stream().anyMatch(c -> Arrays.stream(c.getEnumConstants())
                        .anyMatch(k -> key.equals("enum." + c.getSimpleName() + "." + k.name())));
            }
            if (!used) {
                problems.add(key + ": no source uses it");
            }
        }
        for (Class<? extends Enum<?>> c : labelled) {
            for (Enum<?> k : c.getEnumConstants()) {
                String key = "enum." + c.getSimpleName() + "." + k.name();
                if (!keys.contains(key)) {
                    problems.add(key + ": the label of " + c.getName() + "." + k.name() + " is missing");
                }
            }
        }
    }

    private void checkExist(Set<String> keys, Set<String> literals, List<String> problems) {
        Set<String> namespaces = new HashSet<>();
        keys.forEach(k -> namespaces.add(k.substring(0, k.indexOf('.') + 1)));
        namespaces.remove("");
        namespaces.remove("enum.");
        for (String literal : new TreeSet<>(literals)) {
            int dot = literal.indexOf('.');
            if (dot < 0 || literal.endsWith(".") || !namespaces.contains(literal.substring(0, dot + 1))) {
                continue;
            }
            if (!keys.contains(literal)) {
                problems.add(literal + ": used in the sources but not in the bundle");
            }
        }
    }

    private record Literals(Set<String> keyLike, TreeMap<String, List<String>> chinese) {
    }

    private Literals literals() {
        Set<String> keyLike = new HashSet<>();
        TreeMap<String, List<String>> chinese = new TreeMap<>();
        for (Path root : sources) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    if (skipped.stream().anyMatch(rel::startsWith)) {
                        continue;
                    }
                    for (String s : stringLiterals(Files.readString(f))) {
                        if (KEY_LIKE.matcher(s).matches()) {
                            keyLike.add(s);
                        }
                        if (Message.hasChinese(s) && !inlineAllowed.contains(rel)) {
                            chinese.computeIfAbsent(rel, k -> new ArrayList<>()).add(s);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Literals(keyLike, chinese);
    }

    /** The string literals of a Java source, comments and char literals skipped (escapes are kept as written). */
    public static List<String> stringLiterals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end;
                out.add(src.substring(i + 3, stop));
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        sb.append(src.charAt(j)).append(src.charAt(j + 1));
                        j += 2;
                    } else {
                        sb.append(src.charAt(j++));
                    }
                }
                if (c == '"') {
                    out.add(sb.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
