// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.i18n;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tixun.core.TixunException;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * Shows a message of the core in the screen's language. The core's failures carry a {@link Message} (they are
 * {@link Localized}): {@link #describe} resolves it in the reader's language, and maps the errors a person must act on
 * (a wrong passphrase) to the app's bundle. Texts that reach the app as strings (a detail stored with a queued record,
 * a flow's problem line, a peer's refusal) are worded 「中文 (English)」; {@link #localize} keeps the half of each pair in
 * the reader's language (the Chinese one by default).
 */
public final class CoreText {
    /** A run holding Chinese text, then the English in brackets: one bilingual pair. */
    private static final Pattern PAIR = Pattern.compile(
            "([^()（）\\n:：;；]*?[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef][^()（）\\n:：;；]*?)\\s*"
                    + "\\(([A-Za-z][^()]*)\\)");

    private CoreText() {
    }

    /** The message with each 「中文 (English)」 pair reduced to the half in {@code locale}'s language. */
    public static String localize(Locale locale, String message) {
        if (message == null) {
            return "";
        }
        boolean english = !I18n.CHINESE.getLanguage().equals(locale.getLanguage());
        // One whole pair as a Message writes it (its Chinese half may hold full-width brackets and colons)
        String[] halves = Message.splitBilingual(message);
        if (!halves[0].equals(halves[1]) && halves[0].indexOf('(') < 0) {
            return english ? halves[1] : halves[0];
        }
        Matcher m = PAIR.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String zh = m.group(1);
            String en = m.group(2).strip();
            String keep = english ? leading(zh) + en : zh;
            m.appendReplacement(out, Matcher.quoteReplacement(keep));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /**
     * The failure's own {@link Localized} text: the failure itself or the one it wraps (a wrapper without words of its
     * own, or one whose words are its cause's), else null.
     */
    private static Localized localized(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof Localized l) {
                return l;
            }
            Throwable c = t.getCause();
            if (c == null || c == t) {
                return null;
            }
            String m = t.getMessage();
            boolean wrapper = m == null || m.isBlank() || m.equals(c.toString())
                    || t instanceof java.util.concurrent.ExecutionException
                    || t instanceof java.util.concurrent.CompletionException
                    || t instanceof java.io.UncheckedIOException
                    || t instanceof java.lang.reflect.InvocationTargetException;
            if (!wrapper) {
                return null;
            }
            t = c;
        }
        return null;
    }

    /** The spaces before a replaced Chinese run, kept so the English reads as a sentence. */
    private static String leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    /** What went wrong, for a person: known failures from the bundle, else the core's message in their language. */
    public static String describe(I18n i18n, Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.tixun.core.pki.WrongPassphraseException) {
                return i18n.text("error.wrongPassphrase");
            }
        }
        if (t instanceof org.tixun.core.pki.KeyStoreUnreadableException
                || t instanceof TixunException te && te.exit() == TixunException.Exit.KEYSTORE) {
            return i18n.text("error.keystore");
        }
        Localized localized = localized(e);
        if (localized != null) {
            Message m = localized.message();
            if (m.key() != null || !m.args().isEmpty()) {
                return m.in(i18n.locale());
            }
            t = (Throwable) localized; // a text made elsewhere: its pairs halved below
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return i18n.text("error.noDetail", t.getClass().getSimpleName());
        }
        return localize(i18n.locale(), message);
    }
}
