// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Packs a signer's fingerprint images into one ZIP (stored, fixed times) before encryption, and unpacks them. */
public final class FingerprintArchive {
    /** Entry name suffix of a fingerprint: {@code -fingerprint.fir} for an ISO/IEC 19794-4 record, else a PNG. */
    public static String entrySuffix(byte[] fingerprint) {
        boolean iso = fingerprint.length >= 4 && fingerprint[0] == 'F' && fingerprint[1] == 'I' && fingerprint[2] == 'R'
                && fingerprint[3] == 0;
        return iso ? "-fingerprint.fir" : "-fingerprint.png";
    }

    /** The event id of an entry name. */
    public static String eventId(String entry) {
        return entry.replace("-fingerprint.png", "").replace("-fingerprint.fir", "");
    }

    private FingerprintArchive() {
    }

    /** A ZIP of the images, entries stored uncompressed in the given order. */
    public static byte[] zip(Map<String, byte[]> images) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : images.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The images in a ZIP made by {@link #zip(Map)}. */
    public static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }
}
