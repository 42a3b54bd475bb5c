// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import org.tixun.core.TixunException;
import org.tixun.core.i18n.Message;

/** A database operation failed. */
public class StoreException extends TixunException {
    private static final long serialVersionUID = 1L;

    public StoreException(Message message, Throwable cause) {
        super(Exit.DATABASE, message, cause);
    }

    /**
     * A database failure with an inline text that is not translated.
     *
     * @deprecated the text reads the same in every language: pass a {@link Message} from the module's bundle
     */
    @Deprecated
    public StoreException(String message, Throwable cause) {
        super(Exit.DATABASE, Message.untranslated(message), cause);
    }
}
