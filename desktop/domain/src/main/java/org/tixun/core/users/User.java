// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.users;

/** A local user (the password hash never leaves the store). */
public record User(long id, String username, String displayName, Role role, String createdAt, boolean disabled) {
}
