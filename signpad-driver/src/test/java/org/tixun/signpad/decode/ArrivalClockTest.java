// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrivalClockTest {

    @Test
    void backFillsEarlierSamplesOfABatchAtTheNominalPeriod() {
        ArrivalClock clock = new ArrivalClock(200);
        long t = 1_000_000_000L;
        assertThat(clock.stamp(t, 0, 3)).isEqualTo(t - 10_000_000L);
        assertThat(clock.stamp(t, 1, 3)).isEqualTo(t - 5_000_000L);
        assertThat(clock.stamp(t, 2, 3)).isEqualTo(t);
    }

    @Test
    void neverGoesBackwardsWhenABatchArrivesSoonAfterThePrevious() {
        ArrivalClock clock = new ArrivalClock(200);
        long first = clock.stamp(1_000_000_000L, 0, 1);
        long next = clock.stamp(1_001_000_000L, 0, 4);
        assertThat(next).isGreaterThan(first);
        long after = clock.stamp(1_001_000_000L, 1, 4);
        assertThat(after).isGreaterThan(next);
    }
}
