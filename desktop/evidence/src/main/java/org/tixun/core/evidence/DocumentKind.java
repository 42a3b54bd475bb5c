// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

/** The kind of legal document being sealed (names from DOMAIN.md). */
public enum DocumentKind {
    INTERROGATION_RECORD,
    INQUIRY_RECORD,
    PLEA_AGREEMENT,
    RIGHTS_NOTICE,
    LENIENCY_NOTICE,
    SERVICE_RECEIPT,
    DETENTION_EXTENSION_NOTICE,
    HEARING_OPINIONS_RECORD
}
