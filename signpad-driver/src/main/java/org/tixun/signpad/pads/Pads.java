// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.pads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.PadProvider;
import org.tixun.signpad.SignaturePad;

/** Creates pads by protocol and port through the registered {@link PadProvider}s: the entry point for the app. */
public final class Pads {

    private Pads() {
    }

    /** Returns an unopened pad for {@code port} (serial port name or path, hidraw or evdev path). */
    public static SignaturePad create(PadProtocol protocol, String port, PadOptions options) {
        return create(protocol.cliName(), port, options);
    }

    /** Returns an unopened pad for a protocol name, including protocols added by other providers. */
    public static SignaturePad create(String protocol, String port, PadOptions options) {
        String name = protocol.trim().toLowerCase(Locale.ROOT);
        for (PadProvider p : providers()) {
            if (p.protocols().contains(name)) {
                return p.create(name, port, options);
            }
        }
        throw new IllegalArgumentException("no pad provider for protocol '" + protocol + "': known " + protocols());
    }

    /** Creates and opens a pad with default options. */
    public static SignaturePad open(PadProtocol protocol, String port) throws PadException {
        SignaturePad pad = create(protocol, port, PadOptions.defaults());
        pad.open();
        return pad;
    }

    /** Returns every protocol name some provider handles. */
    public static List<String> protocols() {
        List<String> names = new ArrayList<>();
        for (PadProvider p : providers()) {
            names.addAll(p.protocols());
        }
        return names;
    }

    private static List<PadProvider> providers() {
        List<PadProvider> list = new ArrayList<>();
        ServiceLoader.load(PadProvider.class, Pads.class.getClassLoader()).forEach(list::add);
        if (list.isEmpty()) {
            // A repackaged jar can lose META-INF/services; the built-in protocols must still work.
            list.add(new BuiltInPadProvider());
        }
        return list;
    }
}
