// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n.badsample;

/** Source the "bad" bundle is checked against: it uses a key the bundle lacks and holds an inline Chinese text. */
final class BadUse {
    static final String[] USED = {"bad.apostrophe", "bad.placeholders", "bad.chinese", "bad.onlyEnglish",
        "bad.missing"};
    static final String INLINE = "无法打开摄像头 (cannot open the camera)";

    private BadUse() {
    }
}
