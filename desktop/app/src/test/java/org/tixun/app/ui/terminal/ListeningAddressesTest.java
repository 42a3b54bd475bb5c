// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enrolment screen names addresses a workstation can dial, never 0.0.0.0. */
class ListeningAddressesTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void aWildcardBindListsTheMachinesAddressesWithoutLoopback() throws Exception {
        var bound = new InetSocketAddress(ip("0.0.0.0"), 7443);
        assertThat(ListeningAddresses.describe(bound, List.of(ip("127.0.0.1"), ip("192.168.10.20"), ip("::1"),
                ip("fe80::1"), ip("10.1.2.3")))).containsExactly("192.168.10.20:7443", "10.1.2.3:7443");
    }

    @Test
    void onlyLoopbackIsShownWhenThereIsNothingElse() throws Exception {
        var bound = new InetSocketAddress(ip("0.0.0.0"), 7443);
        assertThat(ListeningAddresses.describe(bound, List.of(ip("127.0.0.1"), ip("::1"))))
                .containsExactly("127.0.0.1:7443");
    }

    @Test
    void anIpv6WildcardListsBothFamiliesIpv4First() throws Exception {
        var bound = new InetSocketAddress(ip("::"), 7443);
        assertThat(ListeningAddresses.describe(bound, List.of(ip("2001:db8::5"), ip("192.168.10.20"),
                ip("fe80::1")))).containsExactly("192.168.10.20:7443", "[2001:db8::5]:7443");
    }

    @Test
    void ipv6AddressesAreWrittenShort() throws Exception {
        assertThat(ListeningAddresses.compressed((java.net.Inet6Address) ip("2001:db8:0:1:0:0:0:1")))
                .isEqualTo("2001:db8:0:1::1");
        assertThat(ListeningAddresses.compressed((java.net.Inet6Address) ip("::1"))).isEqualTo("::1");
        assertThat(ListeningAddresses.compressed((java.net.Inet6Address) ip("1::"))).isEqualTo("1::");
        assertThat(ListeningAddresses.compressed((java.net.Inet6Address) ip("2001:db8:1:2:3:4:5:6")))
                .isEqualTo("2001:db8:1:2:3:4:5:6");
    }

    @Test
    void aBindToOneAddressIsThatAddress() throws Exception {
        assertThat(ListeningAddresses.describe(new InetSocketAddress(ip("192.168.10.20"), 9000), List.of()))
                .containsExactly("192.168.10.20:9000");
    }

    @Test
    void thisMachineNeverShowsTheWildcard() {
        assertThat(ListeningAddresses.of(new InetSocketAddress("0.0.0.0", 7443)))
                .isNotEmpty().noneMatch(a -> a.startsWith("0.0.0.0"));
    }
}
