// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n.sample;

import org.tixun.core.i18n.Message;
import org.tixun.core.i18n.MessageBundle;

/** The sample bundle's holder, as each module has one for its own bundle. */
public final class SampleMessages {
    public static final MessageBundle BUNDLE = MessageBundle.beside(SampleMessages.class);

    /** The kinds labelled in the bundle. */
    public enum Kind {
        CAMERA, MICROPHONE
    }

    private SampleMessages() {
    }

    public static Message of(String key, Object... args) {
        return BUNDLE.message(key, args);
    }

    /** Every key the sample uses, as the converted modules use theirs. */
    static Message[] all() {
        return new Message[] {of("sample.plain"), of("sample.args", 1, 2), of("sample.apostrophe", "x"),
            of("sample.nested", "x"), of("sample.found", "x"), of("sample.kind", Kind.CAMERA), of("sample.rate", 1.0),
            of("sample.dynamic." + "ok")};
    }
}
