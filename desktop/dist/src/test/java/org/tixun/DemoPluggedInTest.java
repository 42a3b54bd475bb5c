// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tixun.core.session.demo.DemoKit;

/** The developer distribution plugs the demo in (the app itself does not depend on it). */
class DemoPluggedInTest {
    @Test
    void theDistributionFindsTheDemo() {
        assertThat(DemoKit.installed()).get().extracting(k -> k.getClass().getName())
                .isEqualTo("org.tixun.demo.DemoKitImpl");
    }
}
