// SPDX-License-Identifier: AGPL-3.0-or-later
/** Package signpad. */
package org.tixun.signpad;
