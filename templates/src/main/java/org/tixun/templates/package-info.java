// SPDX-License-Identifier: AGPL-3.0-or-later
/** Package templates. */
package org.tixun.templates;
