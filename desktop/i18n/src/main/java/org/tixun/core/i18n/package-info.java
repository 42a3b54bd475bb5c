// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Core messages as keys: {@link org.tixun.core.i18n.Message} (a key in a module's {@link
 * org.tixun.core.i18n.MessageBundle} with arguments) and {@link org.tixun.core.i18n.Localized} (exceptions and results
 * that carry one). Decision record 0011.
 */
package org.tixun.core.i18n;
