// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.WorkstationLink;

/**
 * The terminals this workstation is linked to right now (its open remote sessions, the demo's included), for the
 * terminals dialog beside the enrolled ones. One per process; entries follow the link state on the FX thread.
 */
public final class ConnectedTerminals {
    /** One open session's terminal: its name once connected, the address dialled, the link state. */
    public record Entry(Object key, String name, String address, LinkState state) {
    }

    private static final ObservableList<Entry> ENTRIES = FXCollections.observableArrayList();

    private ConnectedTerminals() {
    }

    /** The open sessions' terminals (FX thread). */
    public static ObservableList<Entry> entries() {
        return ENTRIES;
    }

    /** Follows {@code link} until {@link #remove} is called with the same key. */
    public static void add(Object key, WorkstationLink link, String address) {
        Entry first = new Entry(key, "", address, link.state());
        fx(() -> ENTRIES.add(first));
        link.addListener(new LinkListener() {
            @Override
            public void onStateChanged(LinkStateEvent event) {
                fx(() -> {
                    for (int i = 0; i < ENTRIES.size(); i++) {
                        Entry e = ENTRIES.get(i);
                        if (e.key() == key) {
                            String name = e.name();
                            if (event.peerName() != null) {
                                name = event.peerName();
                            }
                            ENTRIES.set(i, new Entry(key, name, address, event.state()));
                        }
                    }
                });
            }
        });
    }

    /** The session ended. */
    public static void remove(Object key) {
        fx(() -> ENTRIES.removeIf(e -> e.key() == key));
    }

    private static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
