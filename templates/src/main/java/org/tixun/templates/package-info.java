// SPDX-License-Identifier: AGPL-3.0-or-later
/** Legal document templates (manifest + XHTML/CSS layout) and their rendering to PDF/A-3b. */
package org.tixun.templates;
