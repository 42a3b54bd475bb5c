// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One module's message bundle: {@code <baseName>.properties} (English) and {@code <baseName>_zh_CN.properties}
 * (Chinese), UTF-8, MessageFormat placeholders. Each module keeps its own bundle beside a small class that holds its
 * {@code MessageBundle} (e.g. {@code org.tixun.core.evidence.i18n.EvidenceMessages}), so a module's keys live with
 * it and a {@link Message} carries the bundle it is looked up in.
 */
public final class MessageBundle {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader loader;

    private MessageBundle(String baseName, ClassLoader loader) {
        this.baseName = Objects.requireNonNull(baseName, "baseName");
        this.loader = loader;
    }

    /** The bundle {@code baseName}, loaded by the class loader of {@code anchor} (a class of the owning module). */
    public static MessageBundle at(Class<?> anchor, String baseName) {
        return new MessageBundle(baseName, anchor.getClassLoader());
    }

    /** The bundle named {@code messages} in {@code anchor}'s package. */
    public static MessageBundle beside(Class<?> anchor) {
        return at(anchor, anchor.getPackageName() + ".messages");
    }

    /** The base name, e.g. {@code org.tixun.core.evidence.i18n.messages}. */
    public String baseName() {
        return baseName;
    }

    /** A message for {@code key} of this bundle with its arguments. */
    public Message message(String key, Object... args) {
        return Message.keyed(this, key, args);
    }

    /** The loaded bundle of the language of {@code locale} ({@link Message#languageOf}). */
    public ResourceBundle resourceBundle(Locale locale) {
        Locale language = Message.languageOf(locale);
        return loader == null ? ResourceBundle.getBundle(baseName, language, NO_FALLBACK)
                : ResourceBundle.getBundle(baseName, language, loader, NO_FALLBACK);
    }

    /** The label of an enum constant, {@code enum.<SimpleName>.<NAME>}, or its name if this bundle has none. */
    String label(Enum<?> e, Locale locale) {
        String key = "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
        ResourceBundle rb = resourceBundle(locale);
        return rb.containsKey(key) ? rb.getString(key) : e.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageBundle b && b.baseName.equals(baseName);
    }

    @Override
    public int hashCode() {
        return baseName.hashCode();
    }

    @Override
    public String toString() {
        return baseName;
    }
}
