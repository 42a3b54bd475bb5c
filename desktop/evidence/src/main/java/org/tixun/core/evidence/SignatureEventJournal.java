// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.model.SignatureEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tixun.core.i18n.LocalizedIOException;

/**
 * Durable store of completed signature events, one directory per record and one file per event: each event is
 * written to a temp file, fsynced and atomically renamed before {@link #append} returns (the acknowledgement), so a
 * killed process loses no acknowledged event and never leaves a half-written one.
 */
public final class SignatureEventJournal {
    private static final String SUFFIX = ".event.json";
    private final Path root;

    public SignatureEventJournal(Path root) {
        this.root = root;
    }

    /** The directory holding a record's events. */
    public Path recordDirectory(String recordId) {
        if (!recordId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("record id must be ASCII letters, digits, '_', '.', '-': " + recordId);
        }
        return root.resolve(recordId);
    }

    /**
     * Persists one completed event; returns once it is on disk.
     *
     * @throws IOException if it cannot be made durable (the caller must not acknowledge the event)
     * @throws FileAlreadyExistsException if a different event with the same id was already journaled
     */
    public void append(String recordId, SignatureEvent event) throws IOException {
        Path dir = recordDirectory(recordId);
        Files.createDirectories(dir);
        byte[] json = EvidenceJson.mapper().writeValueAsBytes(event);
        Path target = dir.resolve(event.eventId() + SUFFIX);
        if (Files.exists(target)) {
            if (Arrays.equals(Files.readAllBytes(target), json)) {
                return;
            }
            throw new FileAlreadyExistsException(target.toString(), null,
                    EvidenceMessages.of("journal.duplicateEvent").bilingual());
        }
        Path tmp = dir.resolve("." + event.eventId() + SUFFIX + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(json);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        forceDirectory(dir);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Directories cannot be opened for fsync on Windows; the event file itself was forced.
            return;
        }
    }

    /** Every journaled event of a record, ordered by completion time; leftover temp files are ignored. */
    public List<SignatureEvent> load(String recordId) throws IOException {
        Path dir = recordDirectory(recordId);
        List<SignatureEvent> events = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return events;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : files) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    events.add(EvidenceJson.mapper().readValue(p.toFile(), SignatureEvent.class));
                } catch (IOException e) {
                    throw new LocalizedIOException(EvidenceMessages.of("journal.corruptEvent", p), e);
                }
            }
        }
        events.sort(Comparator.comparing((SignatureEvent e) -> e.times().hostEnd()).thenComparing(SignatureEvent::eventId));
        return events;
    }

    /** Whether an event is already journaled (so a terminal re-sending it after a link drop gets a plain ack). */
    public boolean contains(String recordId, String eventId) {
        return Files.exists(recordDirectory(recordId).resolve(eventId + SUFFIX));
    }
}
