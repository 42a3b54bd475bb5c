// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

import java.math.BigInteger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A text for a person: a key in a module's bundle ({@link MessageBundle}) with its arguments, resolved in the reader's
 * language by {@link #in(Locale)} (Chinese, zh_CN, unless the locale's language is English). The core throws and
 * returns messages; the app resolves them in the user's language, the command line prints {@link #bilingual()}
 * (「中文 (English)」), logs use {@link #english()}.
 *
 * <p>Arguments are formatted with {@link MessageFormat} in the reader's language, after these conversions: a
 * {@code Message} or {@link Localized} is resolved in the same language, a {@link Bilingual} gives its words in that
 * language; a {@link Throwable} gives its text
 * ({@link Localized#describe}); an enum gives its label {@code enum.<SimpleName>.<NAME>} from the message's bundle (its
 * name if the bundle has none); a collection is joined with 「、」 or ", "; integers are written without grouping
 * (ids, ports, years); anything else as MessageFormat writes it.
 *
 * <p>Two kinds do not come from a bundle: {@link #untranslated(String)} carries a text made elsewhere (a driver's or
 * the operating system's error text, or an inline text of code not yet converted) and {@link #joined} strings messages
 * together.
 */
public final class Message {
    /** The product's first language, also used for any language other than English. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The second language. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageBundle bundle;
    private final String key;
    private final List<Object> args;
    private final String text;
    private final String separator;

    private Message(MessageBundle bundle, String key, List<Object> args, String text, String separator) {
        this.bundle = bundle;
        this.key = key;
        this.args = args;
        this.text = text;
        this.separator = separator;
    }

    static Message keyed(MessageBundle bundle, String key, Object... args) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        Object[] given = args == null ? new Object[0] : args;
        List<Object> list = new ArrayList<>(given.length);
        for (Object a : given) {
            list.add(a == null ? NULL : a); // List.copyOf refuses nulls
        }
        return new Message(bundle, key, List.copyOf(list), null, null);
    }

    /**
     * A text that comes from no bundle: what a driver, a library or the operating system said, or an inline text of
     * code not yet converted to keys. A text worded 「中文 (English)」 shows the half in the reader's language.
     */
    public static Message untranslated(String text) {
        return new Message(null, null, List.of(), text == null ? "" : text, null);
    }

    /** The parts (messages or any argument, see the class comment) resolved one by one and joined by separator. */
    public static Message joined(String separator, List<?> parts) {
        return new Message(null, null, List.copyOf(parts.stream().map(a -> a == null ? NULL : a)
                .collect(Collectors.toList())), null, Objects.requireNonNull(separator, "separator"));
    }

    /** The bundle the key is looked up in, or null for an untranslated or joined message. */
    public MessageBundle bundle() {
        return bundle;
    }

    /** The key, or null for an untranslated or joined message. */
    public String key() {
        return key;
    }

    /** The arguments (or the parts of a joined message). */
    public List<Object> args() {
        return args.stream().map(a -> a == NULL ? null : a).collect(Collectors.toList());
    }

    /** The language a text for {@code locale} is written in: {@link #ENGLISH} for English, else {@link #CHINESE}. */
    public static Locale languageOf(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }

    /** The text in the language of {@code locale}. Never throws: a key missing from its bundle shows the key. */
    public String in(Locale locale) {
        Locale language = languageOf(locale);
        if (text != null) {
            String[] halves = splitBilingual(text);
            return language == ENGLISH ? halves[1] : halves[0];
        }
        if (separator != null) {
            return args.stream().map(a -> String.valueOf(resolve(a, language, null))).collect(Collectors.joining(
                    separator));
        }
        Object[] values = args.stream().map(a -> resolve(a, language, bundle)).toArray();
        String pattern;
        try {
            pattern = bundle.resourceBundle(language).getString(key);
        } catch (MissingResourceException e) {
            return key + (values.length == 0 ? "" : Arrays.toString(values));
        }
        try {
            return new MessageFormat(pattern, language).format(values);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    /** The text in Chinese. */
    public String chinese() {
        return in(CHINESE);
    }

    /** The text in English (for logs). */
    public String english() {
        return in(ENGLISH);
    }

    /** 「中文 (English)」 for the command line and an exception's {@code getMessage()}; one text if both are the same. */
    public String bilingual() {
        String zh = chinese();
        String en = english();
        return zh.equals(en) ? zh : zh + " (" + en + ")";
    }

    /** The English text, so a message written to a log reads in English. */
    @Override
    public String toString() {
        return english();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && Objects.equals(bundle, m.bundle) && Objects.equals(key, m.key)
                && args.equals(m.args) && Objects.equals(text, m.text) && Objects.equals(separator, m.separator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, key, args, text, separator);
    }

    private static Object resolve(Object a, Locale language, MessageBundle own) {
        if (a == NULL) {
            return "null";
        }
        if (a instanceof Message m) {
            return m.in(language);
        }
        if (a instanceof Localized l) {
            return l.message(language);
        }
        if (a instanceof Bilingual b) {
            return b.in(language);
        }
        if (a instanceof Throwable t) {
            return Localized.describe(t, language);
        }
        if (a instanceof Enum<?> e) {
            return own == null ? e.name() : own.label(e, language);
        }
        if (a instanceof Collection<?> c) {
            return c.stream().map(x -> String.valueOf(resolve(x == null ? NULL : x, language, own)))
                    .collect(Collectors.joining(language == ENGLISH ? ", " : "、"));
        }
        if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte
                || a instanceof BigInteger) {
            return a.toString();
        }
        return a;
    }

    /**
     * Splits 「中文 (English)」 at its last top-level parenthesis into {Chinese, English}; a text that is not worded so is
     * returned for both.
     */
    public static String[] splitBilingual(String text) {
        String t = text.strip();
        if (!hasChinese(t) || !t.endsWith(")")) {
            return new String[] {t, t};
        }
        int depth = 0;
        for (int i = t.length() - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                String zh = t.substring(0, i).strip();
                String en = t.substring(i + 1, t.length() - 1).strip();
                if (!zh.isEmpty() && !en.isEmpty() && hasChinese(zh) && !hasChinese(en)) {
                    return new String[] {zh, en};
                }
                break;
            }
        }
        return new String[] {t, t};
    }

    /** Whether the text holds a Han character. */
    public static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Stands for a null argument in the immutable argument list. */
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
}
