// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The addresses a workstation can dial to reach a socket this terminal listens on: for a bind to all interfaces
 * ({@code 0.0.0.0} or {@code ::}) the machine's own addresses on the interfaces that are up (loopback and IPv6
 * link-local left out unless there is nothing else), IPv4 first; for a bind to one address, that address.
 */
public final class ListeningAddresses {
    private ListeningAddresses() {
    }

    /** {@code host:port} for each address the workstation can use; never empty. */
    public static List<String> of(InetSocketAddress bound) {
        List<InetAddress> candidates = new ArrayList<>();
        if (bound.getAddress() != null && bound.getAddress().isAnyLocalAddress()) {
            try {
                for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (nif.isUp()) {
                        candidates.addAll(Collections.list(nif.getInetAddresses()));
                    }
                }
            } catch (SocketException e) {
                // No interface list: the wildcard itself is all that can be said.
                candidates.clear();
            }
        }
        return describe(bound, candidates);
    }

    /** The rule of {@link #of} on a given list of interface addresses (tests). */
    static List<String> describe(InetSocketAddress bound, List<InetAddress> candidates) {
        InetAddress address = bound.getAddress();
        if (address == null || !address.isAnyLocalAddress()) {
            return List.of(format(address == null ? null : address, bound.getHostString(), bound.getPort()));
        }
        boolean ipv4Only = address instanceof Inet4Address;
        List<InetAddress> usable = new ArrayList<>();
        List<InetAddress> loopback = new ArrayList<>();
        for (InetAddress a : candidates) {
            if (ipv4Only && !(a instanceof Inet4Address)) {
                continue;
            }
            if (a.isLoopbackAddress()) {
                loopback.add(a);
            } else if (!(a instanceof Inet6Address && a.isLinkLocalAddress()) && !a.isAnyLocalAddress()) {
                usable.add(a);
            }
        }
        List<InetAddress> chosen = usable.isEmpty() ? loopback : usable;
        chosen.sort(Comparator.comparing((InetAddress a) -> a instanceof Inet4Address ? 0 : 1));
        List<String> out = new ArrayList<>();
        for (InetAddress a : chosen) {
            String s = format(a, a.getHostAddress(), bound.getPort());
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            out.add(format(address, address.getHostAddress(), bound.getPort()));
        }
        return out;
    }

    private static String format(InetAddress a, String host, int port) {
        if (a instanceof Inet6Address v6) {
            return "[" + compressed(v6) + "]:" + port;
        }
        return host + ":" + port;
    }

    /** The short form people type (RFC 5952): the longest run of zero groups as {@code ::}, no scope. */
    static String compressed(Inet6Address a) {
        byte[] b = a.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
