// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.cli;

/** Standalone entry point: {@code java -cp signpad-driver.jar org.tixun.signpad.cli.Main list}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(PadCommand.run(args));
    }
}
