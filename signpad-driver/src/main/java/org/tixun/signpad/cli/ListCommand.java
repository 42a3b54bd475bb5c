// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tixun.signpad.discovery.PadCandidate;
import org.tixun.signpad.discovery.PadDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pad list}: prints candidate pads with the protocol to try. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List serial ports, evdev pens and Wacom STU pads that may be signature pads.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PadCandidate> found = new PadDiscovery().candidates();
        if (found.isEmpty()) {
            out.println("No candidate pads found. Serial pads: check the cable and that the user is in the 'dialout'"
                    + " group; a pty (simulator) is not listed, pass its path to capture --port.");
        }
        for (PadCandidate c : found) {
            out.printf("%-22s %-10s %s%n", c.port(), c.protocol() == null ? "?" : c.protocol().cliName(),
                    c.description());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
