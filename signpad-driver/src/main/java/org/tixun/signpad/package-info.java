// SPDX-License-Identifier: AGPL-3.0-or-later
/** Signature pad driver: opens pads, decodes their protocols and delivers pen samples to listeners. */
package org.tixun.signpad;
