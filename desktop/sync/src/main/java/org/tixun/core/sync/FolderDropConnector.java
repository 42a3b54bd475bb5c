// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Folder-drop for one-way network gates: builds {@code <dir>/<recordId>/} under a temporary name,
 * renames it into place and creates {@code READY} last, so a reader never sees half a record.
 */
public final class FolderDropConnector implements Connector {
    /** The marker a reader waits for. */
    public static final String READY = "READY";

    private final Path dir;
    private final Clock clock;
    private final FileWriter writer;

    /** Copies one file to a new path and forces it to disk; replaceable so tests can simulate a full disk. */
    @FunctionalInterface
    public interface FileWriter {
        void copy(Path source, Path target) throws IOException;
    }

    public FolderDropConnector(Path dir, Clock clock) {
        this(dir, clock, FolderDropConnector::copyAndForce);
    }

    public FolderDropConnector(Path dir, Clock clock, FileWriter writer) {
        this.dir = dir;
        this.clock = clock;
        this.writer = writer;
    }

    @Override
    public String destination() {
        return dir.toUri().toString();
    }

    @Override
    public Receipt deliver(Delivery d) throws DeliveryException {
        Path target = dir.resolve(d.recordId());
        try {
            Files.createDirectories(dir);
            if (Files.isDirectory(target)) {
                return alreadyThere(d, target);
            }
            removeLeftovers(d.recordId());
            // only the sealed bytes are written under the sealed hashes
            for (Delivery.Recording r : d.recordings()) {
                ContentCheck.requireSealed(r);
            }
            ContentCheck.requireSealedDocument(d);
            Path tmp = dir.resolve("." + d.recordId() + ".tmp-" + UUID.randomUUID());
            Files.createDirectories(tmp.resolve("recordings"));
            for (Delivery.Recording r : d.recordings()) {
                writer.copy(r.path(), tmp.resolve("recordings").resolve(r.sha256() + extension(r.path())));
            }
            writer.copy(d.document(), tmp.resolve("record.pdf"));
            Path manifest = tmp.resolve("manifest.json.tmp");
            Files.writeString(manifest, d.manifestJson(), StandardCharsets.UTF_8);
            force(manifest);
            Files.move(manifest, tmp.resolve("manifest.json"), StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                deleteTree(tmp);
                if (Files.isDirectory(target)) {
                    return alreadyThere(d, target);
                }
                throw e;
            }
            markReady(target);
            return receipt(d);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("cannot write to the drop folder " + dir + ": " + e, null, null, e);
        }
    }

    /** A previous attempt got as far as the rename: finish it if the contents are ours, refuse if not. */
    private Receipt alreadyThere(Delivery d, Path target) throws IOException, DeliveryException {
        Path manifest = target.resolve("manifest.json");
        if (!Files.exists(manifest) || !Files.readString(manifest, StandardCharsets.UTF_8).equals(d.manifestJson())) {
            throw DeliveryException.refused("the drop folder already holds a different record " + target, 409);
        }
        if (!Files.exists(target.resolve(READY))) {
            if (!d.documentSha256().equals(SyncService.sha256(target.resolve("record.pdf")))) {
                throw DeliveryException.refused("the drop folder holds a different document for " + target, 409);
            }
            markReady(target);
        }
        return receipt(d);
    }

    private Receipt receipt(Delivery d) {
        return new Receipt(d.recordId(), d.documentSha256(), clock.instant().toString(),
                "folder-drop:" + d.recordId(), null);
    }

    private static void markReady(Path target) throws IOException {
        Path ready = target.resolve(READY);
        try {
            Files.writeString(ready, "", StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        force(ready);
    }

    private void removeLeftovers(String recordId) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + recordId + ".tmp-*")) {
            for (Path p : ds) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : ".bin";
    }

    static void copyAndForce(Path source, Path target) throws IOException {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        force(target);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
