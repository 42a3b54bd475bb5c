// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.discovery;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.evdev.Evdev;
import org.tixun.signpad.stu.Stu;

/** Lists candidate pads: serial ports, evdev pen devices and Wacom STU hidraw nodes (from Linux sysfs). */
public final class PadDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(PadDiscovery.class);

    private final Path sysfs;
    private final Path dev;

    /** Discovery on this machine. */
    public PadDiscovery() {
        this(Path.of("/sys"), Path.of("/dev"));
    }

    /** Discovery against another sysfs and /dev tree (tests use a fake tree). */
    public PadDiscovery(Path sysfs, Path dev) {
        this.sysfs = sysfs;
        this.dev = dev;
    }

    /** Returns every candidate found; serial ports first. */
    public List<PadCandidate> candidates() {
        List<PadCandidate> out = new ArrayList<>(serialPorts());
        out.addAll(evdevPens());
        out.addAll(stuPads());
        return out;
    }

    /** Serial ports as jSerialComm lists them (ptys are not listed: pass their path to capture directly). */
    public List<PadCandidate> serialPorts() {
        List<PadCandidate> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            String desc = p.getDescriptivePortName();
            int vid = p.getVendorID();
            StringBuilder sb = new StringBuilder("serial port: ").append(desc);
            if (vid > 0) {
                sb.append(String.format(Locale.ROOT, " [%04x:%04x]", vid, p.getProductID()));
            }
            PadProtocol guess = null;
            if (vid == Stu.VENDOR_ID || desc.toLowerCase(Locale.ROOT).contains("wacom")) {
                guess = PadProtocol.ISDV4;
                sb.append(" - Wacom: try isdv4, then protocol4");
            } else {
                sb.append(" - try isdv4, protocol4 or topaz");
            }
            out.add(new PadCandidate(guess, p.getSystemPortPath(), sb.toString()));
        }
        return out;
    }

    /** Input devices that report BTN_TOOL_PEN. */
    public List<PadCandidate> evdevPens() {
        List<PadCandidate> out = new ArrayList<>();
        Path dir = sysfs.resolve("class/input");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> events = Files.newDirectoryStream(dir, "event*")) {
            for (Path e : events) {
                String keys = read(e.resolve("device/capabilities/key"));
                if (keys == null || !hasBit(keys, Evdev.BTN_TOOL_PEN)) {
                    continue;
                }
                String name = read(e.resolve("device/name"));
                Path node = dev.resolve("input").resolve(e.getFileName().toString());
                String access = Files.isReadable(node) ? "" : " (not readable: add a udev rule or the 'input' group)";
                out.add(new PadCandidate(PadProtocol.EVDEV, node.toString(),
                        "evdev pen: " + (name == null ? "unnamed" : name) + access));
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
        }
        return out;
    }

    /** hidraw nodes whose HID id is a known Wacom STU product. */
    public List<PadCandidate> stuPads() {
        List<PadCandidate> out = new ArrayList<>();
        Path dir = sysfs.resolve("class/hidraw");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(dir, "hidraw*")) {
            for (Path h : nodes) {
                String uevent = read(h.resolve("device/uevent"));
                if (uevent == null) {
                    continue;
                }
                int vid = -1;
                int pid = -1;
                String name = "";
                for (String line : uevent.split("\n")) {
                    if (line.startsWith("HID_ID=")) {
                        String[] f = line.substring(7).split(":");
                        if (f.length == 3) {
                            vid = Integer.parseInt(f[1], 16);
                            pid = Integer.parseInt(f[2], 16);
                        }
                    } else if (line.startsWith("HID_NAME=")) {
                        name = line.substring(9);
                    }
                }
                String model = Stu.PRODUCTS.get(pid);
                if (vid == Stu.VENDOR_ID && model != null) {
                    Path node = dev.resolve(h.getFileName().toString());
                    String access = Files.isReadable(node) ? "" : " (not readable: add a udev rule for 056a)";
                    out.add(new PadCandidate(PadProtocol.STU, node.toString(), String.format(Locale.ROOT,
                            "Wacom %s USB HID [056a:%04x] %s%s", model, pid, name, access)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
        }
        return out;
    }

    /** Tests a bit in a sysfs capability bitmap: hex words, most significant first, each one long wide. */
    static boolean hasBit(String bitmap, int bit) {
        String[] words = bitmap.trim().split("\\s+");
        int index = bit / 64;
        if (index >= words.length) {
            return false;
        }
        String word = words[words.length - 1 - index];
        return new BigInteger(word, 16).testBit(bit % 64);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            // Missing attributes are normal in sysfs: the device simply is not a candidate.
            LOG.debug("cannot read {}: {}", p, e.getMessage());
            return null;
        }
    }
}
