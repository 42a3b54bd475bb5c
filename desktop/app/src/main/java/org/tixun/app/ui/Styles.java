// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

/** Style class names of the app stylesheet (tixun.css), in one place. */
public final class Styles {
    public static final String DEMO_BANNER = "demo-banner";
    public static final String FIELD_ERROR = "field-error";
    public static final String FORM_SECTION = "form-section";
    public static final String KIOSK = "kiosk";
    public static final String KIOSK_TITLE = "kiosk-title";
    public static final String KIOSK_STATUS = "kiosk-status";
    public static final String KIOSK_CLOCK = "kiosk-clock";
    public static final String APP_TITLE = "app-title";
    public static final String TOP_BAR = "top-bar";
    public static final String STATUS_BADGE = "status-badge";
    public static final String MUTED = "muted";
    public static final String CARD = "tixun-card";
    public static final String ERROR_TEXT = "error-text";

    private Styles() {
    }
}
