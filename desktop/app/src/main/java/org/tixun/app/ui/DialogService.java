// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

/** Dialogs go through this interface so tests can replace them. */
public interface DialogService {
    void showError(String title, String message);

    void showInfo(String title, String message);
}
