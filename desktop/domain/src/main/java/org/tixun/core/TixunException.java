// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * A failure with a message for the user and the process exit code it maps to. {@link #message(java.util.Locale)}
 * gives the text in the user's language (the app shows it); {@link #getMessage()} is 「中文 (English)」 (the command
 * line prints it).
 */
public class TixunException extends RuntimeException implements Localized {
    private static final long serialVersionUID = 1L;

    /** Exit codes shared by every command; documented in README.md. */
    public enum Exit {
        OK(0), FAILED(1), USAGE(2), DATA_DIR(3), DATABASE(4), KEYSTORE(5), AUTH(6), NOT_FOUND(7);

        private final int code;

        Exit(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final Exit exit;
    private final transient Message message;

    public TixunException(Exit exit, Message message) {
        this(exit, message, null);
    }

    public TixunException(Exit exit, Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.exit = exit;
        this.message = message;
    }

    /**
     * A failure with an inline text that is not translated.
     *
     * @deprecated the text reads the same in every language: pass a {@link Message} from the module's bundle
     */
    @Deprecated
    public TixunException(Exit exit, String message) {
        this(exit, Message.untranslated(message), null);
    }

    /**
     * A failure with an inline text that is not translated.
     *
     * @deprecated the text reads the same in every language: pass a {@link Message} from the module's bundle
     */
    @Deprecated
    public TixunException(Exit exit, String message, Throwable cause) {
        this(exit, Message.untranslated(message), cause);
    }

    public Exit exit() {
        return exit;
    }

    /** The text; after deserialization (which drops the message) the bilingual text as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
