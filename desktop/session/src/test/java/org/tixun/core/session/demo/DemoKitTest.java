// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tixun.core.TixunException;

/** Without the demo module on the class path (as in a production package) there is no demo, and asking says so. */
class DemoKitTest {
    @Test
    void aPackageWithoutTheDemoHasNoneAndSaysSo() {
        assertThat(DemoKit.installed()).isEmpty();
        assertThatThrownBy(DemoKit::require).isInstanceOfSatisfying(TixunException.class,
                e -> assertThat(e.exit()).isEqualTo(TixunException.Exit.USAGE))
                .hasMessageContaining("此安装包不含演示模块").hasMessageContaining("this package has no demo");
    }
}
