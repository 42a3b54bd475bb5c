// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.List;

/** Dialogs go through this interface so tests can replace them. */
public interface DialogService {
    void showError(String title, String message);

    void showInfo(String title, String message);

    /**
     * Asks a question and waits for the answer: the index in {@code answers} of the one chosen (the first is the
     * default), or -1 when the dialog was closed without one.
     */
    int ask(String title, String message, List<String> answers);
}
