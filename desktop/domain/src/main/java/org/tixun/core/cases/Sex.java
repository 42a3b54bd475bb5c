// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

/** Sex as written in the record header. */
public enum Sex {
    MALE, FEMALE
}
