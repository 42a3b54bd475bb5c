// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tixun.core.store.MigrationIndexCheck;

/** The index of the gateway store's scripts (read at start-up to skip Flyway on an up-to-date SQLite store) is current. */
class MigrationIndexTest {
    @Test
    void theIndexListsExactlyTheScriptsFlywayFinds() {
        assertThat(MigrationIndexCheck.problems(GatewayStore.MIGRATIONS,
                MigrationIndexCheck.sourceIndex(GatewayStore.MIGRATIONS))).isEmpty();
    }
}
