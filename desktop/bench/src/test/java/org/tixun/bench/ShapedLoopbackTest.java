// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loopback shaping's tc commands, refusals and clean-up, on a recording stand-in for tc. */
class ShapedLoopbackTest {
    private final List<String> ran = new ArrayList<>();

    private ShapedLoopback.Commands tc(String show, int addExit, String addOutput) {
        return command -> {
            String line = String.join(" ", command);
            ran.add(line);
            if (line.startsWith("tc qdisc show")) {
                return new ShapedLoopback.Result(0, show);
            }
            if (line.startsWith("tc qdisc add")) {
                return new ShapedLoopback.Result(addExit, addOutput);
            }
            return new ShapedLoopback.Result(0, "");
        };
    }

    @Test
    void shapesAnUnshapedLoopbackAndRemovesItsShapingOnceWhenClosed() throws IOException {
        ShapedLoopback link = ShapedLoopback.start(1000, tc("qdisc noqueue 0: root refcnt 2\n", 0, ""), false);
        assertThat(ran).containsExactly("tc qdisc show dev lo",
                "tc qdisc add dev lo root tbf rate 1000mbit burst 1250000 latency 50ms");
        link.close();
        link.close();
        assertThat(ran).hasSize(3).last().isEqualTo("tc qdisc del dev lo root");
    }

    @Test
    void theBucketHoldsAHundredthOfASecondAndNeverLessThanALoopbackPacket() {
        assertThat(ShapedLoopback.addCommand(10_000)).contains("10000mbit", "12500000");
        assertThat(ShapedLoopback.addCommand(10)).contains("10mbit", Long.toString(128 << 10));
        assertThatThrownBy(() -> ShapedLoopback.start(0, tc("qdisc noqueue", 0, ""), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void refusesALoopbackThatIsAlreadyShapedAndSaysHowToClearIt() {
        assertThatThrownBy(() -> ShapedLoopback.start(100,
                tc("qdisc tbf 8004: root refcnt 2 rate 1Gbit burst 1048500b lat 20ms\n", 0, ""), false))
                .isInstanceOf(IOException.class).hasMessageContaining("already has a queueing discipline")
                .hasMessageContaining("tc qdisc del dev lo root");
        assertThat(ran).containsExactly("tc qdisc show dev lo");
    }

    @Test
    void saysWhatIsNeededWhenTheKernelOrThePermissionsRefuse() {
        assertThatThrownBy(() -> ShapedLoopback.start(100, tc("qdisc noqueue 0: root", 2,
                "RTNETLINK answers: Operation not permitted"), false))
                .isInstanceOf(IOException.class).hasMessageContaining("Operation not permitted")
                .hasMessageContaining("needs root").hasMessageContaining("without --link-mbit");
    }
}
